/** Campaigns, the creators booked in them, and the counts of their tracked posts over time (lib/campaigns). */
import { z } from 'zod';
import { DELIVERABLES } from '../roi/project';
import { count, creatorKey, currency, money, text, time, webUrl } from './primitives';
import { DealAssumptionsSchema, DealPriceSchema, DealProjectionSchema } from './library';

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
    currency,
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
    currency,
    deliverable: z.enum(DELIVERABLES),
    /** What was agreed, in words ("1 reel + 3 stories"). */
    deliverables: text(500),
    assumptions: DealAssumptionsSchema,
    projection: DealProjectionSchema,
    /** The fee against the market at booking, and whether the return stood on the user's own figures (absent on bookings made before issue 14). */
    price: DealPriceSchema.optional(),
    ownFigures: z.boolean().optional(),
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
