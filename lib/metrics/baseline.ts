/**
 * The organic views baseline a quote projects from (issue 14 §4): the creator's median
 * views over the newest N organic posts of the deliverable's kind that are at least
 * `minAgeDays` old.
 *
 * - Sponsored posts and a kept deal's deliverables never enter it (a sponsored post's
 *   views are what the sponsor's push bought, not what the next deliverable will get).
 * - Kinds apart: reels, Shorts and long videos get different views, so the deliverable's
 *   kind picks the posts (lib/roi/market.ts `baselineKinds`).
 * - From fewer than THIN_BELOW (5) posts' views the baseline is thin: the range is widened
 *   from the middle half of the views (25th–75th percentile) to median ÷ 3 … median × 3,
 *   because quartiles of 1–4 posts describe those posts, not the creator's spread — a
 *   single post commonly lands anywhere within 3× of the creator's median either way (the
 *   research's outlier rule, research/engagement-data.md §6.2, marks only posts beyond that).
 */
import type { PostKind } from '../sites/posts/types';
import type { Platform } from '../sites/types';
import { ageDays, isCount, kindOf, median, MIN_AGE_DAYS, newestFirst, WINDOW, type PostCounts, type PostsLeftOut } from './engagement';
import { quantile } from './stats';

export const THIN_BELOW = 5;
export const THIN_FACTOR = 3;

/** Which posts a baseline is over: these kinds, and whether posts of unknown kind count. */
export interface KindFilter {
  kinds: readonly PostKind[] | null;
  /** Posts whose kind nothing says (no kind, a URL that does not tell). */
  unknownKind: boolean;
  /** In words: "long videos", "Shorts", "reels", "posts". */
  label: string;
}

export const ANY_KIND: KindFilter = { kinds: null, unknownKind: true, label: 'posts' };

export interface ViewsBaseline {
  /** Median views of the posts used; null when none had views. */
  median: number | null;
  postsUsed: number;
  kinds: string;
  /** From fewer than THIN_BELOW posts' views. */
  thin: boolean;
  /** The projection's range: the middle half of the views, or (thin) median ÷ 3 … × 3. null without a median. */
  range: { low: number; high: number } | null;
  /** How the range was drawn, in words, with why when widened. */
  rangeRule: string;
  /** "median views of 12 long videos · 2 sponsored apart · 1 pinned left out". */
  sample: string;
  /** Left out by reason; `otherKind`: another kind than the deliverable's; `missingCounts`: no views. */
  postsLeftOut: PostsLeftOut;
}

export interface BaselineInput {
  platform: Platform;
  posts: readonly PostCounts[];
  filter?: KindFilter;
  now?: number;
  minAgeDays?: number;
  windowSize?: number;
}

export function viewsBaseline(input: BaselineInput): ViewsBaseline {
  const now = input.now ?? Date.now();
  const minAge = input.minAgeDays ?? MIN_AGE_DAYS;
  const size = input.windowSize ?? WINDOW[input.platform];
  const filter = input.filter ?? ANY_KIND;
  const left: PostsLeftOut = { pinned: 0, tooYoung: 0, sponsored: 0, organic: 0, otherKind: 0, missingCounts: 0, beyondWindow: 0 };
  const views: number[] = [];
  let inWindow = 0;
  for (const p of newestFirst(input.posts, now)) {
    const kind = kindOf(input.platform, p);
    const kindOk = kind === null ? filter.unknownKind : filter.kinds === null || filter.kinds.includes(kind);
    if (p.pinned) left.pinned++;
    else if (!kindOk) left.otherKind++;
    else if (p.sponsored || p.deliverable) left.sponsored++;
    else if ((ageDays(p, now) ?? Infinity) < minAge) left.tooYoung++;
    else if (inWindow >= size) left.beyondWindow++;
    else {
      inWindow++;
      if (isCount(p.views)) views.push(p.views);
      else left.missingCounts++;
    }
  }
  const m = median(views);
  const thin = views.length < THIN_BELOW;
  const range = m === null ? null : thin ? { low: m / THIN_FACTOR, high: m * THIN_FACTOR } : { low: Math.min(quantile(views, 0.25)!, m), high: Math.max(quantile(views, 0.75)!, m) };
  const rangeRule = thin
    ? `thin: from ${views.length} post${views.length === 1 ? '' : 's'}’ views (fewer than ${THIN_BELOW}), so the range is widened to a third of the median up to ${THIN_FACTOR} times it, where a single post’s views commonly fall`
    : 'the middle half of the posts’ views (25th to 75th percentile)';
  const parts = [views.length ? `median views of ${views.length} ${filter.label}` : `no ${filter.label} with views`];
  if (left.sponsored) parts.push(`${left.sponsored} sponsored apart`);
  if (left.pinned) parts.push(`${left.pinned} pinned left out`);
  if (left.otherKind) parts.push(`${left.otherKind} of other kinds apart`);
  if (left.tooYoung) parts.push(`${left.tooYoung} under ${minAge} days old left out`);
  if (left.beyondWindow) parts.push(`${left.beyondWindow} older than the newest ${size} left out`);
  return { median: m, postsUsed: views.length, kinds: filter.label, thin, range, rangeRule, sample: parts.join(' · '), postsLeftOut: left };
}
