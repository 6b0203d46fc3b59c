/**
 * Engagement rates per platform, with the denominator always named (sources define
 * engagement differently and disagree by 10×: see ../shared/FIGURES.md).
 *
 *   Instagram  (likes + comments) / followers
 *   TikTok     (likes + comments + shares) / views      and  views / followers (reach)
 *   YouTube    views / subscribers (the headline)       and  (likes + comments) / views
 *              — long videos and Shorts apart; likes and comments only where a watch
 *              page was opened ("on 4 of 30 videos")
 *
 * Each rate is computed per post, then summarised as median and mean over a sample that
 * says what it stands on (issue 13 §5, FIGURES.md "good practice", research §6.2):
 *
 * - the newest N posts — 12 on Instagram (its first grid page), 30 on TikTok and YouTube
 *   (HypeAuditor's and Modash's 30) — ordered by date where every post has one (a date, or
 *   the page's "3 days ago"), otherwise in the page's order, which every grid lists newest
 *   first;
 * - that are at least `minAgeDays` (3) old: younger posts' counts are still growing.
 *   A post whose age is unknown (no date and no worded age: Instagram's grid, the 2026
 *   reels connection) is counted as old enough — leaving them out would leave most
 *   Instagram profiles with nothing — and the sample says how many ("4 of unknown age");
 * - pinned posts left out (older posts, out of date order, chosen for being good);
 * - sponsored posts (and a kept deal's deliverables) apart: the headline is organic, and
 *   the sponsored ones get their own summary (Modash's "paid post performance");
 * - on YouTube, Shorts apart from long videos (a different audience and view count).
 *
 * Posts in the window without the counts a rate needs (hidden likes, a YouTube video whose
 * watch page was not opened) are "missing counts": the window is the newest N posts, not
 * the newest N with counts, so "on 4 of 30 videos" says how much of it the rate covers.
 * A missing input gives `null`, never 0.
 */
import type { PostKind } from '../sites/posts/types';
import type { Platform } from '../sites/types';
import { instagramRoute } from '../sites/instagram/route';
import { youtubeRoute } from '../sites/youtube/route';

export interface PostCounts {
  likes: number | null;
  comments: number | null;
  shares?: number | null;
  views: number | null;
  /** When it was published, if known. */
  publishedAt?: Date | number | null;
  /** As the page words it ("3 days ago"); used when `publishedAt` is unknown. */
  publishedText?: string | null;
  /** The site's own id, where known (names the posts used and the standouts). */
  id?: string;
  url?: string;
  /** Unknown (absent or null): taken from the URL where it says (/shorts/, /reel/). */
  kind?: PostKind | null;
  /** Absent: not pinned. */
  pinned?: boolean;
  /** The platform's flag or a disclosure tag. Absent: organic. */
  sponsored?: boolean;
  /** A post a kept deal delivered: never organic, whatever its caption says. */
  deliverable?: boolean;
}

/**
 * What the metrics read of a post. Both the capture's `Post` (lib/sites/posts/types.ts)
 * and the reading's recent posts are assignable to it; optional fields default to unknown
 * (kind, dates) or false (pinned, sponsored).
 */
export interface MetricPost extends PostCounts {
  id: string;
}

export type Denominator = 'followers' | 'subscribers' | 'views';

/** Why a post did not enter a summary. */
export const LEFT_OUT_REASONS = ['pinned', 'tooYoung', 'sponsored', 'organic', 'otherKind', 'missingCounts', 'beyondWindow'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];
export type PostsLeftOut = Record<LeftOutReason, number>;

/** Which posts a summary is over: every kind (Instagram, TikTok), or YouTube's long videos or Shorts. */
export type PostGroup = 'posts' | 'videos' | 'shorts';

export interface RateSummary {
  /** What was divided by what, in words ("(likes + comments) / followers"). */
  definition: string;
  denominator: Denominator;
  /** Fractions (0.0123 = 1.23 %). null when no post had all the inputs. */
  median: number | null;
  mean: number | null;
  postsUsed: number;
  /** The older shape of `postsLeftOut` (kept for its callers). */
  postsSkipped: { tooYoung: number; missingCounts: number };
  /**
   * Posts not used, by reason: pinned, younger than `minAgeDays`, sponsored (apart, in the
   * organic summary) or organic (in the sponsored one), another kind (YouTube: Shorts apart
   * from long videos), in the window without the counts, beyond the newest N.
   */
  postsLeftOut: PostsLeftOut;
  /** The newest N eligible posts: those used and those missing counts. */
  postsInWindow: number;
  /** N: 12 on Instagram, 30 on TikTok and YouTube. */
  windowSize: number;
  /** Posts used whose age is unknown (counted as old enough). */
  unknownAge: number;
  /** The sample in words: "median of 12 posts · 2 pinned left out · 1 sponsored apart". */
  sample: string;
  /** Ids of the posts used, newest first (posts without an id are not listed). */
  used: string[];
}

export interface EngagementResult {
  platform: Platform;
  /** The platform's engagement rate (YouTube: likes-based, on long videos), organic posts. */
  engagement: RateSummary;
  /** Views per follower/subscriber (TikTok, YouTube long videos); null on Instagram. */
  reach: RateSummary | null;
}

export interface EngagementInput {
  platform: Platform;
  /** Followers (subscribers on YouTube). */
  followers: number | null;
  /** In the page's order (grids: newest first, pinned where the grid shows them). */
  posts: readonly PostCounts[];
  now?: Date | number;
  minAgeDays?: number;
  /** N, the newest posts used (default: WINDOW of the platform). */
  windowSize?: number;
}

const DAY = 86_400_000;

/** The newest posts a rate is over, per platform (FIGURES.md: Phlanx's 12, HypeAuditor's and Modash's 30). */
export const WINDOW: Record<Platform, number> = { instagram: 12, tiktok: 30, youtube: 30 };
export const MIN_AGE_DAYS = 3;

const UNIT_DAYS: Record<string, number> = {
  second: 1 / 86_400, minute: 1 / 1_440, hour: 1 / 24, day: 1, week: 7, month: 30.4, year: 365.25,
};

/** Age in days from "3 days ago", "Streamed 2 weeks ago", "1 month ago" (English only; null otherwise). */
export function ageFromText(text: string | null | undefined): number | null {
  const m = text ? /(\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago/i.exec(text) : null;
  return m ? Number(m[1]) * UNIT_DAYS[m[2]!.toLowerCase()]! : null;
}

export const timeOf = (t: Date | number | null | undefined): number | null => {
  if (t === undefined || t === null) return null;
  const ms = typeof t === 'number' ? t : t.getTime();
  return Number.isFinite(ms) ? ms : null;
};

/** Age in days: from the date, else from the page's words, else unknown (null). */
export function ageDays(post: Pick<PostCounts, 'publishedAt' | 'publishedText'>, now: number): number | null {
  const t = timeOf(post.publishedAt);
  if (t !== null) return (now - t) / DAY;
  if (post.publishedAt !== undefined && post.publishedAt !== null) return null; // an invalid date says nothing
  return ageFromText(post.publishedText);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

export const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

const toMs = (now: Date | number | undefined) => (now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime());

/**
 * The post's kind: its own, else what its URL says — YouTube /shorts/ (a Short) or /watch
 * (a long video), Instagram /reel/ (a reel; /p/ says nothing: photos, carousels and
 * videos share it). null when nothing says.
 */
export function kindOf(platform: Platform, post: Pick<PostCounts, 'kind' | 'url'>): PostKind | null {
  if (post.kind) return post.kind;
  if (!post.url) return null;
  let url: URL;
  try {
    url = new URL(post.url);
  } catch {
    return null;
  }
  if (platform === 'youtube') {
    const r = youtubeRoute(url);
    return r?.kind === 'video' ? (r.shorts ? 'short' : 'video') : null;
  }
  if (platform === 'instagram') {
    const r = instagramRoute(url);
    return r?.kind === 'post' && r.type === 'reel' ? 'reel' : null;
  }
  return null;
}

/** Not organic: the platform's flag, a disclosure tag, or a kept deal's deliverable. */
export const isSponsored = (p: PostCounts) => p.sponsored === true || p.deliverable === true;

/**
 * On YouTube, whether a post is in the group: Shorts, or long videos — where a post of
 * unknown kind counts (channel readings come from the Videos tab, which lists no Shorts).
 */
export function inGroup(platform: Platform, group: PostGroup, p: PostCounts): boolean {
  if (group === 'posts') return true;
  const short = platform === 'youtube' && isShort(p);
  return group === 'shorts' ? short : !short;
}

/**
 * A YouTube post's kind is a Short (`kindOf` says 'short'), without parsing a URL that
 * cannot name one: a Short's path starts with the segment "shorts", which the URL parser
 * takes from the address as written — unless it is percent-encoded there, or split by a
 * tab or newline (which the parser drops). Parsing is most of the time the creators table
 * spends on a library of YouTube posts of unknown kind; tests/unit/engagement-kind.test.ts
 * holds this to `kindOf` on addresses made to trip it.
 */
export function isShort(p: Pick<PostCounts, 'kind' | 'url'>): boolean {
  if (p.kind) return p.kind === 'short';
  if (p.url && !p.url.includes('shorts') && !p.url.includes('%') && !/[\t\n\r]/.test(p.url)) return false;
  return kindOf('youtube', p) === 'short';
}

/**
 * The posts newest first: by age where every post but the pinned ones has one (a date or
 * worded age), else as given (the page's order, newest first on every grid). Stable.
 */
export function newestFirst<P extends PostCounts>(posts: readonly P[], now: number): P[] {
  const aged = posts.map((p, i) => ({ p, i, age: ageDays(p, now) }));
  if (aged.some((a) => a.age === null && !a.p.pinned)) return [...posts];
  return aged.sort((a, b) => (a.age ?? Infinity) - (b.age ?? Infinity) || a.i - b.i).map((a) => a.p);
}

export interface SampleRule {
  platform: Platform;
  group: PostGroup;
  /** true: the sponsored summary (paid post performance); false: the organic one. */
  sponsored: boolean;
  now: number;
  minAgeDays: number;
  windowSize: number;
}

export interface Window<P extends PostCounts = PostCounts> {
  /** The newest N eligible posts, newest first. */
  posts: P[];
  leftOut: PostsLeftOut;
}

const noneLeftOut = (): PostsLeftOut => ({ pinned: 0, tooYoung: 0, sponsored: 0, organic: 0, otherKind: 0, missingCounts: 0, beyondWindow: 0 });

/** The posts a summary is over (ordered newest first first), and the others by reason. */
export function windowOf<P extends PostCounts>(ordered: readonly P[], rule: SampleRule): Window<P> {
  const leftOut = noneLeftOut();
  const posts: P[] = [];
  for (const p of ordered) {
    if (p.pinned) leftOut.pinned++;
    else if (!inGroup(rule.platform, rule.group, p)) leftOut.otherKind++;
    else if (isSponsored(p) !== rule.sponsored) leftOut[rule.sponsored ? 'organic' : 'sponsored']++;
    else if ((ageDays(p, rule.now) ?? Infinity) < rule.minAgeDays) leftOut.tooYoung++;
    else if (posts.length >= rule.windowSize) leftOut.beyondWindow++;
    else posts.push(p);
  }
  return { posts, leftOut };
}

const NOUN: Record<PostGroup, [string, string]> = { posts: ['post', 'posts'], videos: ['video', 'videos'], shorts: ['Short', 'Shorts'] };
const noun = (group: PostGroup, n: number) => NOUN[group][n === 1 ? 0 : 1];

/** The sample in words: "median of 12 posts · 2 pinned left out · 1 sponsored apart", "on 4 of 30 videos". */
export function sampleWords(s: Pick<RateSummary, 'postsUsed' | 'postsInWindow' | 'postsLeftOut' | 'unknownAge' | 'windowSize'>, group: PostGroup, rule: { sponsored: boolean; minAgeDays: number }): string {
  const { postsUsed: used, postsInWindow: inWindow, postsLeftOut: out } = s;
  const what = rule.sponsored ? `sponsored ${noun(group, used)}` : noun(group, used);
  const parts = [
    used === 0
      ? `no ${rule.sponsored ? 'sponsored ' : ''}${noun(group, 2)} with the counts${inWindow ? ` (of ${inWindow})` : ''}`
      : used === inWindow
        ? `median of ${used} ${what}`
        : `median on ${used} of ${inWindow} ${rule.sponsored ? `sponsored ${noun(group, inWindow)}` : noun(group, inWindow)}`,
  ];
  if (out.pinned) parts.push(`${out.pinned} pinned left out`);
  if (out.sponsored) parts.push(`${out.sponsored} sponsored apart`);
  if (out.otherKind) parts.push(`${out.otherKind} ${group === 'shorts' ? (out.otherKind === 1 ? 'long video' : 'long videos') : out.otherKind === 1 ? 'Short' : 'Shorts'} apart`);
  if (out.tooYoung) parts.push(`${out.tooYoung} under ${rule.minAgeDays} days old left out`);
  if (out.beyondWindow) parts.push(`${out.beyondWindow} older than the newest ${s.windowSize} left out`);
  if (s.unknownAge) parts.push(`${s.unknownAge} of unknown age counted`);
  return parts.join(' · ');
}

export interface RateDef {
  definition: string;
  denominator: Denominator;
  rateOf: (p: PostCounts) => number | null;
}

/** One summary over a window (from windowOf), with each used post's rate for the standouts. */
export function summariseWindow<P extends PostCounts>(win: Window<P>, def: RateDef, rule: SampleRule): { summary: RateSummary; rated: { post: P; rate: number }[] } {
  const rated: { post: P; rate: number }[] = [];
  let missingCounts = 0;
  let unknownAge = 0;
  for (const post of win.posts) {
    const rate = def.rateOf(post);
    if (rate === null) {
      missingCounts++;
      continue;
    }
    rated.push({ post, rate });
    if (ageDays(post, rule.now) === null) unknownAge++;
  }
  const rates = rated.map((r) => r.rate);
  const postsLeftOut = { ...win.leftOut, missingCounts };
  const base = {
    definition: def.definition,
    denominator: def.denominator,
    median: median(rates),
    mean: mean(rates),
    postsUsed: rates.length,
    postsSkipped: { tooYoung: postsLeftOut.tooYoung, missingCounts },
    postsLeftOut,
    postsInWindow: win.posts.length,
    windowSize: rule.windowSize,
    unknownAge,
    used: rated.flatMap((r) => (r.post.id === undefined ? [] : [r.post.id])),
  };
  return { summary: { ...base, sample: sampleWords(base, rule.group, rule) }, rated };
}

/** The rate definitions of a platform: its engagement rate, and its reach (views per follower) where views are shown. */
export function rateDefs(platform: Platform, followers: number | null): { engagement: RateDef; reach: RateDef | null } {
  const f = isCount(followers) && followers > 0 ? followers : null;
  const sum = (keys: readonly ('likes' | 'comments' | 'shares')[]) => (p: PostCounts) => {
    let total = 0;
    for (const k of keys) {
      const v = p[k];
      if (!isCount(v)) return null;
      total += v;
    }
    return total;
  };
  const per = (num: (p: PostCounts) => number | null, den: (p: PostCounts) => number | null) => (p: PostCounts) => {
    const n = num(p);
    const d = den(p);
    return n === null || d === null || d <= 0 ? null : n / d;
  };
  const views = (p: PostCounts) => (isCount(p.views) ? p.views : null);
  const byFollowers = () => f;
  if (platform === 'instagram') return { engagement: { definition: '(likes + comments) / followers', denominator: 'followers', rateOf: per(sum(['likes', 'comments']), byFollowers) }, reach: null };
  if (platform === 'tiktok') {
    return {
      engagement: { definition: '(likes + comments + shares) / views', denominator: 'views', rateOf: per(sum(['likes', 'comments', 'shares']), views) },
      reach: { definition: 'views / followers', denominator: 'followers', rateOf: per(views, byFollowers) },
    };
  }
  return {
    engagement: { definition: '(likes + comments) / views', denominator: 'views', rateOf: per(sum(['likes', 'comments']), views) },
    reach: { definition: 'views / subscribers', denominator: 'subscribers', rateOf: per(views, byFollowers) },
  };
}

export function ruleOf(input: Pick<EngagementInput, 'platform' | 'now' | 'minAgeDays' | 'windowSize'>, group: PostGroup, sponsored: boolean): SampleRule {
  return { platform: input.platform, group, sponsored, now: toMs(input.now), minAgeDays: input.minAgeDays ?? MIN_AGE_DAYS, windowSize: input.windowSize ?? WINDOW[input.platform] };
}

/** The main group of a platform: every post, or YouTube's long videos. */
export const mainGroup = (platform: Platform): PostGroup => (platform === 'youtube' ? 'videos' : 'posts');

/** The organic engagement (and reach) of the newest posts: what the panel, the popup and the table show. */
export function engagement(input: EngagementInput): EngagementResult {
  const rule = ruleOf(input, mainGroup(input.platform), false);
  const defs = rateDefs(input.platform, input.followers);
  const win = windowOf(newestFirst(input.posts, rule.now), rule);
  return {
    platform: input.platform,
    engagement: summariseWindow(win, defs.engagement, rule).summary,
    reach: defs.reach ? summariseWindow(win, defs.reach, rule).summary : null,
  };
}

/**
 * Median recent views — the organic baseline the quote projects from (lib/roi): the newest
 * N organic posts at least `minAgeDays` old, pinned and sponsored posts (and deliverables)
 * left out, YouTube Shorts apart from long videos (`group`). lib/metrics/baseline.ts adds
 * the sample, the kinds and the range.
 */
export function medianViews(posts: readonly PostCounts[], now: Date | number = Date.now(), minAgeDays = MIN_AGE_DAYS, platform?: Platform, group: PostGroup = 'posts'): number | null {
  const t = toMs(now);
  const win = windowOf(newestFirst(posts, t), { platform: platform ?? 'tiktok', group, sponsored: false, now: t, minAgeDays, windowSize: platform ? WINDOW[platform] : Infinity });
  return medianViewsOf(win);
}

/** The median views of a window's posts (those that show them). */
export const medianViewsOf = (win: Window): number | null => median(win.posts.filter((p) => isCount(p.views)).map((p) => p.views as number));

/**
 * One post's engagement rate by the platform's definition (the same as `engagement`'s):
 * Instagram (likes + comments) / followers, TikTok (likes + comments + shares) / views,
 * YouTube (likes + comments) / views. null when a count it needs is unknown.
 */
export function postRate(platform: Platform, post: PostCounts, followers: number | null): number | null {
  const parts = platform === 'tiktok' ? [post.likes, post.comments, post.shares] : [post.likes, post.comments];
  if (!parts.every(isCount)) return null;
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  const den = platform === 'instagram' ? followers : post.views;
  return isCount(den) && den > 0 ? sum / den : null;
}
