/** A quote kept as a deal (or a booking): the price against the market, the assumptions and headline figures, unchanged from then on. */
import type { Deal, DealPrice } from '../schema';
import type { Price } from './price';
import { hasOwnEconomics, type Quote } from './quote';

/** A price judgement as a deal keeps it (plain, finite numbers; the basis in words). */
export function dealPriceOf(p: Extract<Price, { ok: true }>): DealPrice {
  const j = p.judgement;
  return {
    expectedViews: j.expectedViews,
    basis: p.base.kind === 'median' ? `median of ${p.base.posts} recent ${p.base.posts === 1 ? 'post' : 'posts'}` : `followers × ${Math.round(p.base.rate * 1000) / 10} % reach, usual for the account's size`,
    cpm: Number.isFinite(j.cpm) ? j.cpm : null,
    market: { low: j.marketCpm.low, high: j.marketCpm.high, currency: j.marketCpm.currency, source: j.marketCpm.source.slice(0, 300) },
    fairFee: j.fairFee,
    verdict: j.verdict,
    by: j.by !== null && Number.isFinite(j.by) ? j.by : null,
  };
}

export function dealOf(creatorKey: string, q: Extract<Quote, { ok: true }>, now: number, price?: Price): Deal {
  const strip = ({ low, expected, high }: { low: number; expected: number; high: number }) => ({ low, expected, high });
  const e = q.range.expected;
  const a = q.assumptions;
  return {
    creatorKey, createdAt: now, fee: q.input.fee, extraCosts: q.input.extraCosts ?? 0, currency: q.input.currency, deliverable: q.input.deliverable, note: '',
    assumptions: { impressions: strip(a.impressions), ctr: strip(a.ctr), cvr: strip(a.cvr), aov: strip(a.aov), margin: strip(a.margin), targetRoi: a.targetRoi },
    projection: { roiP10: q.range.roi?.p10 ?? null, roiP50: q.range.roi?.p50 ?? null, roiP90: q.range.roi?.p90 ?? null, revenueP50: q.range.revenue.p50, probabilityBreakEven: q.range.probabilityBreakEven, maxFee: e.maxFee, cpm: e.cpm },
    ...(price?.ok && { price: dealPriceOf(price) }),
    ownFigures: hasOwnEconomics(q.input.assumptions),
  };
}
