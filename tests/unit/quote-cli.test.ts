/** npm run quote and lib/roi/market.ts: a fee against the market first; the return only on the user's own figures. */
import { describe, expect, test } from 'vitest';
import { defaultReachRate } from '../../lib/roi/assumptions';
import { expectedViews, judgePrice, MARKET_CPM } from '../../lib/roi/market';
import { project } from '../../lib/roi/project';
import { runQuote } from '../../scripts/quote';

const json = (argv: string[]) => {
  const r = runQuote(argv);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

describe('npm run quote', () => {
  test('TikTok, $1,500 for 100,000 expected views: CPM 15, fair fee 100 × the market range, within it, no return', () => {
    const out = json(['--platform', 'tiktok', '--deliverable', 'video', '--fee', '1500', '--views', '100000']);
    expect(out.cpm).toBeCloseTo(15, 10);
    expect(out.marketCpm).toEqual({ low: 3, high: 15, currency: 'USD', source: expect.stringMatching(/TikTok \$3–15/) });
    expect(out.fairFee.low).toBeCloseTo(100 * out.marketCpm.low, 10);
    expect(out.fairFee.high).toBeCloseTo(100 * out.marketCpm.high, 10);
    expect(out.verdict).toBe('within');
    expect(out).not.toHaveProperty('return');
  });

  test('--aov and --margin add the return: the fields npm run roi prints, with the labelled assumptions it stands on', () => {
    const out = json(['--platform', 'tiktok', '--deliverable', 'video', '--fee', '1500', '--views', '100000', '--aov', '50', '--margin', '0.5']);
    const expected = project({ fee: 1500, currency: 'USD', deliverable: 'video', impressions: 100_000, ctr: 0.01, cvr: 0.022, aov: 50, margin: 0.5 });
    expect(out.return).toMatchObject({ ...expected, assumptions: { ctr: { value: 0.01, source: expect.stringMatching(/no credible click-through benchmark/) }, cvr: { value: 0.022 } } });
    // Given click-through and conversion, nothing is assumed.
    expect(json(['--platform', 'tiktok', '--deliverable', 'video', '--fee', '1500', '--views', '100000', '--aov', '50', '--margin', '0.5', '--ctr', '0.02', '--cvr', '0.03']).return.assumptions).toEqual({});
  });

  test('above and below the range, and by how much', () => {
    expect(json(['--platform', 'youtube', '--deliverable', 'video', '--fee', '6000', '--views', '100000'])).toMatchObject({ verdict: 'above', by: 1, fairFee: { low: 1000, high: 3000 } });
    expect(json(['--platform', 'instagram', '--deliverable', 'reel', '--fee', '250', '--views', '100000'])).toMatchObject({ verdict: 'below', by: 0.5, summary: 'Below the usual range, by 50 % of its low end.' });
  });

  test('Instagram posts show no views: followers × the tier’s reach rate, and the basis says so', () => {
    const out = json(['--platform', 'instagram', '--deliverable', 'post', '--fee', '500', '--followers', '70231']);
    expect(out).toMatchObject({ viewsBasis: 'followers × reach rate', expectedViews: Math.round(70_231 * defaultReachRate('post', 70_231).expected) });
  });

  test('a fee in another currency than the market range gets no verdict (there are no exchange rates)', () => {
    const out = json(['--platform', 'tiktok', '--deliverable', 'video', '--fee', '1500', '--views', '100000', '--currency', 'EUR']);
    expect(out).toMatchObject({ verdict: null, by: null, summary: expect.stringMatching(/no exchange rates/) });
  });

  test('bad input exits 1 naming every problem at once', () => {
    const r = runQuote(['--platform', 'myspace', '--deliverable', 'billboard', '--fee=-5', '--margin', '2']);
    expect(r.code).toBe(1);
    for (const problem of [/--platform is one of instagram, youtube, tiktok \(got “myspace”\)/, /--deliverable is one of post, reel, story, video, short/, /--fee must be more than 0/, /exactly one of --views/, /both --aov and --margin/, /--margin is a fraction between 0 and 1/]) {
      expect(r.stderr).toMatch(problem);
    }
    expect(runQuote(['--platform', 'tiktok', '--deliverable', 'video', '--fee', 'lots', '--views', '1']).stderr).toMatch(/--fee must be a number \(got “lots”\)/);
    expect(runQuote(['--bogus']).code).toBe(1);
  });
});

describe('lib/roi/market.ts', () => {
  test('every platform has one range, low below high, with its source', () => {
    for (const m of Object.values(MARKET_CPM)) {
      expect(m.low).toBeLessThan(m.high);
      expect(m.source).toMatch(/no year stated/);
    }
  });

  test('expected views: the creator’s median where shown, else followers × reach, else unknown — never a guess', () => {
    expect(expectedViews({ platform: 'tiktok', deliverable: 'video', medianViews: 643_000, followers: 2_631_012 })).toEqual({ value: 643_000, basis: 'median recent views' });
    expect(expectedViews({ platform: 'tiktok', deliverable: 'video', medianViews: null, followers: null })).toEqual({ value: null, reason: expect.stringMatching(/need the creator’s recent views or followers/) });
  });

  test('zero expected views: an infinite CPM and a fee above any fair band', () => {
    expect(judgePrice({ fee: 100, currency: 'USD', views: 0, basis: 'median recent views', market: MARKET_CPM.tiktok })).toMatchObject({ cpm: Infinity, verdict: 'above', fairFee: { low: 0, high: 0 } });
  });
});
