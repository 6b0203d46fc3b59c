/**
 * Words meant for the team stay out of the interface (issue 14: "[V]", "[2nd, low
 * authority]", "FIGURES.md" reached users): every source a user can read says in plain words
 * how its figure was checked. A convention test over the strings the UI shows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { DEFAULT_CTR, defaultCvr, defaultReachRate, REFERENCE_CPM_USD } from '../../lib/roi/assumptions';
import { MARKET_CPM } from '../../lib/roi/market';
import { quote } from '../../lib/roi/quote';
import { ATTRIBUTION_CAVEAT } from '../../lib/campaigns/ranking';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const JARGON = /\[(V|2nd)[^\]]*\]|FIGURES\.md|\(year read\)/;

function files(path: string): string[] {
  if (statSync(`${ROOT}${path}`).isFile()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(`${ROOT}${path}`).flatMap((name) => files(`${path}/${name}`));
}

test('no string literal the code shows carries the team’s citation marks', () => {
  const offenders: string[] = [];
  for (const file of [...files('lib'), ...files('components')]) {
    readFileSync(`${ROOT}${file}`, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(/\/\*.*?\*\//g, '');
      for (const literal of code.match(/(['"`])(?:\\.|(?!\1).)*\1/g) ?? []) if (JARGON.test(literal)) offenders.push(`${file}:${i + 1}: ${literal.slice(0, 100)}`);
    });
  }
  expect(offenders).toEqual([]);
});

test('the sources users read say how the figure was checked, in words', () => {
  const sources = [DEFAULT_CTR.source, defaultCvr('micro').source, defaultReachRate('post', 50_000).source, defaultReachRate('reel', 50_000).source, ...Object.values(REFERENCE_CPM_USD).map((a) => a.source), ...Object.values(MARKET_CPM).map((m) => m.source), ATTRIBUTION_CAVEAT];
  for (const s of sources) expect(s, s).not.toMatch(JARGON);
  expect(JARGON.test('Modash [V]')).toBe(true); // the scan can fail
});

test('0 followers is a count the page showed, not a missing one', () => {
  const base = { platform: 'instagram' as const, recent: [], deliverable: 'post' as const, fee: 100, currency: 'USD', assumptions: { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 } };
  expect(quote({ ...base, followers: 0 })).toEqual({ ok: false, reason: 'The creator has no followers yet, so no reach can be projected from them.' });
  expect(quote({ ...base, followers: null })).toEqual({ ok: false, reason: 'The page shows no follower count, so reach cannot be projected.' });
});
