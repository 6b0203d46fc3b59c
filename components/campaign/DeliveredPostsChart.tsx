import type { ChartConfiguration } from 'chart.js';
import { useCallback } from 'react';
import { medianViews } from '@/lib/metrics/engagement';
import { median } from '@/lib/metrics/stats';
import type { Post, PostObservation } from '@/lib/schema';
import { compact, date } from '@/lib/view/format';
import { recentOf } from '@/lib/library/as-reading';
import { ChartCanvas, type Palette } from '../dashboard/Chart';

const DAY = 86_400_000;

/** A delivered post named as a person would: when it was published (as its page said), else when it was first seen; never its raw id. */
export function deliveredName(key: string, index: number, delivered: readonly Post[]): string {
  const post = delivered.find((p) => p.key === key);
  if (post?.publishedText) return `Sponsored post ${index + 1} (published ${post.publishedText})`;
  if (post) return `Sponsored post ${index + 1} (first seen ${date(post.firstSeenAt)})`;
  return `Sponsored post ${index + 1}`;
}

/** The delivered posts' views (or likes) at each visit, against the creator's usual post (the median of recent organic posts). */
export function DeliveredPostsChart({ observations, organic, platform, delivered = [] }: { observations: PostObservation[]; organic: Post[]; platform: string; delivered?: readonly Post[] }) {
  const useViews = observations.some((o) => o.views !== null);
  const metric = useViews ? 'views' : 'likes';
  const recent = recentOf(organic);
  const usual = useViews ? medianViews(recent) : median(organic.map((p) => p.likes).filter((v): v is number => v !== null));
  const keys = [...new Set(observations.map((o) => o.postKey))];
  const t0 = Math.min(...observations.map((o) => o.takenAt));
  const config = useCallback((p: Palette): ChartConfiguration => ({
    type: 'line',
    data: {
      datasets: [
        ...keys.map((k, i) => ({
          label: deliveredName(k, i, delivered),
          data: observations.filter((o) => o.postKey === k && o[metric] !== null).sort((a, b) => a.takenAt - b.takenAt).map((o) => ({ x: (o.takenAt - t0) / DAY, y: o[metric]! })),
          borderColor: i === 0 ? p.accent : p.fg, backgroundColor: i === 0 ? p.accent : p.fg, pointRadius: 4,
        })),
        ...(usual !== null ? [{ label: `Usual post (median of ${organic.length} organic ${organic.length === 1 ? 'post' : 'posts'})`, data: [{ x: 0, y: usual }, { x: Math.max(1, (Math.max(...observations.map((o) => o.takenAt)) - t0) / DAY), y: usual }], borderColor: p.good, borderDash: [6, 4], pointRadius: 0 }] : []),
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom' } },
      scales: {
        // Whole days only: a visit a few hours after the first count sits near 0, and the axis shows no 0.1-day ticks.
        x: { type: 'linear', min: 0, suggestedMax: 1, title: { display: true, text: `Days since first count (${date(t0)})` }, ticks: { stepSize: 1, precision: 0, callback: (v) => (Number.isInteger(Number(v)) ? String(v) : '') } },
        y: { beginAtZero: true, title: { display: true, text: `${metric[0]!.toUpperCase()}${metric.slice(1)} (count)` }, ticks: { callback: (v) => compact(Number(v)) } },
      },
    },
  }), [observations, organic]);
  return <ChartCanvas config={config} height={220} label={`Sponsored posts’ ${metric} at each visit${usual !== null ? `, against the usual ${compact(usual)} ${metric}` : ''} (${platform})`} testId="chart-post" />;
}
