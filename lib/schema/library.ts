/**
 * The library's stored records (lib/db): creators, their snapshots and posts, and kept
 * deals. Validated where they cross a boundary (a message, an import); types for stored
 * data are inferred from these schemas.
 */
import { z } from 'zod';
import { DELIVERABLES } from '../roi/project';
import { POST_SOURCES, PROFILE_COUNTS } from '../sites/types';
import { count, creatorKey, currency, estimate, flags, label, LIKES_HIDDEN, money, noLikesWhenHidden, PLATFORM, postFactsShape, profileCounts, siteUrl, text, time } from './primitives';

/** The library's version: lib/db/db.ts lists every version's stores, export files carry it. */
export const LIBRARY_VERSION = 6;

export const CountsSchema = profileCounts();

/** The creator's latest numbers, with which of them the page showed in full (since v5). */
export const LatestSchema = CountsSchema.extend({ takenAt: time, exact: flags(PROFILE_COUNTS) }).strict();

export const CreatorSchema = z
  .object({
    key: creatorKey,
    platform: PLATFORM,
    handle: text(100).min(1),
    displayName: text(300).nullable(),
    url: siteUrl,
    /** When the user saved this creator; null when only recorded ("record every profile"). */
    savedAt: time.nullable(),
    firstSeenAt: time,
    lastSeenAt: time,
    latest: LatestSchema.nullable(),
    lists: z.array(label).max(200),
    tags: z.array(label).max(200),
    notes: text(20_000),
  })
  .strict()
  .refine((c) => c.key === `${c.platform}:${c.handle}`, { message: 'key must be "platform:handle"', path: ['key'] });

export const SnapshotSchema = CountsSchema.extend({
  id: z.number().int().positive().optional(),
  creatorKey,
  takenAt: time,
  exact: flags(PROFILE_COUNTS),
  source: z.enum(['auto', 'manual']),
  readerVersion: z.number().int().nonnegative().max(1_000_000),
}).strict();

export const PostSchema = z
  .object({
    key: z.string().max(120),
    creatorKey,
    platform: PLATFORM,
    id: text(64).min(1),
    url: siteUrl,
    // Since v6 (issue 13), all of what the page's own data says of the post (lib/sites/types.ts
    // PostFacts); before, only its counts and words for its date: the rest is unknown on
    // older posts (lib/db/upgrades.ts).
    ...postFactsShape(),
    /** Where its numbers came from; null for posts stored before v6, which did not keep it. */
    source: z.enum(POST_SOURCES).nullable(),
    firstSeenAt: time,
    lastSeenAt: time,
  })
  .strict()
  .refine((p) => p.key === `${p.platform}:${p.id}`, { message: 'key must be "platform:id"', path: ['key'] })
  .refine(noLikesWhenHidden, LIKES_HIDDEN);

/** The assumptions a projection was made with, so a quote can be revisited. */
export const DealAssumptionsSchema = z
  .object({ impressions: estimate, ctr: estimate, cvr: estimate, aov: estimate, margin: estimate, targetRoi: z.number().finite() })
  .strict();

/** Headline figures of a projection at the time (kept unchanged). */
export const DealProjectionSchema = z
  .object({
    roiP10: z.number().finite().nullable(),
    roiP50: z.number().finite().nullable(),
    roiP90: z.number().finite().nullable(),
    revenueP50: z.number().finite(),
    probabilityBreakEven: z.number().min(0).max(1).nullable(),
    maxFee: z.number().finite(),
    cpm: z.number().finite().nullable(),
  })
  .strict();

/**
 * The fee against the market when the deal was kept (issue 14; deals kept before have none
 * and keep what they stored): expected views and what they stood on, the quote's CPM, the
 * market range with its source, the fair-fee band and the verdict.
 */
export const DealPriceSchema = z
  .object({
    expectedViews: z.number().finite().nonnegative(),
    basis: text(200),
    cpm: z.number().finite().nullable(),
    market: z.object({ low: z.number().finite(), high: z.number().finite(), currency, source: text(300) }).strict(),
    fairFee: z.object({ low: z.number().finite(), high: z.number().finite() }).strict(),
    verdict: z.enum(['below', 'within', 'above']).nullable(),
    by: z.number().finite().nullable(),
  })
  .strict();

export const DealSchema = z
  .object({
    id: z.number().int().positive().optional(),
    creatorKey,
    createdAt: time,
    fee: money,
    extraCosts: money,
    currency,
    deliverable: z.enum(DELIVERABLES),
    assumptions: DealAssumptionsSchema,
    projection: DealProjectionSchema,
    price: DealPriceSchema.optional(),
    /** Whether the order value and margin were the user's own (else the return was on placeholders, and is not shown as an answer). Absent on deals kept before issue 14. */
    ownFigures: z.boolean().optional(),
    note: text(2_000),
  })
  .strict();

export type Creator = z.infer<typeof CreatorSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Post = z.infer<typeof PostSchema>;
export type Deal = z.infer<typeof DealSchema>;
export type DealPrice = z.infer<typeof DealPriceSchema>;
export type Counts = z.infer<typeof CountsSchema>;
