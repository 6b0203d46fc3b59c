/**
 * Ranges, not false precision. Each uncertain assumption is low / expected / high; the
 * projection samples them (triangular distribution with its peak at "expected", the usual
 * reading of a three-point estimate) with a seeded generator, so the same inputs and seed
 * always give the same P10 / P50 / P90 and probability of breaking even.
 */
import { project, RoiInputError, validateRoiInput, type Projection, type RoiInput } from './project';

export interface Estimate {
  low: number;
  expected: number;
  high: number;
}

export interface RangeInput extends Omit<RoiInput, 'impressions' | 'ctr' | 'cvr' | 'aov' | 'margin' | 'engagements'> {
  impressions: Estimate;
  ctr: Estimate;
  cvr: Estimate;
  aov: Estimate;
  margin: Estimate;
  engagements?: Estimate | null;
  samples?: number;
  seed?: number;
}

export interface Percentiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface RangeProjection {
  /** The projection at the expected value of every assumption. */
  expected: Projection;
  roi: Percentiles | null;
  revenue: Percentiles;
  /** Share of samples where gross profit covers the cost (ROI ≥ 0). */
  probabilityBreakEven: number | null;
  samples: number;
  seed: number;
}

/** mulberry32: small, fast, and good enough for sampling assumptions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse CDF of the triangular distribution on [low, high] with its mode at `expected`. */
export function triangular(e: Estimate, u: number): number {
  const { low: a, expected: c, high: b } = e;
  if (b <= a) return a;
  const fc = (c - a) / (b - a);
  return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

function validateEstimate(name: string, e: Estimate | null | undefined, problems: string[]) {
  if (!e) return;
  const ok = [e.low, e.expected, e.high].every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!ok || !(e.low <= e.expected && e.expected <= e.high)) {
    problems.push(`${name} needs low ≤ expected ≤ high (got ${[e?.low, e?.expected, e?.high].map(String).join(' / ')}).`);
  }
}

function percentiles(values: Float64Array): Percentiles {
  values.sort();
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  let sum = 0;
  for (const v of values) sum += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: sum / values.length };
}

export function projectRange(input: RangeInput): RangeProjection {
  const samples = input.samples ?? 10_000;
  const seed = input.seed ?? 1;
  const problems: string[] = [];
  for (const [name, e] of [['Impressions', input.impressions], ['CTR', input.ctr], ['CVR', input.cvr], ['The average order value', input.aov], ['Gross margin', input.margin], ['Engagements', input.engagements]] as const) {
    validateEstimate(name, e, problems);
  }
  if (!Number.isInteger(samples) || samples < 100 || samples > 1_000_000) problems.push(`Samples must be a whole number from 100 to 1,000,000 (got ${samples}).`);
  if (!Number.isInteger(seed)) problems.push(`The seed must be a whole number (got ${seed}).`);
  const at = (pick: (e: Estimate) => number): RoiInput => ({
    ...input,
    impressions: pick(input.impressions),
    ctr: pick(input.ctr),
    cvr: pick(input.cvr),
    aov: pick(input.aov),
    margin: pick(input.margin),
    engagements: input.engagements ? pick(input.engagements) : null,
  });
  // The extremes must be valid inputs too (e.g. a margin range reaching above 1).
  if (!problems.length) {
    for (const pick of [(e: Estimate) => e.low, (e: Estimate) => e.high]) problems.push(...validateRoiInput(at(pick)));
  }
  if (problems.length) throw new RoiInputError([...new Set(problems)]);

  const expected = project(at((e) => e.expected));
  const random = seededRandom(seed);
  const rois = new Float64Array(samples);
  const revenues = new Float64Array(samples);
  const cost = expected.cost;
  const { impressions, ctr, cvr, aov, margin } = input;
  let breakEven = 0;
  // The same arithmetic as computeProjection, inlined: 10,000 samples in well under 10 ms.
  for (let i = 0; i < samples; i++) {
    const revenue = triangular(impressions, random()) * triangular(ctr, random()) * triangular(cvr, random()) * triangular(aov, random());
    const grossProfit = revenue * triangular(margin, random());
    revenues[i] = revenue;
    rois[i] = cost > 0 ? (grossProfit - cost) / cost : NaN;
    if (grossProfit >= cost) breakEven++;
  }
  const costKnown = cost > 0;
  return {
    expected,
    roi: costKnown ? percentiles(rois) : null,
    revenue: percentiles(revenues),
    probabilityBreakEven: costKnown ? breakEven / samples : null,
    samples,
    seed,
  };
}
