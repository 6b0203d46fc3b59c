/**
 * Every selector with its witnesses (STYLE.md example 14, after Refined GitHub's
 * selectors test): each entry in lib/sites/<site>/selectors.ts names the fixture pages it
 * must match, and fails here when it matches nothing on one of them, so a dead selector
 * shows. Entries may also name pages the sites served themselves (../shared/real-captures,
 * read in place): those are checked when the folder is there, reported when it is not, and
 * required when CI=true.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as instagram from '../../lib/sites/instagram/selectors';
import * as tiktok from '../../lib/sites/tiktok/selectors';
import type { Selector } from '../../lib/sites/types';
import * as youtube from '../../lib/sites/youtube/selectors';
import { FIXTURES, loadFixture, loadHtml } from './fixtures';

const MODULES = { instagram, youtube, tiktok } as Record<string, Record<string, unknown>>;

/** Selectors no saved page shows yet, by name; each says why in its `unwitnessed`. Adding one is a decision, so it is listed here. */
const KNOWN_UNWITNESSED = ['tiktok VIDEO_SCOPE[1]'];

const REAL = fileURLToPath(new URL('../../../shared/real-captures/', import.meta.url));
const realPresent = existsSync(REAL);
const CI = process.env.CI === 'true';
if (!realPresent && !CI) console.warn(`selectors.test: ${REAL} is missing; the real-capture witnesses are skipped (with CI=true they fail)`);

function isSelector(value: unknown): value is Selector {
  return typeof value === 'object' && value !== null && typeof (value as Selector).selector === 'string' && Array.isArray((value as Selector).witnesses);
}

/** Every Selector a module exports, however nested (records and lists), each once, with its path. */
function selectorsOf(site: string, module: Record<string, unknown>): { name: string; entry: Selector }[] {
  const out: { name: string; entry: Selector }[] = [];
  const seen = new Set<Selector>();
  const walk = (value: unknown, name: string) => {
    if (isSelector(value)) {
      if (!seen.has(value)) out.push({ name, entry: value });
      seen.add(value);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${name}[${i}]`));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${name}.${k}`);
  };
  for (const [key, value] of Object.entries(module)) walk(value, `${site} ${key}`);
  return out;
}

const ALL = Object.entries(MODULES).flatMap(([site, module]) => selectorsOf(site, module).map((s) => ({ site, ...s })));

const docs = new Map<string, Document>();
const fixture = (path: string) => docs.get(path) ?? docs.set(path, loadFixture(path)).get(path)!;
const real = (path: string) => docs.get(`real:${path}`) ?? docs.set(`real:${path}`, loadHtml(readFileSync(`${REAL}${path}`, 'utf8'))).get(`real:${path}`)!;

test('each site exports its selectors as witnessed entries', () => {
  for (const site of Object.keys(MODULES)) expect(ALL.filter((s) => s.site === site).length, site).toBeGreaterThanOrEqual(10);
});

describe.each(ALL.map((s) => [s.name, s] as const))('%s', (_name, { site, entry }) => {
  test('says why, and has a witness (or says why there is none)', () => {
    expect(entry.why.trim()).not.toBe('');
    if (entry.unwitnessed !== undefined) {
      expect(entry.witnesses).toEqual([]);
      expect(entry.unwitnessed.trim()).not.toBe('');
    } else {
      expect(entry.witnesses.length).toBeGreaterThan(0);
    }
  });

  test.each(entry.witnesses.map((w) => [w]))('matches on %s', (witness) => {
    expect(witness.startsWith(`${site}/`), `${witness} is a ${site} fixture`).toBe(true);
    expect(existsSync(`${FIXTURES}${witness}`), `${witness} exists`).toBe(true);
    expect(fixture(witness).querySelectorAll(entry.selector).length, `${entry.selector} on ${witness}`).toBeGreaterThan(0);
  });

  test.for((entry.real ?? []).map((w) => [w] as const))('matches on the real capture %s', ([witness], ctx) => {
    if (!realPresent) {
      if (CI) throw new Error(`../shared/real-captures is missing (CI=true): ${REAL}`);
      ctx.skip(`../shared/real-captures is missing (${REAL})`);
    }
    expect(witness.startsWith(`${site}/`), `${witness} is a ${site} capture`).toBe(true);
    expect(existsSync(`${REAL}${witness}`), `${witness} exists`).toBe(true);
    expect(real(witness).querySelectorAll(entry.selector).length, `${entry.selector} on ${witness}`).toBeGreaterThan(0);
  });
});

test('the selectors without a witness are exactly the known ones', () => {
  expect(ALL.filter((s) => s.entry.unwitnessed !== undefined).map((s) => s.name)).toEqual(KNOWN_UNWITNESSED);
});

test('the test can fail: a selector that matches nothing on its witness is caught', () => {
  const dead: Selector = { selector: '[data-e2e="followers-count-2019"]', why: 'a selector nobody uses any more', witnesses: ['tiktok/profile-2024-universal.html'] };
  expect(fixture(dead.witnesses[0]!).querySelectorAll(dead.selector).length).toBe(0);
});

/** The readers query the DOM only through selectors.ts entries: no selector string written inline. */
test('no selector is written inline in a reader', () => {
  const dir = fileURLToPath(new URL('../../lib/sites/', import.meta.url));
  const offenders: string[] = [];
  for (const site of Object.keys(MODULES)) {
    for (const file of readdirSync(`${dir}${site}`).filter((f) => f.endsWith('.ts') && f !== 'selectors.ts')) {
      readFileSync(`${dir}${site}/${file}`, 'utf8').split('\n').forEach((line, i) => {
        if (/\b(querySelector(All)?|closest|matches|getElementById)\(\s*['"`]/.test(line)) offenders.push(`lib/sites/${site}/${file}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  expect(offenders).toEqual([]);
});
