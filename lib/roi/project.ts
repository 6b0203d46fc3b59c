/**
 * Projected return on a creator's quoted fee, the way the industry computes it
 * (../shared/FIGURES.md, "ROI arithmetic"):
 *
 *   cost C = fee + extra costs          impressions → clicks (× CTR) → orders (× CVR) → revenue (× AOV)
 *   ROI = (revenue × margin − C) / C    ROAS = revenue / C      CPM = C / impressions × 1000
 *   break-even orders = C / (AOV × margin)      break-even CVR = C / (clicks × AOV × margin)
 *   highest fee for a target ROI r = revenue × margin / (1 + r) − extra costs
 *   EMV = impressions / 1000 × reference CPM  — a PR figure, not a return.
 *
 * Many calculators forget the margin and overstate profit; this one does not.
 * All money is in the user's currency: there is no conversion (no network).
 */
import { isCurrencyCode } from './money';

export const DELIVERABLES = ['post', 'reel', 'story', 'video', 'short'] as const;
export type Deliverable = (typeof DELIVERABLES)[number];

export interface RoiInput {
  fee: number;
  extraCosts?: number;
  /** ISO 4217 code; only labels the result. */
  currency?: string;
  deliverable?: Deliverable;
  /** Expected impressions (see `expectedImpressions`). */
  impressions: number;
  /** Expected engagements on the deliverable, when an engagement rate is known. */
  engagements?: number | null;
  /** Fractions: 0.01 = 1 %. */
  ctr: number;
  cvr: number;
  /** Average order value, in the currency. */
  aov: number;
  /** Gross margin, a fraction of revenue. */
  margin: number;
  /** For the highest fee worth paying; 0 = break even. */
  targetRoi?: number;
  /** For EMV only; per 1,000 impressions. */
  referenceCpm?: number | null;
}

export interface Projection {
  currency: string | null;
  deliverable: Deliverable | null;
  cost: number;
  impressions: number;
  engagements: number | null;
  clicks: number;
  orders: number;
  revenue: number;
  /** revenue × margin. */
  grossProfit: number;
  /** (grossProfit − cost) / cost; null when the cost is 0. */
  roi: number | null;
  roas: number | null;
  cpm: number | null;
  cpe: number | null;
  cpc: number | null;
  cpa: number | null;
  breakEvenOrders: number | null;
  breakEvenCvr: number | null;
  targetRoi: number;
  /** The highest fee for `targetRoi` (can be negative: no fee reaches it). */
  maxFee: number;
  /** Earned media value: impressions priced at a reference CPM. Not a return on anything. */
  emv: { value: number; referenceCpm: number; label: 'EMV (earned media value) — a PR figure, not ROI' } | null;
}

export class RoiInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'RoiInputError';
  }
}

const show = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Every problem with the input, as sentences a user can act on (empty when it is fine). */
export function validateRoiInput(input: RoiInput): string[] {
  const problems: string[] = [];
  const atLeast0 = (name: string, v: unknown) => {
    if (!finite(v) || v < 0) problems.push(`${name} must be a number of 0 or more (got ${show(v)}).`);
  };
  const fraction = (name: string, v: unknown) => {
    if (!finite(v) || v < 0 || v > 1) problems.push(`${name} is a fraction between 0 and 1, e.g. 0.02 for 2 % (got ${show(v)}).`);
  };
  atLeast0('The fee', input.fee);
  if (input.extraCosts !== undefined) atLeast0('Extra costs', input.extraCosts);
  atLeast0('Impressions', input.impressions);
  if (input.engagements !== undefined && input.engagements !== null) atLeast0('Engagements', input.engagements);
  fraction('CTR', input.ctr);
  fraction('CVR', input.cvr);
  atLeast0('The average order value', input.aov);
  fraction('Gross margin', input.margin);
  if (input.targetRoi !== undefined && (!finite(input.targetRoi) || input.targetRoi <= -1)) {
    problems.push(`The target ROI must be a number above −1, e.g. 0.5 for +50 % (got ${show(input.targetRoi)}).`);
  }
  if (input.referenceCpm !== undefined && input.referenceCpm !== null) atLeast0('The reference CPM', input.referenceCpm);
  if (input.currency !== undefined && !isCurrencyCode(input.currency)) {
    problems.push(`"${input.currency}" is not an ISO 4217 currency code (e.g. USD, EUR, GBP).`);
  }
  if (input.deliverable !== undefined && !DELIVERABLES.includes(input.deliverable)) {
    problems.push(`The deliverable is one of ${DELIVERABLES.join(', ')} (got ${show(input.deliverable)}).`);
  }
  return problems;
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);

/** The projection at one set of assumptions. Throws RoiInputError on bad input. */
export function project(input: RoiInput): Projection {
  const problems = validateRoiInput(input);
  if (problems.length) throw new RoiInputError(problems);
  return computeProjection(input);
}

/** The arithmetic alone, for callers that validated already (the range projection's inner loop). */
export function computeProjection(input: RoiInput): Projection {
  const extra = input.extraCosts ?? 0;
  const cost = input.fee + extra;
  const { impressions, ctr, cvr, aov, margin } = input;
  const engagements = input.engagements ?? null;
  const clicks = impressions * ctr;
  const orders = clicks * cvr;
  const revenue = orders * aov;
  const grossProfit = revenue * margin;
  const targetRoi = input.targetRoi ?? 0;
  const profitPerOrder = aov * margin;
  return {
    currency: input.currency ?? null,
    deliverable: input.deliverable ?? null,
    cost,
    impressions,
    engagements,
    clicks,
    orders,
    revenue,
    grossProfit,
    roi: cost > 0 ? (grossProfit - cost) / cost : null,
    roas: div(revenue, cost),
    cpm: impressions > 0 ? (cost / impressions) * 1000 : null,
    cpe: engagements !== null ? div(cost, engagements) : null,
    cpc: div(cost, clicks),
    cpa: div(cost, orders),
    breakEvenOrders: div(cost, profitPerOrder),
    breakEvenCvr: div(cost, clicks * profitPerOrder),
    targetRoi,
    maxFee: grossProfit / (1 + targetRoi) - extra,
    emv:
      input.referenceCpm !== undefined && input.referenceCpm !== null
        ? { value: (impressions / 1000) * input.referenceCpm, referenceCpm: input.referenceCpm, label: 'EMV (earned media value) — a PR figure, not ROI' }
        : null,
  };
}

export interface ImpressionsInput {
  platform: 'instagram' | 'youtube' | 'tiktok';
  followers?: number | null;
  /** Share of followers a deliverable reaches (Instagram). */
  reachRate?: number | null;
  /** The creator's median recent views (TikTok, YouTube). */
  medianViews?: number | null;
  /** The user's own figure wins over everything. */
  userValue?: number | null;
}

export interface ImpressionsEstimate {
  value: number;
  basis: 'your figure' | 'followers × reach rate' | 'median recent views';
}

/**
 * Expected impressions: the user's figure; else the creator's median recent views
 * (TikTok, YouTube — FIGURES.md: the better projection there); else followers × reach
 * rate. Null, with the reason, when the inputs are missing.
 */
export function expectedImpressions(input: ImpressionsInput): ImpressionsEstimate | { value: null; reason: string } {
  if (finite(input.userValue) && input.userValue >= 0) return { value: input.userValue, basis: 'your figure' };
  if (input.platform !== 'instagram' && finite(input.medianViews) && input.medianViews >= 0) {
    return { value: input.medianViews, basis: 'median recent views' };
  }
  if (!finite(input.followers) || input.followers <= 0) {
    return { value: null, reason: 'Followers must be more than 0 to project reach; enter expected impressions instead.' };
  }
  if (!finite(input.reachRate) || input.reachRate <= 0 || input.reachRate > 1) {
    return { value: null, reason: 'The reach rate is a fraction of followers between 0 and 1 (e.g. 0.229).' };
  }
  return { value: input.followers * input.reachRate, basis: 'followers × reach rate' };
}
