/**
 * A convention test, after Refined GitHub's build/features.test.ts: every site fact lives in
 * lib/sites/ (platforms.ts for hosts, names and words; <site>/route.ts for URLs). Outside it
 * the code asks lib/sites, so no host name of a site is written in lib/, components/,
 * entrypoints/, scripts/ or wxt.config.ts (issue 12's bar). Tests and fixtures may name
 * hosts: they are the evidence.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['lib', 'components', 'entrypoints', 'scripts', 'wxt.config.ts'];
const ALLOWED = 'lib/sites/';
const HOST = /\b((instagram|youtube|tiktok)\.com|youtu\.be)\b/i;

function files(path: string): string[] {
  if (statSync(`${ROOT}${path}`).isFile()) return [path];
  return readdirSync(`${ROOT}${path}`).flatMap((name) => files(`${path}/${name}`));
}

test('no site host is written outside lib/sites', () => {
  const offenders: string[] = [];
  for (const file of SCANNED.flatMap(files)) {
    if (file.startsWith(ALLOWED)) continue;
    readFileSync(`${ROOT}${file}`, 'utf8').split('\n').forEach((line, i) => {
      if (HOST.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  expect(offenders, `ask lib/sites (platforms.ts, routes.ts) instead:\n${offenders.join('\n')}`).toEqual([]);
});

test('the scan can fail: it sees a host where one is written', () => {
  expect(HOST.test("const HOSTS = new Set(['www.instagram.com'])")).toBe(true);
  expect(HOST.test('a YouTube channel')).toBe(false);
  expect(files('lib').some((f) => f.startsWith(ALLOWED) && HOST.test(readFileSync(`${ROOT}${f}`, 'utf8')))).toBe(true);
});
