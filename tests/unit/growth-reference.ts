/**
 * growth() as it was before jump detection ran in O(k log k) (commit a31a5f9,
 * lib/metrics/growth.ts): sorting the other intervals again for every interval. Kept only
 * as the reference the property tests hold the fast version to.
 */
import type { Growth, Jump, Point, WindowChange } from '../../lib/metrics/growth';

const DAY = 86_400_000;
const time = (t: number | Date) => (typeof t === 'number' ? t : t.getTime());

function clean(points: readonly Point[]) {
  return points
    .filter((p) => typeof p.followers === 'number' && Number.isFinite(p.followers) && p.followers >= 0 && Number.isFinite(time(p.takenAt)))
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

const fmtDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const pct = (x: number) => `${(x * 100).toFixed(x !== 0 && Math.abs(x) < 0.01 ? 2 : 1)} %`;

/**
 * A jump: an interval whose daily growth is far outside the creator's own usual daily
 * growth (robust: median and median absolute deviation of the other intervals), and big
 * enough to matter (at least 2 % of followers). Needs four intervals of history.
 */
function findJumps(points: { takenAt: number; followers: number }[]): { jumps: Jump[]; note: string | null } {
  const intervals = points.slice(1).map((to, i) => {
    const from = points[i]!;
    const days = Math.max((to.takenAt - from.takenAt) / DAY, 1 / 24);
    const percent = from.followers > 0 ? (to.followers - from.followers) / from.followers : 0;
    return { from, to, days, percent, daily: percent / days };
  });
  if (intervals.length < 4) return { jumps: [], note: 'Jumps are judged from at least five snapshots.' };
  const jumps: Jump[] = [];
  intervals.forEach((iv, i) => {
    const others = intervals.filter((_, j) => j !== i).map((o) => o.daily);
    const med = medianOf(others);
    const mad = medianOf(others.map((d) => Math.abs(d - med)));
    const scale = Math.max(mad * 1.4826, 0.0005); // at least 0.05 %/day, so flat histories do not flag noise
    const z = (iv.daily - med) / scale;
    if (Math.abs(z) < 6 || Math.abs(iv.percent) < 0.02) return;
    const absolute = iv.to.followers - iv.from.followers;
    const timesUsual = med > 0 ? iv.daily / med : null;
    const direction = absolute > 0 ? 'rose' : 'fell';
    const usual = `${pct(med)} a day`;
    const explanation =
      `Followers ${direction} ${pct(Math.abs(iv.percent))} (${absolute > 0 ? '+' : '−'}${Math.abs(absolute).toLocaleString('en')}) between ` +
      `${fmtDate(iv.from.takenAt)} and ${fmtDate(iv.to.takenAt)}, ` +
      (timesUsual !== null && timesUsual > 0 ? `${Math.round(timesUsual)}× the creator's usual ${usual}. ` : `against the creator's usual ${usual}. `) +
      (absolute > 0
        ? 'A jump this far outside its own trend is how bought followers show; it can also be a post that went viral — check the posts from those days.'
        : 'A drop this sharp often follows a platform purge of fake accounts.');
    jumps.push({ from: iv.from, to: iv.to, absolute, percent: iv.percent, timesUsual, explanation });
  });
  return { jumps, note: null };
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function growthBefore(history: readonly Point[]): Growth {
  const points = clean(history);
  const first = points[0];
  const last = points[points.length - 1];
  let weeklyRate: number | null = null;
  if (first && last && last.takenAt - first.takenAt >= DAY && first.followers > 0) {
    const weeks = (last.takenAt - first.takenAt) / (7 * DAY);
    weeklyRate = (last.followers / first.followers) ** (1 / weeks) - 1;
  }
  const { jumps, note } = findJumps(points);
  return {
    windows: { 7: windowChange(points, 7), 30: windowChange(points, 30), 90: windowChange(points, 90) },
    weeklyRate,
    jumps,
    jumpNote: note,
  };
}

