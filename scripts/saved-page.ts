/**
 * A saved page read the way the extension reads it: the HTML parsed into a Document
 * (linkedom, as in the unit tests) and handed to the site's reader through `readPage`.
 * `npm run read-page` and tests/unit/real-captures.test.ts both go through here, so the
 * figures the test reports are what the command prints.
 *
 * `readSavedPosts` adds what the capture reads (lib/capture/har.ts: the page's embedded
 * data and, given a HAR, its allow-listed responses) merged with the grid's posts
 * (lib/capture/merge.ts), and, on request, the engagement summaries the panel shows
 * (lib/metrics/recent.ts) at a fixed clock.
 */
import { parseHTML } from 'linkedom';
import { readCapture, type CaptureRead } from '../lib/capture/har';
import { mergeRecent, type MergedPost } from '../lib/capture/merge';
import { CAPTURE_SITES } from '../lib/capture/sites';
import { benchmarkFor, sampleVerdict, tierOf, VIEWS_PER_SUBSCRIBER, type SampleVerdict } from '../lib/metrics/benchmarks';
import type { RateSummary } from '../lib/metrics/engagement';
import { recentMetrics, type GroupMetrics } from '../lib/metrics/recent';
import { readPage } from '../lib/sites/registry';
import type { PostReading, ProfileReading, Reading } from '../lib/sites/types';

/** The HTML of a saved page as a Document. */
export function savedDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Reads a saved page at the URL it was served from. Never throws (see `readPage`). */
export function readSavedPage(html: string, url: URL): Reading {
  return readPage(savedDocument(html), url);
}

/** A merged post as printed: the date as an ISO time. */
export type PrintedPost = Omit<MergedPost, 'publishedAt'> & { publishedAt: string | null };

export const printedPost = (p: MergedPost): PrintedPost => ({ ...p, publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt).toISOString() });

type Readable = ProfileReading | PostReading;

export interface SavedPostsOptions {
  /** A parsed HAR file (null: the page's embedded data only). */
  har?: unknown;
  /** Add the engagement summaries, at this clock (ms). */
  engagement?: { now: number };
}

/** A summary with its verdict against the default band of the creator's tier. */
export type JudgedSummary = RateSummary & { verdict: SampleVerdict | null };

export interface EngagementReport {
  now: string;
  followers: number | null;
  tier: string | null;
  /** The platform's headline: engagement (Instagram, TikTok) or views per subscriber (YouTube). */
  headline: 'engagement' | 'viewsPerSubscriber';
  windowSize: number;
  minAgeDays: number;
  engagement: JudgedSummary;
  /** TikTok: views / followers; null on Instagram and YouTube (there: viewsPerSubscriber). */
  reach: RateSummary | null;
  /** YouTube: long videos and Shorts apart. */
  viewsPerSubscriber?: { videos: JudgedSummary; shorts: JudgedSummary };
  shorts?: { engagement: RateSummary };
  sponsored: GroupMetrics['sponsored'];
  standouts: GroupMetrics['standouts'];
  cadence: ReturnType<typeof recentMetrics>['cadence'];
}

/**
 * The reading with its recent posts merged with what the capture read (`recent`), the
 * capture's account of the HAR (`capture`, when one was given) and, on request, the
 * engagement summaries (`engagement`). Throws (with a sentence) when `har` is not a HAR.
 */
export function readSavedPosts(reading: Readable, url: URL, doc: Document, options: SavedPostsOptions = {}): Record<string, unknown> {
  const { posts, ...capture }: CaptureRead = readCapture(CAPTURE_SITES[reading.platform], url, doc, options.har ?? null, reading.kind === 'profile' ? reading.handle : reading.handle);
  const dom = reading.kind === 'profile' ? reading.recent : [];
  const merged = mergeRecent(dom, posts);
  const out: Record<string, unknown> = { ...reading, recent: merged.map(printedPost) };
  if (options.har !== undefined && options.har !== null) out.capture = capture;
  if (options.engagement) out.engagement = engagementReport(reading, merged, options.engagement.now);
  return out;
}

export function engagementReport(reading: Readable, posts: readonly MergedPost[], now: number): EngagementReport {
  const followers = reading.kind === 'profile' ? reading.followers : null;
  const m = recentMetrics({ platform: reading.platform, followers, posts, now });
  const tier = tierOf(followers);
  const judged = (s: RateSummary, band: Parameters<typeof sampleVerdict>[1]): JudgedSummary => ({ ...s, verdict: tier ? sampleVerdict(s, band) : null });
  const youtube = reading.platform === 'youtube';
  const report: EngagementReport = {
    now: new Date(now).toISOString(),
    followers,
    tier,
    headline: youtube ? 'viewsPerSubscriber' : 'engagement',
    windowSize: m.windowSize,
    minAgeDays: m.minAgeDays,
    engagement: judged(m.engagement, tier ? benchmarkFor(reading.platform, tier) : null),
    reach: youtube ? null : m.reach,
    sponsored: m.sponsored,
    standouts: m.standouts,
    cadence: m.cadence,
  };
  if (youtube && m.reach && m.shorts?.reach) {
    // The band is drawn for channels' videos; the source does not say whether Shorts count,
    // so Shorts get their median and no verdict.
    report.viewsPerSubscriber = { videos: judged(m.reach, tier ? VIEWS_PER_SUBSCRIBER[tier] : null), shorts: { ...m.shorts.reach, verdict: null } };
    report.shorts = { engagement: m.shorts.engagement };
  }
  return report;
}
