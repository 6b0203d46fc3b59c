/**
 * Growth from snapshot history: change over 7 / 30 / 90 days, the weekly compound rate,
 * and jumps far outside the creator's own trend (explained, not just flagged).
 */
import { numberFormat } from '../intl';

export interface Point {
  /** ms since epoch, or a Date. */
  takenAt: number | Date;
  followers: number | null;
}

export interface WindowChange {
  days: number;
  /** The snapshots compared (the latest, and the newest one at least `days` older). */
  from: { takenAt: number; followers: number };
  to: { takenAt: number; followers: number };
  absolute: number;
  /** Fraction: 0.031 = +3.1 %. null when the earlier count was 0. */
  percent: number | null;
}

export interface Jump {
  from: { takenAt: number; followers: number };
  to: { takenAt: number; followers: number };
  absolute: number;
  percent: number;
  /** Daily growth in this interval ÷ the creator's usual daily growth (median of the others). */
  timesUsual: number | null;
  explanation: string;
}

export interface Growth {
  windows: Record<7 | 30 | 90, WindowChange | null>;
  /** Compound growth per week over the whole history; null with less than a day of it. */
  weeklyRate: number | null;
  jumps: Jump[];
  /** Why no jump could be judged, when that is the case. */
  jumpNote: string | null;
}

const DAY = 86_400_000;
const time = (t: number | Date) => (typeof t === 'number' ? t : t.getTime());
const usable = (p: Point) => typeof p.followers === 'number' && Number.isFinite(p.followers) && p.followers >= 0 && Number.isFinite(time(p.takenAt));

function clean(points: readonly Point[]) {
  return points
    .filter(usable)
    .map((p) => ({ takenAt: time(p.takenAt), followers: p.followers as number }))
    .sort((a, b) => a.takenAt - b.takenAt);
}

function windowChange(points: { takenAt: number; followers: number }[], days: number): WindowChange | null {
  const to = points[points.length - 1];
  if (!to) return null;
  // The newest snapshot taken at least `days` before the latest; none → the history is too short.
  let from: (typeof points)[number] | undefined;
  for (const p of points) if (p.takenAt <= to.takenAt - days * DAY) from = p;
  if (!from) return null;
  const absolute = to.followers - from.followers;
  return { days, from, to, absolute, percent: from.followers > 0 ? absolute / from.followers : null };
}

/**
 * Compound follower growth per week from the first to the last usable snapshot (by time);
 * null with less than a day between them or from 0 followers. One pass, no copy: this is
 * what the creators table shows for every row (growth() gives the same number).
 */
export function weeklyRate(history: readonly Point[]): number | null {
  // The first of the earliest and the last of the latest, as a stable sort by time would put them.
  let firstAt = Infinity;
  let firstFollowers = 0;
  let lastAt = -Infinity;
  let lastFollowers = 0;
  for (const p of history) {
    if (!usable(p)) continue;
    const t = time(p.takenAt);
    if (t < firstAt) {
      firstAt = t;
      firstFollowers = p.followers as number;
    }
    if (t >= lastAt) {
      lastAt = t;
      lastFollowers = p.followers as number;
    }
  }
  if (!(lastAt - firstAt >= DAY) || !(firstFollowers > 0)) return null;
  const weeks = (lastAt - firstAt) / (7 * DAY);
  return (lastFollowers / firstFollowers) ** (1 / weeks) - 1;
}

/** What toLocaleString('en') does, made once. */
const EN = numberFormat('en');
const fmtDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const pct = (x: number) => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1)} %`;

const TOO_FEW = 'Jumps are judged from at least five snapshots.';

interface Interval {
  from: { takenAt: number; followers: number };
  to: { takenAt: number; followers: number };
  days: number;
  percent: number;
  daily: number;
}

/**
 * A jump: an interval whose daily growth is far outside the creator's own usual daily
 * growth (robust: median and median absolute deviation of the other intervals), and big
 * enough to matter (at least 2 % of followers). Needs four intervals of history.
 */
function findJumps(points: { takenAt: number; followers: number }[]): { jumps: Jump[]; note: string | null } {
  const intervals: Interval[] = points.slice(1).map((to, i) => {
    const from = points[i]!;
    const days = Math.max((to.takenAt - from.takenAt) / DAY, 1 / 24);
    const percent = from.followers > 0 ? (to.followers - from.followers) / from.followers : 0;
    return { from, to, days, percent, daily: percent / days };
  });
  if (intervals.length < 4) return { jumps: [], note: TOO_FEW };
  const usualOf = intervals.every((iv) => Number.isFinite(iv.daily)) ? usualLeavingOneOut(intervals.map((iv) => iv.daily)) : usualByRecount(intervals);
  const jumps: Jump[] = [];
  intervals.forEach((iv, i) => {
    if (Math.abs(iv.percent) < 0.02) return; // too small to matter, however unusual (most intervals: no need to know the usual)
    const { med, mad } = usualOf(i);
    const scale = Math.max(mad * 1.4826, 0.0005); // at least 0.05 %/day, so flat histories do not flag noise
    const z = (iv.daily - med) / scale;
    if (Math.abs(z) < 6) return;
    const absolute = iv.to.followers - iv.from.followers;
    const timesUsual = med > 0 ? iv.daily / med : null;
    const direction = absolute > 0 ? 'rose' : 'fell';
    const usual = `${pct(med)} a day`;
    const explanation =
      `Followers ${direction} ${pct(Math.abs(iv.percent))} (${absolute > 0 ? '+' : '−'}${EN.format(Math.abs(absolute))}) between ` +
      `${fmtDate(iv.from.takenAt)} and ${fmtDate(iv.to.takenAt)}, ` +
      (timesUsual !== null && timesUsual > 0 ? `${Math.round(timesUsual)}× the creator's usual ${usual}. ` : `against the creator's usual ${usual}. `) +
      (absolute > 0
        ? 'A jump this far outside its own trend is how bought followers show; it can also be a post that went viral — check the posts from those days.'
        : 'A drop this sharp often follows a platform purge of fake accounts.');
    jumps.push({ from: iv.from, to: iv.to, absolute, percent: iv.percent, timesUsual, explanation });
  });
  return { jumps, note: null };
}

type Usual = (i: number) => { med: number; mad: number };

/**
 * The median and MAD of every value but the i-th, for each i, in O(n log n) for all of them
 * (sorting the others again for each i was O(n² log n): 1.1 s for a year of snapshots
 * taken every 6 hours). Leaving one value out of a sorted list moves the median only
 * between its neighbours, so there are at most three medians of the others; for each, the
 * deviations from it are sorted once, and leaving one out is again a matter of ranks.
 * Same numbers as sorting the others each time: the same values, added in the same order.
 */
function usualLeavingOneOut(values: readonly number[]): Usual {
  const sorted = Float64Array.from(values).sort();
  const byMedian = new Map<number, Float64Array>();
  return (i) => {
    const med = medianWithout(sorted, rankOf(sorted, values[i]!));
    let deviations = byMedian.get(med);
    if (!deviations) {
      deviations = Float64Array.from(values, (d) => Math.abs(d - med)).sort();
      byMedian.set(med, deviations);
    }
    return { med, mad: medianWithout(deviations, rankOf(deviations, Math.abs(values[i]! - med))) };
  };
}

/** The first index of `value` in the ascending `sorted` (where it is). */
function rankOf(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The median of `sorted` without the element at `rank`. */
function medianWithout(sorted: Float64Array, rank: number): number {
  const at = (j: number) => sorted[j < rank ? j : j + 1]!;
  const n = sorted.length - 1;
  const m = n >> 1;
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/** Counts so large that a daily rate overflows: the others sorted again for each interval, as before. */
function usualByRecount(intervals: readonly Interval[]): Usual {
  return (i) => {
    const others = intervals.filter((_, j) => j !== i).map((o) => o.daily);
    const med = medianOf(others);
    return { med, mad: medianOf(others.map((d) => Math.abs(d - med))) };
  };
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Jumps in a history (and why none could be judged), without the windows: O(k log k) in snapshots. */
export function jumpsIn(history: readonly Point[]): { jumps: Jump[]; note: string | null } {
  // Most histories are in time order with no step of 2 % between usable snapshots, and so
  // have no jump: one pass tells, without the copies (a library of 20,000 asks for each).
  let count = 0;
  let last: Point | undefined;
  let plain = true;
  for (const p of history) {
    if (!usable(p)) continue;
    if (last) {
      const from = last.followers as number;
      const to = p.followers as number;
      if (time(p.takenAt) < time(last.takenAt) || (from > 0 && Math.abs((to - from) / from) >= 0.02)) {
        plain = false;
        break;
      }
    }
    count++;
    last = p;
  }
  if (plain) return { jumps: [], note: count < 5 ? TOO_FEW : null };
  return findJumps(clean(history));
}

export function growth(history: readonly Point[]): Growth {
  const points = clean(history);
  const { jumps, note } = findJumps(points);
  return {
    windows: { 7: windowChange(points, 7), 30: windowChange(points, 30), 90: windowChange(points, 90) },
    weeklyRate: weeklyRate(points),
    jumps,
    jumpNote: note,
  };
}

export interface WeeklyGrowth {
  /** The end of the interval (ms since epoch). */
  takenAt: number;
  /** Fraction per week: 0.012 = +1.2 % a week. */
  rate: number;
}

/**
 * Growth per week over each interval between consecutive snapshots with a follower count,
 * (followers at the end ÷ at the start)^(7 / days) − 1, dated at the interval's end (the
 * creator page's growth chart). Intervals shorter than a day, or from 0 followers, are left out.
 */
export function weeklyGrowthSeries(history: readonly Point[]): WeeklyGrowth[] {
  const points = clean(history);
  const series: WeeklyGrowth[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    const days = (to.takenAt - from.takenAt) / DAY;
    if (days >= 1 && from.followers > 0) series.push({ takenAt: to.takenAt, rate: (to.followers / from.followers) ** (7 / days) - 1 });
  }
  return series;
}
