/**
 * The ROI range projection (10,000 seeded samples, goal under 10 ms) beside its floor, a
 * plain loop of 10,000 funnel evaluations on inputs drawn beforehand, and its percentiles
 * step before and after: sorting both sample arrays (as it did) against selecting the three
 * percentiles (lib/roi/range.ts percentilesOf), on the same samples. Runs interleaved.
 */
import { performance } from 'node:perf_hooks';
import { percentilesOf, projectRange, seededRandom, triangular, type Percentiles, type RangeInput } from '../lib/roi/range';

export const RANGE_INPUT: RangeInput = {
  fee: 1500,
  extraCosts: 200,
  impressions: { low: 12_000, expected: 27_480, high: 45_000 },
  ctr: { low: 0.003, expected: 0.01, high: 0.02 },
  cvr: { low: 0.005, expected: 0.02, high: 0.03 },
  aov: { low: 40, expected: 60, high: 80 },
  margin: { low: 0.4, expected: 0.5, high: 0.6 },
  samples: 10_000,
  seed: 7,
};

/** The percentiles as they were: both arrays sorted in full. */
function percentilesBySorting(values: Float64Array): Percentiles {
  values.sort();
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  let sum = 0;
  for (const v of values) sum += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: sum / values.length };
}

export interface RoiBenchResult {
  /** Median and p95 in ms. */
  projectRange: { median: number; p95: number };
  funnelFloor: { median: number; p95: number };
  /** Both sample arrays (ROI and revenue), sorted vs selected. */
  percentilesSorted: { median: number; p95: number };
  percentilesSelected: { median: number; p95: number };
  same: boolean;
}

const stat = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};

export function benchRoi(runs = 200): RoiBenchResult {
  const n = RANGE_INPUT.samples!;
  // The samples projectRange draws, the same way (5 draws a sample), for the percentiles and the floor.
  const random = seededRandom(RANGE_INPUT.seed!);
  const inputs = Array.from({ length: 5 }, () => new Float64Array(n));
  const rois = new Float64Array(n);
  const revenues = new Float64Array(n);
  const { impressions, ctr, cvr, aov, margin } = RANGE_INPUT;
  for (let i = 0; i < n; i++) {
    const draws = [triangular(impressions, random()), triangular(ctr, random()), triangular(cvr, random()), triangular(aov, random()), triangular(margin, random())];
    draws.forEach((d, j) => (inputs[j]![i] = d));
  }
  const cost = RANGE_INPUT.fee + (RANGE_INPUT.extraCosts ?? 0);
  const funnel = () => {
    let breakEven = 0;
    for (let i = 0; i < n; i++) {
      const revenue = inputs[0]![i]! * inputs[1]![i]! * inputs[2]![i]! * inputs[3]![i]!;
      const grossProfit = revenue * inputs[4]![i]!;
      revenues[i] = revenue;
      rois[i] = (grossProfit - cost) / cost;
      if (grossProfit >= cost) breakEven++;
    }
    return breakEven;
  };
  funnel();
  const roiSamples = rois.slice();
  const revenueSamples = revenues.slice();
  const a = [percentilesBySorting(roiSamples.slice()), percentilesBySorting(revenueSamples.slice())];
  const b = [percentilesOf(roiSamples.slice()), percentilesOf(revenueSamples.slice())];
  const same = a.every((p, i) => p.p10 === b[i]!.p10 && p.p50 === b[i]!.p50 && p.p90 === b[i]!.p90);

  const t = { range: [] as number[], floor: [] as number[], sorted: [] as number[], selected: [] as number[] };
  const variants: [keyof typeof t, () => unknown][] = [
    ['range', () => projectRange(RANGE_INPUT)],
    ['floor', funnel],
    ['sorted', () => [percentilesBySorting(roiSamples.slice()), percentilesBySorting(revenueSamples.slice())]],
    ['selected', () => [percentilesOf(roiSamples.slice()), percentilesOf(revenueSamples.slice())]],
  ];
  for (let i = 0; i < runs + 20; i++) {
    // Each round in a different order, so no variant always runs first.
    for (let j = 0; j < variants.length; j++) {
      const [name, f] = variants[(i + j) % variants.length]!;
      const t0 = performance.now();
      f();
      if (i >= 20) t[name].push(performance.now() - t0);
    }
  }
  // The array copies are in both percentile timings alike (copying 2 × 10,000 numbers: a few µs).
  return { projectRange: stat(t.range), funnelFloor: stat(t.floor), percentilesSorted: stat(t.sorted), percentilesSelected: stat(t.selected), same };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchRoi());
