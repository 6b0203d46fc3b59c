/**
 * The building blocks every schema shares: counts, texts, times, site URLs, creator keys,
 * money and estimates. Each is written once here; records, messages and import formats
 * (the other files of this folder) are built from them.
 */
import { z } from 'zod';
import { CURRENCY_CODE } from '../roi/money';
import { domainsInWords, PLATFORM_PATTERN, PLATFORMS, siteHosts } from '../sites/platforms';
import { POST_KINDS, POST_METRICS, PROFILE_COUNTS } from '../sites/types';

export const PLATFORM = z.enum(PLATFORMS);
const HOSTS = new Set(siteHosts());

/** A count the page showed: a whole number ≥ 0, or null when it showed none. */
export const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable();
export const text = (max: number) => z.string().max(max);
// Most URLs are "https://<a site's host>" and then "/", "?", "#" or nothing: the URL parser
// accepts every such string (past the host, nothing makes it fail) and reads that host, so
// only the others are parsed (an import checks 140,000 URLs at 20,000 creators).
const PLAIN_SITE_URL = new RegExp(`^https://(?:${[...HOSTS].map((h) => h.replaceAll('.', '\\.')).join('|')})(?:[/?#]|$)`);
/** An https URL on a site's host, told without parsing (see above); false says nothing. */
export const isPlainSiteUrl = (u: string): boolean => PLAIN_SITE_URL.test(u);
export const siteUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    if (isPlainSiteUrl(u)) return true;
    try {
      const url = new URL(u);
      return url.protocol === 'https:' && HOSTS.has(url.hostname);
    } catch {
      return false;
    }
  }, `not an https URL on ${domainsInWords()}`);
export const webUrl = z
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
export const SOURCE = z.enum(['dom', 'json', 'meta']);

/** One boolean per key (which counts are exact). */
export const flags = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>).strict();
/** Where each count came from, when known. */
export const sources = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, SOURCE.optional()])) as Record<K, z.ZodOptional<typeof SOURCE>>).strict();
/** The profile counts (followers, following, posts, likes, views), each a count. */
export const profileCounts = () => z.object(Object.fromEntries(PROFILE_COUNTS.map((k) => [k, count])) as Record<(typeof PROFILE_COUNTS)[number], typeof count>).strict();

/** ms since epoch. */
export const time = z.number().int().nonnegative().max(8.64e15);
/** A list or tag name. */
export const label = z.string().trim().min(1).max(100);
export const CREATOR_KEY = new RegExp(`^(${PLATFORM_PATTERN}):[^\\s:]{1,100}$`);
export const creatorKey = z.string().max(120).regex(CREATOR_KEY, 'not a creator key like "instagram:handle"');
export const money = z.number().finite().nonnegative().max(1e12);
export const fraction = z.number().finite().min(0).max(1);
export const currency = z.string().regex(CURRENCY_CODE);

/** A low/expected/high estimate as stored with a projection (any finite numbers). */
export const estimate = z.object({ low: z.number().finite(), expected: z.number().finite(), high: z.number().finite() }).strict();
/** A low/expected/high estimate the user gives: each `value`, in order. */
export const orderedEstimate = (value: z.ZodNumber) =>
  z
    .object({ low: value, expected: value, high: value })
    .strict()
    .refine((e) => e.low <= e.expected && e.expected <= e.high, 'low ≤ expected ≤ high');

/** "followers: expected number, received string" — the first few problems, for a reason a person can read. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** A post's facts (lib/sites/types.ts PostFacts): a reading's recent posts and the library's posts have the same. */
export const postFactsShape = () => ({
  views: count,
  likes: count,
  comments: count,
  shares: count,
  saves: count,
  publishedText: text(100).nullable(),
  publishedAt: time.nullable(),
  kind: z.enum(POST_KINDS).nullable(),
  exact: flags(POST_METRICS),
  pinned: z.boolean(),
  sponsored: z.boolean(),
  collab: z.boolean(),
  likesHidden: z.boolean(),
});

/** Hidden likes are unknown: a number beside the flag is the placeholder the site sends (a `.refine` of either schema). */
export const noLikesWhenHidden = (p: { likesHidden: boolean; likes: number | null }) => !(p.likesHidden && p.likes !== null);
export const LIKES_HIDDEN = { message: 'likes are hidden: no like count', path: ['likes'] };
