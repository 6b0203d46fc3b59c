/**
 * Growth per creator before and after (issue 18): the old growth() (jump detection sorting
 * the other intervals again for every interval, O(k² log k); tests/unit/growth-reference.ts)
 * against the new one (O(k log k)), and the weekly rate alone (what the creators table
 * shows for every row, one pass), at 20 snapshots (the bench's library), 100 (two years
 * weekly) and 1,460 (a year every 6 hours). Runs interleaved, in Node.
 */
import { performance } from 'node:perf_hooks';
import { growth, weeklyRate, type Point } from '../lib/metrics/growth';
import { seededRandom } from '../lib/roi/range';
import { growthBefore } from '../tests/unit/growth-reference';

export interface GrowthBenchRow {
  snapshots: number;
  runs: number;
  /** Medians in ms. */
  before: number;
  after: number;
  weeklyRate: number;
  same: boolean;
}

function history(k: number): Point[] {
  const random = seededRandom(k);
  const step = k > 500 ? 6 * 3_600_000 : 7 * 86_400_000;
  let followers = 50_000;
  return Array.from({ length: k }, (_, i) => {
    followers = Math.round(followers * (i === Math.floor(k * 0.6) ? 1.25 : 1 + (random() - 0.4) * 0.004));
    return { takenAt: Date.UTC(2025, 0, 1) + i * step + Math.floor(random() * 3_600_000), followers };
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export function benchGrowth(sizes = [20, 100, 1_460]): GrowthBenchRow[] {
  return sizes.map((k) => {
    const h = history(k);
    const same = JSON.stringify(growth(h)) === JSON.stringify(growthBefore(h));
    // The old version takes about a second at 1,460 snapshots: fewer runs there.
    const runs = k > 1_000 ? 5 : k > 50 ? 50 : 300;
    const t = { before: [] as number[], after: [] as number[], weekly: [] as number[] };
    const variants: [keyof typeof t, () => unknown][] = [['before', () => growthBefore(h)], ['after', () => growth(h)], ['weekly', () => weeklyRate(h)]];
    for (let i = 0; i < runs + 2; i++) {
      for (let j = 0; j < variants.length; j++) {
        const [name, f] = variants[(i + j) % variants.length]!;
        const t0 = performance.now();
        f();
        if (i >= 2) t[name].push(performance.now() - t0);
      }
    }
    return { snapshots: k, runs, before: median(t.before), after: median(t.after), weeklyRate: median(t.weekly), same };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchGrowth());
