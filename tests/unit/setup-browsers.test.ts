/**
 * scripts/setup-browsers.ts on machines it cannot be run on here: a browser that is missing
 * is installed with apt-get on Debian or Ubuntu as root; anywhere else the run stops with one
 * line naming the exact command for that system.
 */
import { describe, expect, test } from 'vitest';
import { installCommand, packageManager, type BrowserName } from '../../scripts/browsers';
import { ensureBrowsers, SetupError, type Machine } from '../../scripts/setup-browsers';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ARCH = 'NAME="Arch Linux"\nID=arch\n';

test.each([
  ['linux', DEBIAN, 'apt'],
  ['linux', UBUNTU, 'apt'],
  ['linux', MINT, 'apt'],
  ['linux', FEDORA, 'dnf'],
  ['linux', ARCH, 'pacman'],
  ['linux', 'ID=alpine\n', null],
  ['linux', '', null],
  ['darwin', '', 'brew'],
  ['win32', '', null],
])('packageManager(%s, %j) is %s', (platform, release, pm) => {
  expect(packageManager(platform, release)).toBe(pm);
});

test.each([
  [['chromium', 'firefox'], 'apt', true, 'apt-get install -y chromium firefox-esr'],
  [['firefox'], 'apt', false, 'sudo apt-get install -y firefox-esr'],
  [['chromium'], 'dnf', false, 'sudo dnf install -y chromium'],
  [['firefox'], 'pacman', true, 'pacman -S --noconfirm firefox'],
  [['chromium', 'firefox'], 'brew', false, 'brew install --cask chromium && brew install --cask firefox'],
  [['firefox'], null, false, 'install Firefox and set FIREFOX_PATH'],
] as const)('installCommand(%j) with %s, root %s', (names, pm, root, command) => {
  expect(installCommand(names, pm, root)).toBe(command);
});

/** A machine with these browsers; `install` puts the asked ones in place and records the call. */
function machine(present: Partial<Record<BrowserName, string>>, over: Partial<Machine> = {}): Machine & { installed: BrowserName[][] } {
  const have = { ...present };
  const installed: BrowserName[][] = [];
  return {
    find: (n) => (over.env?.[n === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'] ?? have[n]),
    exists: (path) => Object.values(have).includes(path),
    env: {},
    packageManager: 'apt',
    root: true,
    install: (names) => {
      installed.push(names);
      for (const n of names) have[n] = n === 'firefox' ? '/usr/bin/firefox-esr' : '/usr/bin/chromium';
    },
    majorVersion: () => 153,
    installed,
    ...over,
  };
}

describe('ensureBrowsers', () => {
  test('both present: their binaries, nothing installed', () => {
    const m = machine({ chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' });
    expect(ensureBrowsers(['chromium', 'firefox'], m)).toEqual({ chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' });
    expect(m.installed).toEqual([]);
  });

  test('Debian or Ubuntu as root: the missing one is installed with apt-get', () => {
    const m = machine({ chromium: '/usr/bin/chromium' });
    expect(ensureBrowsers(['chromium', 'firefox'], m)).toEqual({ chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' });
    expect(m.installed).toEqual([['firefox']]);
  });

  test.each([
    ['not root', { root: false }, 'Firefox not found: run `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).'],
    ['Fedora', { packageManager: 'dnf' as const }, 'Firefox not found: run `dnf install -y firefox` (or set FIREFOX_PATH).'],
    ['macOS', { packageManager: 'brew' as const, root: false }, 'Firefox not found: run `brew install --cask firefox` (or set FIREFOX_PATH).'],
  ])('%s: one line naming the command, nothing installed', (_, over, message) => {
    const m = machine({ chromium: '/usr/bin/chromium' }, over);
    expect(() => ensureBrowsers(['chromium', 'firefox'], m)).toThrow(new SetupError(message));
    expect(m.installed).toEqual([]);
  });

  test('apt-get that installs nothing (no network): the line names the command', () => {
    const m = machine({}, { install: () => undefined });
    expect(() => ensureBrowsers(['chromium', 'firefox'], m)).toThrow('Chromium and Firefox not found: run `apt-get install -y chromium firefox-esr` (or set CHROMIUM_PATH / FIREFOX_PATH).');
  });

  test('a browser variable that names nothing is reported as such, and nothing is installed', () => {
    const m = machine({ chromium: '/usr/bin/chromium' }, { env: { FIREFOX_PATH: '/opt/nope/firefox' } });
    expect(() => ensureBrowsers(['firefox'], m)).toThrow('FIREFOX_PATH=/opt/nope/firefox does not exist: fix it, or unset it to use the system\'s Firefox.');
    expect(m.installed).toEqual([]);
  });

  test('a Firefox older than 140 is refused with the command that updates it', () => {
    const m = machine({ firefox: '/usr/bin/firefox-esr' }, { majorVersion: () => 128 });
    expect(() => ensureBrowsers(['firefox'], m)).toThrow('Firefox 128 at /usr/bin/firefox-esr is too old (the tests need 140 or later): run `apt-get install -y firefox-esr` to update it, or set FIREFOX_PATH.');
  });
});
