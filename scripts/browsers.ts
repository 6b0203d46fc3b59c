/**
 * The two browsers the tests, the demo and `npm run dev` drive, where to find each, and how
 * to install one that is missing. One environment variable per browser names its binary:
 * CHROMIUM_PATH and FIREFOX_PATH. Nothing is ever downloaded by npm: the browsers come from
 * the system's package manager (scripts/setup-browsers.ts installs them on Debian as root).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

interface BrowserFacts {
  label: string;
  /** The one environment variable that names this browser's binary. */
  env: 'CHROMIUM_PATH' | 'FIREFOX_PATH';
  /** Where package managers put it, first match wins. */
  candidates: string[];
  /** Package per package manager. */
  packages: { apt: string; dnf: string; pacman: string; brew: string };
  /** Oldest major version the suite is known to pass on (null: any). */
  minimumMajor: number | null;
}

export const BROWSERS: Record<BrowserName, BrowserFacts> = {
  chromium: {
    label: 'Chromium',
    env: 'CHROMIUM_PATH',
    // Chromium, not Google Chrome: branded Chrome ignores --load-extension since version 137.
    candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    packages: { apt: 'chromium', dnf: 'chromium', pacman: 'chromium', brew: '--cask chromium' },
    minimumMajor: null,
  },
  firefox: {
    label: 'Firefox',
    env: 'FIREFOX_PATH',
    // Debian ships Firefox ESR; elsewhere the release works too (temporary add-ons need no signature).
    candidates: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/snap/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    packages: { apt: 'firefox-esr', dnf: 'firefox', pacman: 'firefox', brew: '--cask firefox' },
    // WebDriver BiDi's webExtension.install (how the tests load the add-on) and the manifest's
    // data_collection_permissions arrived by 140 ESR; 140 and 153 ESR are the versions tried.
    minimumMajor: 140,
  },
};

/** The binary for `name`: its environment variable if set, else the first candidate that exists. */
export function browserPath(name: BrowserName): string | undefined {
  const { env, candidates } = BROWSERS[name];
  return process.env[env] || candidates.find((p) => existsSync(p));
}

function osRelease(): string {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

/** The package manager of this machine, from /etc/os-release (Linux) or the platform. */
export function packageManager(platform: string = process.platform, release: string = platform === 'linux' ? osRelease() : ''): 'apt' | 'dnf' | 'pacman' | 'brew' | null {
  if (platform === 'darwin') return 'brew';
  if (platform !== 'linux') return null;
  const ids = [...release.matchAll(/^(?:ID|ID_LIKE)=(.*)$/gm)].flatMap((m) => m[1]!.replace(/"/g, '').split(/\s+/));
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'apt';
  if (ids.some((id) => id === 'fedora' || id === 'rhel')) return 'dnf';
  if (ids.includes('arch')) return 'pacman';
  return null;
}

/** The exact command that installs these browsers here (with sudo when not root). */
export function installCommand(names: readonly BrowserName[], pm = packageManager(), root = process.getuid?.() === 0): string {
  const sudo = root ? '' : 'sudo ';
  const pkgs = (key: 'apt' | 'dnf' | 'pacman' | 'brew') => names.map((n) => BROWSERS[n].packages[key]).join(' ');
  switch (pm) {
    case 'apt':
      return `${sudo}apt-get install -y ${pkgs('apt')}`;
    case 'dnf':
      return `${sudo}dnf install -y ${pkgs('dnf')}`;
    case 'pacman':
      return `${sudo}pacman -S --noconfirm ${pkgs('pacman')}`;
    case 'brew':
      return names.map((n) => `brew install ${BROWSERS[n].packages.brew}`).join(' && ');
    default:
      return `install ${names.map((n) => BROWSERS[n].label).join(' and ')} and set ${names.map((n) => BROWSERS[n].env).join(' / ')}`;
  }
}

/** The major version the binary reports (`Mozilla Firefox 153.8.0esr`, `Chromium 156.0…`), or null. */
export function majorVersion(binary: string): number | null {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 });
    const m = /(\d+)\.\d+/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The binary for `name`, or an error whose message is one line naming the command to run. */
export function requireBrowser(name: BrowserName): string {
  const path = browserPath(name);
  if (path && existsSync(path)) return path;
  const { label, env } = BROWSERS[name];
  if (process.env[env]) throw new Error(`${env}=${process.env[env]} does not exist: fix it, or unset it to use the system's ${label}.`);
  throw new Error(`${label} not found: run \`${installCommand([name])}\` (or set ${env}), or \`npm run setup:browsers\`.`);
}
