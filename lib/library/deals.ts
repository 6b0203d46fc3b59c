/**
 * Keeping a quote as a deal — the one way a deal is made, whether the panel, the popup (via
 * the background) or the dashboard keeps it: the projection is computed here from the
 * creator's numbers and the assumptions as they are now, checked, and stored unchanged.
 */
import type { TierBoundaries } from '../metrics/benchmarks';
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { dealOf } from '../roi/deal';
import type { Deliverable } from '../roi/project';
import { priceOf, type MarketOverrides } from '../roi/price';
import { quote } from '../roi/quote';
import type { Estimate } from '../roi/range';
import { DealSchema, describeIssues, type Assumptions, type Deal } from '../schema';
import type { ProfileReading } from '../sites/types';

export interface DealInput {
  fee: number;
  currency: string;
  deliverable: Deliverable;
  assumptions: Assumptions;
  /** Reach typed by hand; null = estimated from the creator's numbers. */
  impressions: Estimate | null;
  tierBoundaries: TierBoundaries;
  /** The settings' market CPM ranges (the source's where absent). */
  market?: MarketOverrides;
}

/** The deal a quote makes, checked against the schema; nothing is written. */
export function quoteDeal(creatorKey: string, reading: ProfileReading, input: DealInput, now = Date.now()): { ok: true; deal: Deal } | { ok: false; reason: string } {
  const q = quote({
    platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable: input.deliverable, fee: input.fee, currency: input.currency,
    assumptions: input.assumptions, impressions: input.impressions, tierBoundaries: input.tierBoundaries, now,
  });
  if (!q.ok) return { ok: false, reason: q.reason };
  const price = priceOf({ platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable: input.deliverable, fee: input.fee, currency: input.currency, market: input.market, now });
  const checked = DealSchema.safeParse(dealOf(creatorKey, q, now, price));
  if (!checked.success) return { ok: false, reason: `The quote could not be kept: ${describeIssues(checked.error)}` };
  return { ok: true, deal: checked.data };
}

/** Stores a deal made by `quoteDeal`. */
export async function addDeal(db: LibraryDb, deal: Deal): Promise<{ ok: true; dealId: number } | { ok: false; reason: string }> {
  try {
    return { ok: true, dealId: (await db.deals.add(deal)) as number };
  } catch (error) {
    return { ok: false, reason: describeDbError(error) };
  }
}

export async function deleteDeal(db: LibraryDb, id: number): Promise<void> {
  await db.deals.delete(id);
}
