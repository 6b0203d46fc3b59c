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
