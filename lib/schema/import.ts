/**
 * The formats the library is exported to and imported from (lib/db/transfer): the JSON
 * file, lossless and versioned, and the CSV's rows, one per snapshot.
 */
import { z } from 'zod';
import { BookingSchema, CampaignSchema, PostObservationSchema } from './campaign';
import { CreatorSchema, DealSchema, LIBRARY_VERSION, PostSchema, SnapshotSchema } from './library';
import { PLATFORM } from './primitives';
import { SettingsSchema } from './settings';

export const FORMAT = 'creator-lens-library';

export const ExportFileSchema = z
  .object({
    format: z.literal(FORMAT),
    schemaVersion: z.number().int().min(1).max(LIBRARY_VERSION),
    exportedAt: z.number().int().nonnegative(),
    creators: z.array(CreatorSchema).max(200_000),
    snapshots: z.array(SnapshotSchema).max(10_000_000),
    posts: z.array(PostSchema).max(2_000_000),
    deals: z.array(DealSchema).max(200_000),
    settings: SettingsSchema.nullable(),
    // Since version 4; older files have none.
    campaigns: z.array(CampaignSchema).max(100_000).default([]),
    bookings: z.array(BookingSchema).max(1_000_000).default([]),
    postObservations: z.array(PostObservationSchema).max(5_000_000).default([]),
  })
  .strict();

export type ExportFile = z.infer<typeof ExportFileSchema>;

export const CSV_COLUMNS = [
  'platform', 'handle', 'display_name', 'profile_url', 'taken_at', 'followers', 'following', 'posts', 'likes', 'views', 'source', 'lists', 'tags',
] as const;

/** One CSV row as papaparse hands it over (every cell a string). */
export const CsvRowSchema = z
  .object({
    platform: PLATFORM,
    handle: z.string().trim().min(1).max(100).regex(/^[^\s:]+$/, 'a handle has no spaces or colons'),
    display_name: z.string().max(300),
    profile_url: z.string().max(2048),
    taken_at: z.string().refine((t) => Number.isFinite(Date.parse(t)), 'not a date (use ISO 8601, e.g. 2026-03-01T12:00:00Z)'),
    followers: z.string(),
    following: z.string(),
    posts: z.string(),
    likes: z.string(),
    views: z.string(),
    source: z.enum(['auto', 'manual']),
    lists: z.string().max(20_000),
    tags: z.string().max(20_000),
  })
  .strict();
