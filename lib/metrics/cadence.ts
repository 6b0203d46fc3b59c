/**
 * Posting cadence: posts per week over the last 30 and 90 days, counted only from posts
 * with a date (`publishedAt`). Worded ages ("3 weeks ago") are not dates: "1 month ago"
 * spans 30 to 60 days, so they are left out and counted as undated.
 *
 * A grid shows the newest posts only, so when the oldest dated post (pinned ones aside:
 * they are old and out of order) is younger than the window, posts older than it may still
 * fall inside the window: the count is then a lower bound, and says so.
 */
import { timeOf, type PostCounts } from './engagement';

const DAY = 86_400_000;
export const CADENCE_WINDOWS = [30, 90] as const;
export type CadenceDays = (typeof CADENCE_WINDOWS)[number];

export interface CadenceWindow {
  days: CadenceDays;
  /** Dated posts published in the last `days` days (pinned and sponsored ones too: they are posts). */
  posts: number;
  perWeek: number;
  /** false when the dates do not reach back to the window's start: `posts` and `perWeek` are then "at least". */
  covered: boolean;
  /** In words: "4.2 a week over 30 days", "at least 2.8 a week over 90 days (the dates reach back 41 days only)". */
  text: string;
}

export interface Cadence {
  /** Posts with a date, and without (not counted). */
  dated: number;
  undated: number;
  /** How far back the dates reach (days; null without dates). */
  reachesBackDays: number | null;
  /** null when no post has a date. */
  windows: Record<CadenceDays, CadenceWindow> | null;
  note: string | null;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

export function cadence(posts: readonly PostCounts[], now: number): Cadence {
  const ages: { age: number; pinned: boolean }[] = [];
  let undated = 0;
  for (const p of posts) {
    const t = timeOf(p.publishedAt);
    if (t === null) undated++;
    else ages.push({ age: (now - t) / DAY, pinned: p.pinned === true });
  }
  if (ages.length === 0) return { dated: 0, undated, reachesBackDays: null, windows: null, note: posts.length ? 'The page gave no dates for these posts, so the posting cadence is unknown.' : 'No recent posts.' };
  const unpinned = ages.filter((a) => !a.pinned);
  const back = unpinned.length ? Math.max(...unpinned.map((a) => a.age)) : 0;
  const windows = Object.fromEntries(
    CADENCE_WINDOWS.map((days) => {
      const n = ages.filter((a) => a.age <= days).length;
      const perWeek = (n / days) * 7;
      const covered = back >= days;
      const text = covered
        ? `${fmt(perWeek)} a week over ${days} days`
        : `at least ${fmt(perWeek)} a week over ${days} days (the dates reach back ${Math.floor(back)} days only)`;
      return [days, { days, posts: n, perWeek, covered, text }];
    }),
  ) as Record<CadenceDays, CadenceWindow>;
  return {
    dated: ages.length,
    undated,
    reachesBackDays: back,
    windows,
    note: undated ? `${undated} post${undated === 1 ? '' : 's'} without a date not counted.` : null,
  };
}
