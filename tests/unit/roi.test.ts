import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultReachRate } from '../../lib/roi/assumptions';
import { formatMoney, isCurrencyCode } from '../../lib/roi/money';
import { expectedImpressions, project, RoiInputError, type RoiInput } from '../../lib/roi/project';
import { projectRange, seededRandom, triangular, type Estimate } from '../../lib/roi/range';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const close = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual! - expected) / (expected || 1))).toBeLessThan(1e-9);
};

const WORKED: RoiInput = { fee: 1500, impressions: 120_000 * 0.229, ctr: 0.01, cvr: 0.02, aov: 60, margin: 0.5 };

describe('worked examples (checked by hand)', () => {
  test('the issue’s example: fee 1,500, 120,000 followers × 22.9 % reach', () => {
    // impressions 120,000 × 0.229 = 27,480; clicks × 1 % = 274.8; orders × 2 % = 5.496;
    // revenue × 60 = 329.76; gross profit × 0.5 = 164.88; ROI (164.88 − 1,500) / 1,500 = −0.89008;
    // ROAS 329.76 / 1,500 = 0.21984; CPM 1,500 / 27,480 × 1,000 = 54.585…;
    // break-even orders 1,500 / (60 × 0.5) = 50; max fee at ROI 0: 164.88 / 1 − 0 = 164.88.
    const p = project(WORKED);
    close(p.impressions, 27_480);
    close(p.clicks, 274.8);
    close(p.orders, 5.496);
    close(p.revenue, 329.76);
    close(p.grossProfit, 164.88);
    close(p.roi, -0.89008);
    close(p.roas, 0.21984);
    close(p.cpm, 1_500_000 / 27_480);
    close(p.breakEvenOrders, 50);
    close(p.maxFee, 164.88);
    // break-even CVR: 1,500 / (274.8 × 30) = 0.18195…; CPC 1,500 / 274.8; CPA 1,500 / 5.496.
    close(p.breakEvenCvr, 1_500 / (274.8 * 30));
    close(p.cpc, 1_500 / 274.8);
    close(p.cpa, 1_500 / 5.496);
    expect(p.emv).toBeNull();
  });

  test.each<[string, RoiInput, Partial<Record<'roi' | 'revenue' | 'maxFee' | 'cpe' | 'breakEvenOrders' | 'emv', number>>]>([
    // 200,000 views × 2 % × 3 % = 120 orders × 40 = 4,800 revenue; × 0.6 = 2,880 profit;
    // cost 2,000 + 400 = 2,400 → ROI (2,880 − 2,400) / 2,400 = 0.2; max fee for +50 %: 2,880 / 1.5 − 400 = 1,520.
    ['a TikTok deal that pays', { fee: 2000, extraCosts: 400, impressions: 200_000, ctr: 0.02, cvr: 0.03, aov: 40, margin: 0.6, targetRoi: 0.5 }, { revenue: 4_800, roi: 0.2, maxFee: 1_520, breakEvenOrders: 100 }],
    // 10,000 engagements on a 500 fee: CPE 0.05. EMV 50,000 / 1,000 × 10 = 500 (not a return).
    ['CPE and EMV', { fee: 500, impressions: 50_000, engagements: 10_000, ctr: 0.01, cvr: 0.01, aov: 100, margin: 0.5, referenceCpm: 10 }, { cpe: 0.05, emv: 500, revenue: 500, roi: -0.5 }],
  ])('%s', (_name, input, expected) => {
    const p = project(input);
    for (const [k, v] of Object.entries(expected)) close(k === 'emv' ? p.emv?.value : (p[k as keyof typeof p] as number), v);
  });

  test('no cost: ROI, ROAS and break-even are undefined (null), not infinite', () => {
    const p = project({ ...WORKED, fee: 0 });
    expect([p.roi, p.roas, p.cpm === 0 ? 0 : p.cpm]).toEqual([null, null, 0]);
  });

  test('npm run roi gives the worked example to 1e-9', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/roi.ts', '--fee', '1500', '--followers', '120000', '--reach-rate', '0.229', '--ctr', '0.01', '--cvr', '0.02', '--aov', '60', '--margin', '0.5'], { cwd: ROOT, encoding: 'utf8' });
    const json = JSON.parse(out);
    for (const [k, v] of Object.entries({ impressions: 27_480, clicks: 274.8, orders: 5.496, revenue: 329.76, grossProfit: 164.88, roi: -0.89008, roas: 0.21984, cpm: 54.58515283842795, breakEvenOrders: 50, maxFee: 164.88 })) close(json[k], v);
    const bad = spawnSync('npx', ['tsx', 'scripts/roi.ts', '--fee=-5', '--followers', '0', '--reach-rate', '0.2', '--ctr', '0.01', '--cvr', '0.02', '--aov', '60', '--margin', '1.5'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Followers must be more than 0/);
    expect(bad.stderr).toMatch(/The fee must be a number of 0 or more \(got -5\)/);
    expect(bad.stderr).toMatch(/Gross margin is a fraction between 0 and 1/);
    expect(bad.stdout).toBe('');
  }, 30_000);
});

describe('bad input is refused with a clear message', () => {
  test.each<[string, Partial<RoiInput>, RegExp]>([
    ['negative fee', { fee: -1 }, /The fee must be a number of 0 or more \(got -1\)/],
    ['NaN fee', { fee: NaN }, /The fee must be a number of 0 or more \(got NaN\)/],
    ['margin above 1', { margin: 1.5 }, /Gross margin is a fraction between 0 and 1/],
    ['CTR as a percentage', { ctr: 2 }, /CTR is a fraction between 0 and 1, e.g. 0.02 for 2 %/],
    ['a made-up currency', { currency: 'XYZZY' }, /not an ISO 4217 currency code/],
    ['target ROI of −100 %', { targetRoi: -1 }, /target ROI must be a number above −1/],
  ])('%s', (_name, patch, message) => {
    expect(() => project({ ...WORKED, ...patch })).toThrow(RoiInputError);
    expect(() => project({ ...WORKED, ...patch })).toThrow(message);
  });

  test('zero followers cannot project reach', () => {
    expect(expectedImpressions({ platform: 'instagram', followers: 0, reachRate: 0.2 })).toEqual({ value: null, reason: expect.stringMatching(/Followers must be more than 0/) });
    expect(expectedImpressions({ platform: 'tiktok', followers: 0, medianViews: 12_000 })).toEqual({ value: 12_000, basis: 'median recent views' });
    expect(expectedImpressions({ platform: 'instagram', followers: 100, reachRate: 0.5, userValue: 7 })).toEqual({ value: 7, basis: 'your figure' });
  });

  test('a range whose ends are invalid is refused', () => {
    const e = (v: number): Estimate => ({ low: v, expected: v, high: v });
    expect(() => projectRange({ fee: 100, impressions: e(1000), ctr: e(0.01), cvr: e(0.02), aov: e(50), margin: { low: 0.5, expected: 0.9, high: 1.2 } })).toThrow(/Gross margin/);
    expect(() => projectRange({ fee: 100, impressions: { low: 5, expected: 1, high: 9 }, ctr: e(0.01), cvr: e(0.02), aov: e(50), margin: e(0.5) })).toThrow(/low ≤ expected ≤ high/);
  });
});

describe('properties', () => {
  const input = fc.record({
    fee: fc.double({ min: 1, max: 1e6, noNaN: true }),
    impressions: fc.double({ min: 1, max: 1e8, noNaN: true }),
    ctr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    cvr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
    aov: fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    margin: fc.double({ min: 0.01, max: 1, noNaN: true }),
  });

  test('ROI rises with AOV and falls with the fee', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 1.01, max: 10, noNaN: true }), (i, k) => {
        const base = project(i);
        // Strictly, where the change is above floating-point noise.
        fc.pre(base.grossProfit / base.cost > 1e-9);
        return project({ ...i, aov: i.aov * k }).roi! > base.roi! && project({ ...i, fee: i.fee * k }).roi! < base.roi!;
      }),
    );
  });

  test('paying the highest fee for a target ROI gives that ROI', () => {
    fc.assert(
      fc.property(input, fc.double({ min: -0.9, max: 5, noNaN: true }), (i, r) => {
        const maxFee = project({ ...i, targetRoi: r }).maxFee;
        fc.pre(maxFee > 1e-6);
        return Math.abs(project({ ...i, fee: maxFee }).roi! - r) < 1e-6 * Math.max(1, Math.abs(r));
      }),
    );
  });

  const estimate = (min: number, max: number) =>
    fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }))
      .map((v) => v.sort((a, b) => a - b))
      .map(([low, expected, high]) => ({ low: low!, expected: expected!, high: high! }));

  test('P10 ≤ P50 ≤ P90, a probability in [0, 1], and the same numbers for the same seed', () => {
    fc.assert(
      fc.property(
        fc.record({ fee: fc.double({ min: 1, max: 1e5, noNaN: true }), impressions: estimate(1, 1e6), ctr: estimate(0, 0.05), cvr: estimate(0, 0.05), aov: estimate(1, 500), margin: estimate(0, 1), seed: fc.integer() }),
        (i) => {
          const a = projectRange({ ...i, samples: 500 });
          const b = projectRange({ ...i, samples: 500 });
          const { roi, revenue, probabilityBreakEven: p } = a;
          return (
            roi!.p10 <= roi!.p50 && roi!.p50 <= roi!.p90 && revenue.p10 <= revenue.p50 && revenue.p50 <= revenue.p90 &&
            p! >= 0 && p! <= 1 && JSON.stringify(a) === JSON.stringify(b)
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a range with no spread gives the point projection', () => {
    const e = (v: number): Estimate => ({ low: v, expected: v, high: v });
    const r = projectRange({ fee: 1500, impressions: e(27_480), ctr: e(0.01), cvr: e(0.02), aov: e(60), margin: e(0.5), samples: 1000 });
    close(r.roi!.p10, -0.89008);
    close(r.roi!.p90, -0.89008);
    expect(r.probabilityBreakEven).toBe(0);
  });

  test('the sampler: reproducible, and triangular samples stay in [low, high] around the mode', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5000 }, () => triangular({ low: 1, expected: 2, high: 5 }, a()));
    expect(Array.from({ length: 5000 }, () => triangular({ low: 1, expected: 2, high: 5 }, b()))).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(5);
    // mean of a triangular distribution is (a + b + c) / 3 = 8 / 3
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(8 / 3, 1);
  });
});

describe('currencies and presets', () => {
  test('ISO codes only; display through Intl', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(formatMoney(1500, 'USD', 'en-US')).toBe('$1,500.00');
    expect(formatMoney(1500, 'EUR', 'de-DE')).toBe('1.500,00\u00a0€');
    expect(formatMoney(1500, 'JPY', 'ja-JP')).toBe('￥1,500');
  });

  test('Instagram reach presets follow Minter.io by tier and stay ordered', () => {
    expect(defaultReachRate('post', 120_000).expected).toBe(0.229);
    expect(defaultReachRate('post', 5_000).expected).toBe(0.377);
    expect(defaultReachRate('story', 2_000_000).expected).toBe(0.038);
    for (const d of ['post', 'reel', 'story', 'video', 'short'] as const)
      for (const f of [100, 50_000, 500_000, 5_000_000]) {
        const r = defaultReachRate(d, f);
        expect(r.low <= r.expected && r.expected <= r.high).toBe(true);
      }
  });
});
