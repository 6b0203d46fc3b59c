/** The part of web-ext's Node API that scripts/lint-firefox.ts uses (web-ext ships no types). */
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; output?: 'json' | 'text' | 'none'; boring?: boolean; selfHosted?: boolean }, options?: { shouldExitProgram?: boolean }): Promise<unknown>;
    };
  };
  export default webExt;
}
