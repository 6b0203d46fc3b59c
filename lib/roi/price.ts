/**
 * A quoted fee against the market for one creator — the first answer a fee gets, and the
 * same everywhere (panel, popup, compare, kept deals, bookings): the expected views stand on
 * the very reach the return would use (quote.ts impressionsFor: the creator's median recent
 * views, or on Instagram followers × the usual reach rate for the account's size), judged
 * with lib/roi/market.ts at the settings' market range (the source's unless the user set one).
 * Pure; no zod.
 */
import type { PostCounts } from '../metrics/engagement';
import type { Platform } from '../sites/types';
import { defaultReachRate } from './assumptions';
import { judgePrice, MARKET_CPM, organicBaseline, type MarketCpm, type PriceJudgement } from './market';
import type { Deliverable } from './project';
import { impressionsFor } from './quote';

/** The user's ranges per platform (settings.marketCpm), without a source of their own. */
export type MarketOverrides = Partial<Record<Platform, { low: number; high: number; currency: string }>>;

export const YOUR_RANGE = 'your own range (settings)';

/** The market CPM range a platform's fees are judged against: the user's, else the named source's. */
export function marketCpmFor(platform: Platform, overrides?: MarketOverrides): MarketCpm {
  const own = overrides?.[platform];
  return own ? { ...own, source: YOUR_RANGE } : MARKET_CPM[platform];
}

/** What the expected views stand on, for the words beside them. */
export type ViewsBase =
  | { kind: 'median'; posts: number }
  | { kind: 'reach'; followers: number; rate: number };

export interface PriceInput {
  platform: Platform;
  followers: number | null;
  recent: readonly PostCounts[];
  deliverable: Deliverable;
  fee: number;
  currency: string;
  market?: MarketOverrides;
  now?: number;
}

export type Price = { ok: true; judgement: PriceJudgement; base: ViewsBase } | { ok: false; reason: string };

export function priceOf(input: PriceInput): Price {
  if (!Number.isFinite(input.fee) || input.fee <= 0) return { ok: false, reason: 'Enter the fee quoted, more than 0.' };
  const now = input.now ?? Date.now();
  const reach = impressionsFor({ ...input, now });
  if ('reason' in reach) return { ok: false, reason: reach.reason };
  const base: ViewsBase = input.platform === 'instagram'
    ? { kind: 'reach', followers: input.followers!, rate: defaultReachRate(input.deliverable, input.followers!).expected }
    : { kind: 'median', posts: organicBaseline({ platform: input.platform, deliverable: input.deliverable, posts: input.recent, now })?.postsUsed ?? 0 };
  const views = reach.expected;
  const judgement = judgePrice({ fee: input.fee, currency: input.currency, views, basis: base.kind === 'median' ? 'median recent views' : 'followers × reach rate', market: marketCpmFor(input.platform, input.market) });
  return { ok: true, judgement, base };
}
