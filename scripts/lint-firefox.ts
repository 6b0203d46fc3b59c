/**
 * npm run lint:firefox — Mozilla's add-on linter (web-ext lint, the checks addons.mozilla.org
 * runs on upload) on the Firefox build. It fails on any error, and on any warning that is not
 * one of the explained ones below: each is recognised by its code *and* by the code it points
 * at, so a new innerHTML or eval of ours fails the lint even though the same code is allowed
 * inside React's or zod's. (README "Test it" says why each is harmless.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const BUILD = fileURLToPath(new URL('../.output/firefox-mv2/', import.meta.url));

export interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Warnings in library code the bundle carries, with how to recognise the code they point at. */
export const EXPLAINED: { code: string; why: string; at: RegExp }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "React DOM's and Preact's support for dangerouslySetInnerHTML (Creator Lens never passes it)",
    at: /__html/,
  },
  {
    code: 'DANGEROUS_EVAL',
    why: "zod 4's probe for eval: `Function('')` in a try, refused by the extension's CSP, so zod validates without generated code",
    at: /jitless[\s\S]*try\{return Function\(``\),!0\}catch\{return!1\}/,
  },
];

/** The explained warning `w` is, given the code around it; undefined when it is not one of them. */
export const explanationOf = (w: Finding, code: string) => EXPLAINED.find((e) => e.code === w.code && e.at.test(code));

/** The text around a finding (the bundles are minified: one long line). */
function around(f: Finding): string {
  if (!f.file || !f.line) return '';
  const line = readFileSync(join(BUILD, f.file), 'utf8').split('\n')[f.line - 1] ?? '';
  const at = (f.column ?? 1) - 1;
  return line.slice(Math.max(0, at - 200), at + 200);
}

async function main(): Promise<number> {
  const result = (await webExt.cmd.lint({ sourceDir: BUILD, output: 'none', boring: true }, { shouldExitProgram: false })) as {
    summary: { errors: number; warnings: number; notices: number };
    errors: Finding[];
    warnings: Finding[];
    notices: Finding[];
  };
  const where = (f: Finding) => `${f.code} ${f.file ?? ''}${f.line ? `:${f.line}:${f.column}` : ''}: ${f.message}`;
  const unexplained = result.warnings.filter((w) => !explanationOf(w, around(w)));
  for (const e of result.errors) console.error(`lint:firefox error ${where(e)}`);
  for (const w of unexplained) console.error(`lint:firefox unexplained warning ${where(w)}`);
  for (const n of result.notices) console.log(`lint:firefox notice ${where(n)}`);
  const explained = EXPLAINED.map((e) => `${result.warnings.filter((w) => explanationOf(w, around(w)) === e).length} × ${e.code} (${e.why})`);
  console.log(`lint:firefox web-ext lint of .output/firefox-mv2: ${result.summary.errors} errors, ${result.summary.warnings} warnings (${unexplained.length} unexplained), ${result.summary.notices} notices`);
  console.log(`lint:firefox explained: ${explained.join('; ')}`);
  return result.errors.length || unexplained.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`lint:firefox: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
