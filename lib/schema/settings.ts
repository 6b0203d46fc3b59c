/** The user's settings and assumptions, stored in the library's settings table. */
import { z } from 'zod';
import { DEFAULT_TIER_BOUNDARIES, TIERS } from '../metrics/benchmarks';
import { currency, fraction, orderedEstimate, PLATFORM } from './primitives';

const bandOverride = z.object({ low: fraction.optional(), typical: fraction.optional(), high: fraction.optional() }).strict();

/** The user's own market CPM range for a platform (per 1,000 views, in its currency), replacing the named source's. */
export const MarketCpmOverrideSchema = z
  .object({ low: z.number().finite().positive().max(1e6), high: z.number().finite().positive().max(1e6), currency })
  .strict()
  .refine((r) => r.low <= r.high, 'low ≤ high');

/**
 * The user's assumptions. `null` means "Creator Lens's default" (lib/roi/assumptions.ts),
 * so a default that improves later reaches users who never changed it.
 */
export const AssumptionsSchema = z
  .object({
    ctr: orderedEstimate(fraction).nullable().default(null),
    cvr: orderedEstimate(fraction).nullable().default(null),
    aov: orderedEstimate(z.number().finite().min(0).max(1e9)).nullable().default(null),
    margin: orderedEstimate(fraction).nullable().default(null),
    /** The ROI the highest fee worth paying must reach; 0 = break even. */
    targetRoi: z.number().finite().min(-0.99).max(100).default(0),
  })
  .strict();

export const SettingsSchema = z
  .object({
    /** Record a snapshot of every profile visited, not only saved creators. */
    recordEveryProfile: z.boolean(),
    /** At most one automatic snapshot per creator per this many hours, unless a number changed. */
    autoSnapshotHours: z.number().min(0).max(24 * 365),
    currency,
    assumptions: AssumptionsSchema.default(() => AssumptionsSchema.parse({})),
    /** Followers where micro, mid, macro and mega begin. */
    tierBoundaries: z
      .tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive(), z.number().int().positive()])
      .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), 'tier boundaries must increase')
      .default([...DEFAULT_TIER_BOUNDARIES]),
    /** The user's edits to benchmark bands, per platform and tier. */
    benchmarkOverrides: z.partialRecord(PLATFORM, z.partialRecord(z.enum(TIERS), bandOverride)).default({}),
    /**
     * The user's market CPM ranges, per platform (lib/roi/market.ts has the source's). Added
     * with issue 14: settings stored before it have none, and read with `{}` (the source's
     * figures), through the default here; nothing else of theirs changes.
     */
    marketCpm: z.partialRecord(PLATFORM, MarketCpmOverrideSchema).default({}),
  })
  .strict();

export type Settings = z.infer<typeof SettingsSchema>;
export type Assumptions = z.infer<typeof AssumptionsSchema>;
export type MarketCpmOverrides = Settings['marketCpm'];

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ recordEveryProfile: false, autoSnapshotHours: 6, currency: 'USD' });
