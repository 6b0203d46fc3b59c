/** A creator's history: followers over time, engagement of recent posts against the band, growth per week, and the jumps in followers far outside the creator's own trend (lib/metrics/growth.ts, with its explanation). */
import type { ChartConfiguration } from 'chart.js';
import { useCallback } from 'react';
import { benchmarkFor, tierOf } from '@/lib/metrics/benchmarks';
import { engagement } from '@/lib/metrics/engagement';
import { jumpsIn, weeklyGrowthSeries } from '@/lib/metrics/growth';
import { toFraction, toPercent } from '@/lib/roi/percent';
import type { Post, Snapshot } from '@/lib/schema';
import type { Platform } from '@/lib/sites/types';
import { compact, date, dateTime, pct, signedPct } from '@/lib/view/format';
import { recentOf } from '@/lib/library/as-reading';
import { ChartCanvas, type Palette } from '../dashboard/Chart';
import { useLibrary } from '../dashboard/library-context';
import { capital } from '@/lib/view/format';
import { vocabularyOf } from '@/lib/sites/platforms';

export function HistoryCharts({ snapshots, posts, platform, followers }: { snapshots: Snapshot[]; posts: Post[]; platform: Platform; followers: number | null }) {
  const settings = useLibrary().settings!;
  const now = Date.now();
  const points = snapshots.filter((s) => s.followers !== null);
  const tier = tierOf(followers, settings.tierBoundaries);
  const band = tier ? benchmarkFor(platform, tier, settings.benchmarkOverrides) : null;
  const perPost = recentOf(posts)
    .map((p, i) => ({ p, i, rate: engagement({ platform, followers, posts: [p], now }).engagement.median }))
    .filter((x) => x.rate !== null)
    .slice(0, 24)
    .reverse();
  const weekly = weeklyGrowthSeries(snapshots);
  const jumps = jumpsIn(snapshots);
  const word = capital(vocabularyOf(platform).followers);

  const followersConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'line',
    data: { datasets: [{ label: word, data: points.map((s) => ({ x: s.takenAt, y: s.followers! })), borderColor: p.accent, backgroundColor: p.accent, pointRadius: points.length > 60 ? 0 : 3, tension: 0.2 }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => dateTime(items[0]!.parsed.x as number), label: (item) => `${word}: ${compact(item.parsed.y as number)}` } } },
      scales: {
        x: { type: 'linear', min: points[0]?.takenAt, max: points.at(-1)?.takenAt, title: { display: true, text: 'Date of snapshot' }, ticks: { callback: (v) => date(Number(v), 'short'), maxTicksLimit: 6 } },
        y: { title: { display: true, text: `${word} (count)` }, ticks: { callback: (v) => compact(Number(v)) } },
      },
    },
  }), [snapshots]);

  const engagementConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: perPost.map((x) => x.p.publishedText ?? `post ${x.i + 1}`),
      datasets: [{ label: 'Engagement rate', data: perPost.map((x) => toPercent(x.rate!)), backgroundColor: p.accent, maxBarThickness: 48 }],
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item: { parsed: { y: number } }) => `Engagement ${pct(toFraction(item.parsed.y), 2)}` } },
        ...(band && { band: { low: toPercent(band.low), high: toPercent(band.high), fill: p.band, stroke: p.good } }),
      } as never,
      scales: {
        x: { title: { display: true, text: 'Recent posts, oldest to newest' } },
        y: { beginAtZero: true, suggestedMax: Math.max(...perPost.map((x) => toPercent(x.rate!)), band ? toPercent(band.high) * 1.25 : 0), title: { display: true, text: 'Engagement rate (%)' } },
      },
    },
  }), [posts]);

  const growthConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'bar',
    data: { labels: weekly.map((w) => date(w.takenAt, 'short')), datasets: [{ label: 'Growth per week', data: weekly.map((w) => toPercent(w.rate)), backgroundColor: weekly.map((w) => (w.rate < 0 ? p.bad : p.good)) }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${signedPct(toFraction(item.parsed.y as number), 2)} per week` } } },
      scales: { x: { title: { display: true, text: 'Snapshot date (interval ending)' } }, y: { title: { display: true, text: `${word} growth (% per week)` } } },
    },
  }), [snapshots]);

  return (
    <section className="charts" aria-label="History">
      <figure className="card">
        <figcaption><h2>{word} over time</h2></figcaption>
        {points.length < 2 ? <p className="muted empty-chart">One snapshot so far. Each later visit to the profile adds one, and the line appears with the second.</p>
          : <ChartCanvas config={followersConfig} label={`${word} from ${compact(points[0]!.followers)} on ${date(points[0]!.takenAt)} to ${compact(points.at(-1)!.followers)} on ${date(points.at(-1)!.takenAt)}`} testId="chart-followers" />}
      </figure>
      <figure className="card">
        <figcaption><h2>Engagement of recent posts</h2><p className="muted small">{band ? <>Shaded: the {tier} band {pct(band.low)}–{pct(band.high)}, {band.definition} ({band.source}, {band.year}).</> : 'No band: the follower count is unknown.'}</p></figcaption>
        {perPost.length === 0 ? <p className="muted empty-chart">{posts.length ? 'The pages showed no likes or comments for these posts, so their engagement is unknown.' : 'No posts seen yet. Posts are recorded from the profile’s grid when it shows their counts.'}</p>
          : <ChartCanvas config={engagementConfig} label={`Engagement of ${perPost.length} recent posts, median ${pct(engagement({ platform, followers, posts: recentOf(posts), now }).engagement.median)}`} testId="chart-engagement" />}
      </figure>
      <figure className="card">
        <figcaption><h2>Growth rate</h2></figcaption>
        {weekly.length === 0 ? <p className="muted empty-chart">Growth needs two snapshots at least a day apart.</p>
          : <ChartCanvas config={growthConfig} label={`Follower growth per week between ${weekly.length + 1} snapshots`} testId="chart-growth" />}
        <div className="stack jumps" data-testid="growth-jumps">
          <h3>Jumps in {vocabularyOf(platform).followers}</h3>
          {jumps.note ? <p className="muted small">{jumps.note}</p>
            : jumps.jumps.length === 0 ? <p className="muted small">No jump far outside this creator’s own trend.</p>
            : (
              <ul className="small">
                {jumps.jumps.map((j) => (
                  <li key={j.to.takenAt} data-testid="growth-jump">
                    <span className="chip verdict-below">{signedPct(j.percent, 1)} jump</span> {j.explanation}
                  </li>
                ))}
              </ul>
            )}
        </div>
      </figure>
    </section>
  );
}
