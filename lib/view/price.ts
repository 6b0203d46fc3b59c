/**
 * A fee's price against the market, in words and formatted numbers, for every surface (the
 * panel, the popup's and the dashboard's quote form, compare, kept deals, bookings): one
 * function, so they all say the same thing. Pure.
 */
import type { PriceJudgement, PriceVerdict } from '../roi/market';
import type { ViewsBase } from '../roi/price';
import { compact, money, pct } from './format';

export interface PriceShown {
  /** "≈643K": a projection, never more precise than three digits. */
  views: string;
  /** What the expected views stand on. */
  basis: string;
  /** The quote's cost per 1,000 expected views. */
  cpm: string;
  /** The market's usual CPM range. */
  market: string;
  source: string;
  /** What those views are worth at that range. */
  fair: string;
  verdict: PriceVerdict | null;
  /** "Below the usual range, by 22 %" — or why there is no verdict. */
  verdictText: string;
}

export const VERDICT_WORD: Record<PriceVerdict, string> = { below: 'Below the usual range', within: 'Within the usual range', above: 'Above the usual range' };

export function basisText(base: ViewsBase, lang?: string): string {
  return base.kind === 'median'
    ? `median of ${base.posts} recent ${base.posts === 1 ? 'post' : 'posts'}`
    : `followers × ${pct(base.rate, 1, lang)}, the usual reach for an account of this size`;
}

/** `base` may be absent for a record that kept only its words (a deal's `viewsBasis`). */
export function priceShown(j: PriceJudgement, base: ViewsBase | string, currency: string, lang?: string): PriceShown {
  const m = (v: number) => money(v, j.marketCpm.currency, lang);
  const by = j.by === null ? '' : Number.isFinite(j.by) ? pct(j.by, 0, lang) : 'more than any multiple';
  return {
    views: `≈${compact(j.expectedViews, lang)}`,
    basis: typeof base === 'string' ? base : basisText(base, lang),
    cpm: Number.isFinite(j.cpm) ? money(j.cpm, currency, lang) : '—',
    market: `${m(j.marketCpm.low)}–${m(j.marketCpm.high)}`,
    source: j.marketCpm.source,
    fair: `${m(j.fairFee.low)} to ${m(j.fairFee.high)}`,
    verdict: j.verdict,
    verdictText: j.verdict === null
      ? `The market range is in ${j.marketCpm.currency} and the fee in ${currency}; without exchange rates they are not compared.`
      : j.verdict === 'within' ? VERDICT_WORD.within : `${VERDICT_WORD[j.verdict]}, by ${by}`,
  };
}

/** A judgement as a deal or a booking keeps it (lib/schema DealPrice). */
export interface StoredPrice {
  expectedViews: number;
  basis: string;
  cpm: number | null;
  market: { low: number; high: number; currency: string; source: string };
  fairFee: { low: number; high: number };
  verdict: PriceVerdict | null;
  by: number | null;
}

export function storedPriceShown(p: StoredPrice, currency: string, lang?: string): PriceShown {
  const j: PriceJudgement = { expectedViews: p.expectedViews, viewsBasis: 'median recent views', cpm: p.cpm ?? Infinity, marketCpm: p.market, fairFee: p.fairFee, verdict: p.verdict, by: p.by, summary: '' };
  return priceShown(j, p.basis, currency, lang);
}
