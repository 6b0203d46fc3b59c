/**
 * npm run setup:browsers [-- chromium|firefox …] — makes sure the browsers the tests and the
 * demo drive are on this machine (`npm test` and `npm run demo` run it first). A browser that
 * is missing is installed with apt-get when this is Debian or Ubuntu and we are root (a
 * container, CI), and we say so; anywhere else it stops with one line naming the command.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER_NAMES, BROWSERS, browserPath, installCommand, majorVersion, packageManager, type BrowserName } from './browsers';

export class SetupError extends Error {}

function aptInstall(names: BrowserName[]): void {
  const packages = names.map((n) => BROWSERS[n].packages.apt);
  console.log(`setup: installing ${packages.join(' and ')} for the browser tests and the demo: apt-get install -y ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch {
    throw new SetupError(`apt-get could not install ${packages.join(' ')}: run \`apt-get update && apt-get install -y ${packages.join(' ')}\` and look at its output.`);
  }
}

/** What ensureBrowsers looks at and does: this machine's, or a test's. */
export interface Machine {
  /** The browser's variable, else the first candidate that exists (browserPath). */
  find(name: BrowserName): string | undefined;
  exists(path: string): boolean;
  env: Record<string, string | undefined>;
  packageManager: ReturnType<typeof packageManager>;
  root: boolean;
  install(names: BrowserName[]): void;
  majorVersion(binary: string): number | null;
}

const THIS_MACHINE: Machine = {
  find: browserPath,
  exists: existsSync,
  env: process.env,
  packageManager: packageManager(),
  root: process.getuid?.() === 0,
  install: aptInstall,
  majorVersion,
};

/** Finds (and where allowed installs) each browser; returns their binaries, or throws a one-line SetupError. */
export function ensureBrowsers(names: readonly BrowserName[] = BROWSER_NAMES, machine: Machine = THIS_MACHINE): Record<BrowserName, string> {
  const present = (n: BrowserName) => {
    const path = machine.find(n);
    return path !== undefined && machine.exists(path);
  };
  const missing = names.filter((n) => !present(n));
  const explicit = missing.filter((n) => machine.env[BROWSERS[n].env]);
  if (explicit.length) {
    const n = explicit[0]!;
    throw new SetupError(`${BROWSERS[n].env}=${machine.env[BROWSERS[n].env]} does not exist: fix it, or unset it to use the system's ${BROWSERS[n].label}.`);
  }
  if (missing.length) {
    if (machine.packageManager === 'apt' && machine.root) machine.install(missing);
    const still = missing.filter((n) => !present(n));
    if (still.length) throw new SetupError(`${still.map((n) => BROWSERS[n].label).join(' and ')} not found: run \`${installCommand(still, machine.packageManager, machine.root)}\` (or set ${still.map((n) => BROWSERS[n].env).join(' / ')}).`);
  }
  const found = {} as Record<BrowserName, string>;
  for (const name of names) {
    const path = machine.find(name)!;
    const { minimumMajor, label } = BROWSERS[name];
    const major = minimumMajor === null ? null : machine.majorVersion(path);
    if (minimumMajor !== null && major !== null && major < minimumMajor) {
      throw new SetupError(`${label} ${major} at ${path} is too old (the tests need ${minimumMajor} or later): run \`${installCommand([name], machine.packageManager, machine.root)}\` to update it, or set ${BROWSERS[name].env}.`);
    }
    found[name] = path;
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asked = process.argv.slice(2).filter((a): a is BrowserName => (BROWSER_NAMES as string[]).includes(a));
  try {
    const found = ensureBrowsers(asked.length ? asked : BROWSER_NAMES);
    console.log(`setup: ${Object.entries(found).map(([n, p]) => `${BROWSERS[n as BrowserName].label} ${p}`).join(', ')}`);
  } catch (error) {
    console.error(`setup: ${(error as Error).message}`);
    process.exit(1);
  }
}
