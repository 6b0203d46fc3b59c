/**
 * What the overlay shows, computed from a reading (and, when the background answers,
 * the library's view of the creator). Pure and locale-aware: numbers are formatted with
 * Intl.NumberFormat in the page's language. Nothing here invents a number — a count the
 * page did not show stays unknown, with the reason.
 */
import { engagementAnswer } from '../metrics/answer';
import { DEFAULT_TIER_BOUNDARIES, type Position, type Tier, type TierBoundaries } from '../metrics/benchmarks';
import { medianViews, type RateSummary } from '../metrics/engagement';
import { parseCount } from '../parse-count';
import { formatPercent } from '../roi/money';
import type { CreatorView } from '../protocol/payloads';
import type { ProfileReading, RecentPost } from '../sites/types';
import { vocabularyOf } from '../sites/platforms';
import { numberFormat, dateTimeFormat } from '../intl';

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
  /** The platform's headline over the recent posts (lib/metrics/answer.ts): engagement, or
   * on YouTube views per subscriber; `label` names it. */
  engagement: ({ text: string; definition: string; postsUsed: number; sample: string } | { unknown: string }) & { label: string };
  /** The other rate: views per follower (TikTok), or on YouTube (likes + comments) / views
   * over the videos whose page was opened ("on 4 of 30 videos"). */
  second: { text: string; definition: string; sample: string } | null;
  /** Sponsored posts apart (paid post performance), with how they compare to the organic ones. */
  sponsored: { text: string; sample: string; vsOrganic: string | null } | null;
  /** Posting cadence over 30 days, from dated posts ("4.2 a week over 30 days"). */
  cadence: string | null;
  medianViews: Figure | null;
  tier: { tier: Tier; label: string } | null;
  verdict: { position: Position; band: string; source: string; definition: string } | null;
  /** Why there is no verdict although there is a rate: too few posts, no published band. */
  verdictNote: string | null;
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
  // Asked on every draw of the panel; the answer per tag never changes.
  if (knownLocales.has(lang)) return knownLocales.get(lang);
  let found: string | undefined;
  try {
    found = Intl.NumberFormat.supportedLocalesOf([lang])[0];
  } catch {
    found = undefined;
  }
  if (knownLocales.size > 64) knownLocales.clear();
  knownLocales.set(lang, found);
  return found;
}
const knownLocales = new Map<string, string | undefined>();

/** Exact counts in full; abbreviated ones as the page abbreviated them ("≈1.23M"), never more precise. */
export function formatCount(n: number, approx: boolean, locale: string | undefined): string {
  return approx ? `≈${numberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(n)}` : numberFormat(locale).format(n);
}

function formatDate(time: number, locale: string | undefined): string {
  return dateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(time);
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

  const answer = engagementAnswer({
    platform, followers: reading.followers, posts: recent, now, tierBoundaries: boundaries, benchmarkOverrides: view?.settings.benchmarkOverrides,
  });
  const { metrics, headline, tier, band } = answer;
  const youtube = platform === 'youtube';
  const rate = headline.median;
  const v = answer.verdict.kind === 'verdict' ? answer.verdict : null;
  const verdictNote = answer.verdict.kind === 'too-few' || answer.verdict.kind === 'no-band' ? answer.verdict.message : null;
  const secondOf = (r: RateSummary | null) => (r && r.median !== null ? { text: formatPercent(r.median, locale, youtube ? 2 : 1), definition: r.definition, sample: r.sample } : null);
  const second = secondOf(youtube ? metrics.engagement : metrics.reach);
  const paid = metrics.sponsored?.engagement;
  const ratio = metrics.sponsored?.vsOrganic.engagement ?? null;
  const sponsored = paid && paid.median !== null
    ? { text: formatPercent(paid.median, locale), sample: paid.sample, vsOrganic: ratio === null ? null : `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ratio)}× the organic posts’ median` }
    : null;
  const views = medianViews(recent, now, undefined, platform, youtube ? 'videos' : 'posts');
  const window30 = metrics.cadence.windows?.[30] ?? null;

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
    : headline.postsLeftOut.missingCounts > 0 && headline.postsUsed === 0
      ? platform === 'instagram'
        ? 'The profile grid shows no likes or comments. Hover its posts to show them. A post you open adds its counts here once the creator is saved (no panel shows on the post’s page).'
        : 'The page shows views but no likes or comments for recent videos.'
      : 'Recent posts are younger than 3 days or their counts are hidden.';

  return {
    title: reading.displayName ?? `@${reading.handle}`,
    handle: reading.handle,
    followers: fig(vocabularyOf(platform).followers, reading.followers, !reading.exact.followers),
    others,
    engagement: {
      label: youtube ? 'Views per subscriber' : 'Engagement',
      ...(rate === null ? { unknown: unknownWhy } : { text: formatPercent(rate, locale, youtube ? 1 : 2), definition: headline.definition, postsUsed: headline.postsUsed, sample: headline.sample }),
    },
    second,
    sponsored,
    cadence: window30 ? window30.text : null,
    // Recent view counts are mostly abbreviated on the page ("1.2M views"): a median of them is no more precise.
    medianViews: views === null ? null : { label: `median views of recent ${youtube ? 'videos (Shorts apart)' : vocabularyOf(platform).posts}`, text: formatCount(views, true, locale), approx: true },
    tier: tier ? { tier, label: tierLabel(tier, boundaries, locale) } : null,
    verdict: v && band ? { position: v.position, band: `${formatPercent(band.low, locale)}–${formatPercent(band.high, locale)}`, source: v.source, definition: band.definition } : null,
    verdictNote,
    growth,
  };
}
