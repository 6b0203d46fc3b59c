/**
 * The wire format of a reading: what a content script sends the background about the page
 * it read. Content scripts run on pages we do not control, so everything is checked here
 * before anything keeps it. `Reading` (lib/sites/types.ts) is the type the readers build;
 * tests/unit/schema-types.test.ts holds the two together.
 */
import { z } from 'zod';
import { POST_COUNTS, POST_SOURCES, PROFILE_COUNTS, UNREADABLE_REASONS } from '../sites/types';
import { count, flags, LIKES_HIDDEN, noLikesWhenHidden, PLATFORM, postFactsShape, siteUrl, sources, text } from './primitives';

/** A handle as the library keys it: 1 to 100 characters, no spaces or colons (B4: "youtube:a b" made an export its own import refused). */
const handle = text(100).min(1).regex(/^[^\s:]+$/, 'a handle has no spaces or colons');

/** At most 300 characters, cut at a character boundary (an ellipsis marks the cut). */
export function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= 300 ? name : `${chars.slice(0, 299).join('')}…`;
}

export const RecentPostSchema = z
  .object({
    id: text(64).min(1),
    url: siteUrl,
    ...postFactsShape(),
    source: z.enum(POST_SOURCES),
  })
  .strict()
  .refine(noLikesWhenHidden, LIKES_HIDDEN);

export const ProfileReadingSchema = z
  .object({
    kind: z.literal('profile'),
    platform: PLATFORM,
    handle,
    // A name over 300 characters is shortened, not a reason to refuse the reading (the creator could not be saved).
    displayName: z.string().max(100_000).transform(shortName).nullable(),
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
    handle: handle.nullable(),
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
    reason: z.enum(UNREADABLE_REASONS),
    message: text(500),
  })
  .strict();

export const ReadingSchema = z.discriminatedUnion('kind', [ProfileReadingSchema, PostReadingSchema, UnreadableSchema]);

export type ValidReading = z.infer<typeof ReadingSchema>;
