/** A quote kept as a deal (or a booking): the assumptions and headline figures, unchanged from then on. */
import type { Deal } from '../schema';
import type { Quote } from './quote';

export function dealOf(creatorKey: string, q: Extract<Quote, { ok: true }>, now: number): Deal {
  const strip = ({ low, expected, high }: { low: number; expected: number; high: number }) => ({ low, expected, high });
  const e = q.range.expected;
  const a = q.assumptions;
  return {
    creatorKey, createdAt: now, fee: q.input.fee, extraCosts: q.input.extraCosts ?? 0, currency: q.input.currency, deliverable: q.input.deliverable, note: '',
    assumptions: { impressions: strip(a.impressions), ctr: strip(a.ctr), cvr: strip(a.cvr), aov: strip(a.aov), margin: strip(a.margin), targetRoi: a.targetRoi },
    projection: { roiP10: q.range.roi?.p10 ?? null, roiP50: q.range.roi?.p50 ?? null, roiP90: q.range.roi?.p90 ?? null, revenueP50: q.range.revenue.p50, probabilityBreakEven: q.range.probabilityBreakEven, maxFee: e.maxFee, cpm: e.cpm },
  };
}

