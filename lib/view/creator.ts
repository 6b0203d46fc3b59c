/**
 * What the overlay shows, computed from a reading (and, when the background answers,
 * the library's view of the creator). Pure and locale-aware: numbers are formatted with
 * Intl.NumberFormat in the page's language. Nothing here invents a number — a count the
 * page did not show stays unknown, with the reason.
 */
import { benchmarkFor, DEFAULT_TIER_BOUNDARIES, tierOf, verdict, type Position, type Tier, type TierBoundaries } from '../metrics/benchmarks';
import { engagement, medianViews } from '../metrics/engagement';
import { parseCount } from '../parse-count';
import { formatPercent } from '../roi/money';
import type { CreatorView } from '../protocol/payloads';
import type { ProfileReading, RecentPost } from '../sites/types';
import { vocabularyOf } from '../sites/platforms';

/** What the background knows about the creator on the page: the protocol's payload (one definition). */
export type { CreatorView } from '../protocol/payloads';

export interface Figure {
  label: string;
  /** Formatted; "≈" in front when the page showed only an abbreviation. */
  text: string;
  approx: boolean;
}

export interface OverlayModel {
  title: string;
  handle: string;
  followers: Figure | null;
  others: Figure[];
  engagement: { text: string; definition: string; postsUsed: number } | { unknown: string };
  /** Views per follower (TikTok, YouTube). */
  reach: { text: string; definition: string } | null;
  medianViews: Figure | null;
  tier: { tier: Tier; label: string } | null;
  verdict: { position: Position; band: string; source: string; definition: string } | null;
  growth: { text: string; up: boolean | null } | null;
}

type KnownPost = RecentPost & { shares?: number | null };

/**
 * The creator's recent posts as every surface figures them: the page's, with what the
 * library knows of each (a count this page does not show, seen on an earlier visit or a post
 * page), and the library's others. The dashboard figures the stored posts, which the page's
 * are recorded into; so the panel, the popup and the dashboard give one answer per creator.
 */
export function knownRecent(page: readonly KnownPost[], stored: readonly KnownPost[] | undefined): KnownPost[] {
  if (!stored?.length) return [...page];
  const byId = new Map(stored.map((p) => [p.id, p]));
  const merged = page.map((p) => {
    const s = byId.get(p.id);
    if (!s) return p;
    return { ...p, views: p.views ?? s.views, likes: p.likes ?? s.likes, comments: p.comments ?? s.comments, shares: p.shares ?? s.shares ?? null, publishedText: p.publishedText ?? s.publishedText };
  });
  const onPage = new Set(page.map((p) => p.id));
  return [...merged, ...stored.filter((p) => !onPage.has(p.id))];
}

/** The reading with its recent posts as knownRecent gives them (what quotes and figures use). */
export function withKnownPosts(reading: ProfileReading, view: CreatorView | null | undefined): ProfileReading {
  return view?.recent?.length ? { ...reading, recent: knownRecent(reading.recent, view.recent) } : reading;
}

/** A verdict in words (the table and compare use it in lower case). */
export const POSITION_WORD: Record<Position, string> = { below: 'Below', within: 'Within', above: 'Above' };


/** The page's language when Intl knows it ("en_US" or "x-klingon" fall back to the browser's). */
export function pageLocale(lang: string | null | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang])[0];
  } catch {
    return undefined;
  }
}

/** Exact counts in full; abbreviated ones as the page abbreviated them ("≈1.23M"), never more precise. */
export function formatCount(n: number, approx: boolean, locale: string | undefined): string {
  return approx ? `≈${new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(n)}` : new Intl.NumberFormat(locale).format(n);
}

function formatDate(time: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(time);
}

/** A fee as typed: "1500", "1,500", "1.500" (de), "1.5K", "€1,500", "1500.50"; null otherwise. */
export function parseFee(text: string, locale: string | undefined): number | null {
  const t = text.trim();
  if (!t || /[-−]/.test(t)) return null; // no negative fees
  const parsed = parseCount(t, { lang: locale });
  if (parsed && parsed.value > 0) return parsed.value;
  const m = /^[^\d]{0,3}\s?(\d{1,12})([.,]\d{1,2})?\s?[^\d]{0,3}$/.exec(t);
  if (!m) return null;
  const value = Number(`${m[1]}${m[2] ? `.${m[2].slice(1)}` : ''}`);
  return value > 0 ? value : null;
}

function tierLabel(tier: Tier, b: TierBoundaries, locale: string | undefined): string {
  const c = (n: number) => formatCount(n, true, locale).replace('≈', '');
  const ranges: Record<Tier, string> = { nano: `< ${c(b[0])}`, micro: `${c(b[0])}–${c(b[1])}`, mid: `${c(b[1])}–${c(b[2])}`, macro: `${c(b[2])}–${c(b[3])}`, mega: `≥ ${c(b[3])}` };
  return `${tier} (${ranges[tier]})`;
}

export function overlayModel(reading: ProfileReading, view: CreatorView | null, locale: string | undefined, now = Date.now()): OverlayModel {
  const boundaries = view?.settings.tierBoundaries ?? DEFAULT_TIER_BOUNDARIES;
  const fig = (label: string, n: number | null, approx: boolean): Figure | null => (n === null ? null : { label, text: formatCount(n, approx, locale), approx });
  const { platform } = reading;
  const recent = knownRecent(reading.recent, view?.recent);
  const others = [
    fig('following', reading.following, !reading.exact.following),
    fig(vocabularyOf(platform).posts, reading.posts, !reading.exact.posts),
    fig('likes', reading.likes, !reading.exact.likes),
    fig('views', reading.views, !reading.exact.views),
  ].filter((f): f is Figure => f !== null);

  const result = engagement({ platform, followers: reading.followers, posts: recent, now });
  const rate = result.engagement.median;
  const tier = tierOf(reading.followers, boundaries);
  const band = tier ? benchmarkFor(platform, tier, view?.settings.benchmarkOverrides) : null;
  const v = band ? verdict(rate, band) : null;
  const reachRate = result.reach?.median ?? null;
  const views = medianViews(recent, now);

  let growth: OverlayModel['growth'] = null;
  const prev = view?.previous;
  if (view?.saved && prev && prev.followers !== null && prev.followers > 0 && reading.followers !== null) {
    const change = (reading.followers - prev.followers) / prev.followers;
    const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
    growth = {
      text: `${sign}${formatPercent(Math.abs(change), locale, 1)} ${vocabularyOf(platform).followers} since ${formatDate(prev.takenAt, locale)}`,
      up: change > 0 ? true : change < 0 ? false : null,
    };
  }

  // A post page shows no panel unless its creator is booked in a campaign (components/overlay/mount.tsx),
  // but a visit to one records its counts for a saved creator: the hint says so, and points at the grid's hover first.
  const unknownWhy = recent.length === 0
    ? 'The page lists no recent posts.'
    : result.engagement.postsSkipped.missingCounts > 0 && result.engagement.postsUsed === 0
      ? platform === 'instagram'
        ? 'The profile grid shows no likes or comments. Hover its posts to show them. A post you open adds its counts here once the creator is saved (no panel shows on the post’s page).'
        : 'The page shows views but no likes or comments for recent videos.'
      : 'Recent posts are younger than 3 days or their counts are hidden.';

  return {
    title: reading.displayName ?? `@${reading.handle}`,
    handle: reading.handle,
    followers: fig(vocabularyOf(platform).followers, reading.followers, !reading.exact.followers),
    others,
    engagement: rate === null ? { unknown: unknownWhy } : { text: formatPercent(rate, locale), definition: result.engagement.definition, postsUsed: result.engagement.postsUsed },
    reach: reachRate === null || !result.reach ? null : { text: formatPercent(reachRate, locale, 1), definition: result.reach.definition },
    // Recent view counts are mostly abbreviated on the page ("1.2M views"): a median of them is no more precise.
    medianViews: views === null ? null : { label: `median views of recent ${vocabularyOf(platform).posts}`, text: formatCount(views, true, locale), approx: true },
    tier: tier ? { tier, label: tierLabel(tier, boundaries, locale) } : null,
    verdict: v && band ? { position: v.position, band: `${formatPercent(band.low, locale)}–${formatPercent(band.high, locale)}`, source: `${band.source}, ${band.year}${band.yearIsRead ? ' (the year the figures were read)' : ''}`, definition: band.definition } : null,
    growth,
  };
}
