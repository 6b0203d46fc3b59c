/**
 * The trust boundary. Everything a content script sends is checked here, in the
 * background, before anything keeps it (content scripts run on pages we do not control).
 * Types for stored data are inferred from these schemas.
 */
import { z } from 'zod';
import { POST_COUNTS, PROFILE_COUNTS } from './sites/types';

const PLATFORM = z.enum(['instagram', 'youtube', 'tiktok']);
const HOSTS = new Set(['www.instagram.com', 'www.youtube.com', 'www.tiktok.com']);

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable();
const text = (max: number) => z.string().max(max);
const siteUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' && HOSTS.has(url.hostname);
    } catch {
      return false;
    }
  }, 'not an https URL on instagram.com, youtube.com or tiktok.com');
const SOURCE = z.enum(['dom', 'json', 'meta']);

const flags = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>).strict();
const sources = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, SOURCE.optional()])) as Record<K, z.ZodOptional<typeof SOURCE>>).strict();

export const RecentPostSchema = z
  .object({
    id: text(64).min(1),
    url: siteUrl,
    views: count,
    likes: count,
    comments: count,
    publishedText: text(100).nullable(),
  })
  .strict();

export const ProfileReadingSchema = z
  .object({
    kind: z.literal('profile'),
    platform: PLATFORM,
    handle: text(100).min(1),
    displayName: text(300).nullable(),
    url: siteUrl,
    followers: count,
    following: count,
    posts: count,
    likes: count,
    views: count,
    exact: flags(PROFILE_COUNTS),
    sources: sources(PROFILE_COUNTS),
    recent: z.array(RecentPostSchema).max(500),
  })
  .strict();

export const PostReadingSchema = z
  .object({
    kind: z.literal('post'),
    platform: PLATFORM,
    handle: text(100).min(1).nullable(),
    id: text(64).min(1),
    url: siteUrl,
    likes: count,
    comments: count,
    views: count,
    shares: count,
    exact: flags(POST_COUNTS),
    sources: sources(POST_COUNTS),
  })
  .strict();

export const UnreadableSchema = z
  .object({
    kind: z.literal('unreadable'),
    platform: PLATFORM,
    reason: z.enum(['not-a-profile', 'not-a-creator', 'not-found', 'private', 'login-wall', 'error-page', 'loading', 'no-stats']),
    message: text(500),
  })
  .strict();

export const ReadingSchema = z.discriminatedUnion('kind', [ProfileReadingSchema, PostReadingSchema, UnreadableSchema]);

export type ValidReading = z.infer<typeof ReadingSchema>;

/** "followers: expected number, received string" — the first few problems, for a reason a person can read. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

// ─── Stored data (lib/db) ────────────────────────────────────────────────────
// Every stored shape, validated where it crosses a boundary (messages, imports).

const time = z.number().int().nonnegative().max(8.64e15);
const label = z.string().trim().min(1).max(100);
export const CREATOR_KEY = /^(instagram|youtube|tiktok):[^\s:]{1,100}$/;
const creatorKey = z.string().max(120).regex(CREATOR_KEY, 'not a creator key like "instagram:handle"');

export const CountsSchema = z
  .object({ followers: count, following: count, posts: count, likes: count, views: count })
  .strict();

export const LatestSchema = CountsSchema.extend({ takenAt: time }).strict();

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
    views: count,
    likes: count,
    comments: count,
    shares: count,
    publishedText: text(100).nullable(),
    firstSeenAt: time,
    lastSeenAt: time,
  })
  .strict()
  .refine((p) => p.key === `${p.platform}:${p.id}`, { message: 'key must be "platform:id"', path: ['key'] });

const money = z.number().finite().nonnegative().max(1e12);
const estimate = z.object({ low: z.number().finite(), expected: z.number().finite(), high: z.number().finite() }).strict();

export const DealSchema = z
  .object({
    id: z.number().int().positive().optional(),
    creatorKey,
    createdAt: time,
    fee: money,
    extraCosts: money,
    currency: z.string().regex(/^[A-Z]{3}$/),
    deliverable: z.enum(['post', 'reel', 'story', 'video', 'short']),
    /** The assumptions the projection was made with, so a quote can be revisited. */
    assumptions: z
      .object({ impressions: estimate, ctr: estimate, cvr: estimate, aov: estimate, margin: estimate, targetRoi: z.number().finite() })
      .strict(),
    /** Headline figures of the projection at the time (kept unchanged). */
    projection: z
      .object({
        roiP10: z.number().finite().nullable(),
        roiP50: z.number().finite().nullable(),
        roiP90: z.number().finite().nullable(),
        revenueP50: z.number().finite(),
        probabilityBreakEven: z.number().min(0).max(1).nullable(),
        maxFee: z.number().finite(),
        cpm: z.number().finite().nullable(),
      })
      .strict(),
    note: text(2_000),
  })
  .strict();

const fraction = z.number().finite().min(0).max(1);
const estimateOf = (value: z.ZodNumber) =>
  z
    .object({ low: value, expected: value, high: value })
    .strict()
    .refine((e) => e.low <= e.expected && e.expected <= e.high, 'low ≤ expected ≤ high');
const bandOverride = z.object({ low: fraction.optional(), typical: fraction.optional(), high: fraction.optional() }).strict();
const TIER = z.enum(['nano', 'micro', 'mid', 'macro', 'mega']);

/**
 * The user's assumptions. `null` means "Creator Lens's default" (lib/roi/assumptions.ts),
 * so a default that improves later reaches users who never changed it.
 */
export const AssumptionsSchema = z
  .object({
    ctr: estimateOf(fraction).nullable().default(null),
    cvr: estimateOf(fraction).nullable().default(null),
    aov: estimateOf(z.number().finite().min(0).max(1e9)).nullable().default(null),
    margin: estimateOf(fraction).nullable().default(null),
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
    currency: z.string().regex(/^[A-Z]{3}$/),
    assumptions: AssumptionsSchema.default(() => AssumptionsSchema.parse({})),
    /** Followers where micro, mid, macro and mega begin. */
    tierBoundaries: z
      .tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive(), z.number().int().positive()])
      .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), 'tier boundaries must increase')
      .default([10_000, 100_000, 500_000, 1_000_000]),
    /** The user's edits to benchmark bands, per platform and tier. */
    benchmarkOverrides: z.partialRecord(PLATFORM, z.partialRecord(TIER, bandOverride)).default({}),
  })
  .strict();

const webUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      const url = new URL(u);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'not an http(s) URL');
const dealAssumptions = DealSchema.shape.assumptions;
const dealProjection = DealSchema.shape.projection;

/** A campaign's goals; null = no goal of that kind. */
export const GoalsSchema = z
  .object({
    targetRoi: z.number().finite().min(-1).max(100).nullable(),
    targetCpm: money.nullable(),
    targetCpe: money.nullable(),
    targetOrders: z.number().int().nonnegative().max(1e9).nullable(),
  })
  .strict();

export const DEFAULT_UTM_PATTERN = 'utm_source={platform}&utm_medium=influencer&utm_campaign={campaign}&utm_content={handle}';

export const CampaignSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(200),
    /** Days as ms since epoch (UTC midnight); null = not set. */
    start: time.nullable(),
    end: time.nullable(),
    budget: money.nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    goals: GoalsSchema,
    /** Where tracked links point, and the query added to it. */
    landingUrl: webUrl.or(z.literal('')),
    utmPattern: text(1000),
    createdAt: time,
    notes: text(5_000),
  })
  .strict()
  .refine((c) => c.start === null || c.end === null || c.start <= c.end, { message: 'the campaign ends before it starts', path: ['end'] });

/** What the creator's link and code brought, from the shop's reports (null = not known). */
export const ActualSchema = z
  .object({
    clicks: count,
    orders: count,
    revenue: money.nullable(),
    updatedAt: time.nullable(),
  })
  .strict();

/** A creator booked in a campaign: the agreed deal and the projection at booking, kept unchanged. */
export const BookingSchema = z
  .object({
    id: z.number().int().positive().optional(),
    campaignId: z.number().int().positive(),
    creatorKey,
    bookedAt: time,
    fee: money,
    extraCosts: money,
    currency: z.string().regex(/^[A-Z]{3}$/),
    deliverable: z.enum(['post', 'reel', 'story', 'video', 'short']),
    /** What was agreed, in words ("1 reel + 3 stories"). */
    deliverables: text(500),
    assumptions: dealAssumptions,
    projection: dealProjection,
    link: webUrl.or(z.literal('')),
    code: text(64),
    /** Posts marked as this booking's deliverables ("platform:id"). */
    postKeys: z.array(z.string().max(120)).max(50),
    actual: ActualSchema,
  })
  .strict();

/** A tracked post's counts at one visit. */
export const PostObservationSchema = z
  .object({
    postKey: z.string().max(120),
    creatorKey,
    takenAt: time,
    views: count,
    likes: count,
    comments: count,
    shares: count,
  })
  .strict();

export type Campaign = z.infer<typeof CampaignSchema>;
export type Goals = z.infer<typeof GoalsSchema>;
export type Booking = z.infer<typeof BookingSchema>;
export type Actual = z.infer<typeof ActualSchema>;
export type PostObservation = z.infer<typeof PostObservationSchema>;
export type Creator = z.infer<typeof CreatorSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Post = z.infer<typeof PostSchema>;
export type Deal = z.infer<typeof DealSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Counts = z.infer<typeof CountsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({ recordEveryProfile: false, autoSnapshotHours: 6, currency: 'USD' });
export type Assumptions = z.infer<typeof AssumptionsSchema>;
