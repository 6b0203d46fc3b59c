/**
 * A Chart.js chart in a canvas, themed from the page's CSS colours (light or dark). Only
 * the chart types used are registered, and this module is only imported by the pages that
 * draw charts (creator, compare), which the dashboard loads on demand.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip,
  type ChartConfiguration, type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';

/** Draws a shaded horizontal band (a benchmark's low–high) behind the data: `options.plugins.band`. */
const bandPlugin: Plugin = {
  id: 'band',
  beforeDatasetsDraw(chart, _args, options: { low?: number; high?: number; fill?: string; stroke?: string }) {
    if (options.low === undefined || options.high === undefined) return;
    const { ctx, chartArea: a, scales } = chart;
    const y = scales.y!;
    const top = y.getPixelForValue(options.high);
    const bottom = y.getPixelForValue(options.low);
    ctx.save();
    ctx.fillStyle = options.fill ?? 'rgba(0,0,0,0.08)';
    ctx.fillRect(a.left, top, a.right - a.left, bottom - top);
    ctx.strokeStyle = options.stroke ?? 'rgba(0,0,0,0.4)';
    ctx.setLineDash([4, 4]);
    for (const py of [top, bottom]) {
      ctx.beginPath();
      ctx.moveTo(a.left, py);
      ctx.lineTo(a.right, py);
      ctx.stroke();
    }
    ctx.restore();
  },
};

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip, bandPlugin);

export interface Palette {
  fg: string;
  muted: string;
  line: string;
  accent: string;
  good: string;
  bad: string;
  band: string;
}

export function palette(): Palette {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string) => s.getPropertyValue(name).trim();
  return { fg: v('--fg'), muted: v('--muted'), line: v('--line'), accent: v('--accent'), good: v('--good'), bad: v('--bad'), band: v('--good-soft') };
}

/** `label` describes the chart for screen readers (the canvas itself is not readable). */
export function ChartCanvas({ config, label, height = 260, testId }: { config: (p: Palette) => ChartConfiguration; label: string; height?: number; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const p = palette();
    Chart.defaults.color = p.muted;
    Chart.defaults.borderColor = p.line;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    const c = config(p);
    const chart = new Chart(ref.current!, { ...c, options: { animation: false, maintainAspectRatio: false, ...c.options } } as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
