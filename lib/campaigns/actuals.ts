/**
 * What a booking actually returned, beside what was projected at booking time, and whether
 * the campaign's goals were met — the arithmetic of ../shared/FIGURES.md ("ROI arithmetic"):
 *
 *   cost = fee + extra costs       ROI = (revenue × margin − cost) / cost       ROAS = revenue / cost
 *   CPM = cost / views × 1000      CPE = cost / (likes + comments + shares)      CPA = cost / orders
 *
 * Revenue, orders and clicks come from the shop's link and code reports (entered or
 * imported); views and engagements from the deliverable posts' latest counts as their pages
 * showed them. The margin is the one the booking's projection used (kept with it) — unless
 * that was a placeholder (a booking made before the user entered their own order value and
 * margin, `ownFigures: false`): then the user's own margin now, when they have entered one,
 * and otherwise no ROI (ROAS, CPM, CPE and CPA need no margin). Anything not known stays
 * null: an unknown is never a zero, and an assumption is never a result. Pure.
 */
import type { Booking, Campaign, Goals, PostObservation } from '../schema';

export interface Figures {
  cost: number;
  views: number | null;
  engagements: number | null;
  clicks: number | null;
  orders: number | null;
  revenue: number | null;
  roi: number | null;
  roas: number | null;
  cpm: number | null;
  cpe: number | null;
  cpa: number | null;
}

/** The latest observation of each post. */
export function latestByPost(observations: readonly PostObservation[]): Map<string, PostObservation> {
  const latest = new Map<string, PostObservation>();
  for (const o of observations) {
    const seen = latest.get(o.postKey);
    if (!seen || o.takenAt > seen.takenAt) latest.set(o.postKey, o);
  }
  return latest;
}

const sum = (values: (number | null)[]): number | null => (values.length && values.every((v) => v !== null) ? values.reduce<number>((a, b) => a + b!, 0) : null);
const div = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

/** The user's own gross margin from their settings, null until they have entered one. */
export const ownMarginOf = (settings: { assumptions: { margin: { expected: number } | null } } | null | undefined): number | null => settings?.assumptions.margin?.expected ?? null;

/** The margin a booking's return is figured with: its own, the user's where it stored a placeholder, else unknown. */
export function marginOf(booking: Pick<Booking, 'assumptions' | 'ownFigures'>, ownMargin: number | null = null): number | null {
  return booking.ownFigures === false ? ownMargin : booking.assumptions.margin.expected;
}

function figures(cost: number, margin: number | null, views: number | null, engagements: number | null, clicks: number | null, orders: number | null, revenue: number | null): Figures {
  return {
    cost, views, engagements, clicks, orders, revenue,
    roi: revenue === null || margin === null || cost === 0 ? null : (revenue * margin - cost) / cost,
    roas: div(revenue, cost),
    cpm: views === null || views === 0 ? null : (cost / views) * 1000,
    cpe: div(cost, engagements),
    cpa: div(cost, orders),
  };
}

/** A booking's actual figures from its deliverables' latest counts and the reported results. */
export function actualOf(booking: Booking, latest: Map<string, PostObservation>, ownMargin: number | null = null): Figures {
  const seen = booking.postKeys.map((k) => latest.get(k)).filter((o): o is PostObservation => !!o);
  const views = seen.length ? sum(seen.map((o) => o.views)) : null;
  const engagements = seen.length ? sum(seen.map((o) => (o.likes === null && o.comments === null ? null : (o.likes ?? 0) + (o.comments ?? 0) + (o.shares ?? 0)))) : null;
  return figures(booking.fee + booking.extraCosts, marginOf(booking, ownMargin), views, engagements, booking.actual.clicks, booking.actual.orders, booking.actual.revenue);
}

/** The campaign's totals: sums where every booking knows the figure, else unknown. */
export function totalsOf(bookings: readonly Booking[], latest: Map<string, PostObservation>, ownMargin: number | null = null): Figures & { margin: number | null } {
  const each = bookings.map((b) => actualOf(b, latest, ownMargin));
  const margins = bookings.map((b) => marginOf(b, ownMargin));
  const cost = each.reduce((a, f) => a + f.cost, 0);
  const revenue = sum(each.map((f) => f.revenue));
  // Gross profit over all bookings, each with its own margin.
  const profit = revenue === null || margins.some((m) => m === null) ? null : bookings.reduce((a, _b, i) => a + each[i]!.revenue! * margins[i]!, 0);
  const margin = profit === null || !revenue ? null : profit / revenue;
  const t = figures(cost, margin, sum(each.map((f) => f.views)), sum(each.map((f) => f.engagements)), sum(each.map((f) => f.clicks)), sum(each.map((f) => f.orders)), revenue);
  return { ...t, roi: profit === null || cost === 0 ? null : (profit - cost) / cost, margin };
}

export type GoalCheck = { goal: keyof Goals; label: string; target: number; actual: number | null; met: boolean | null };

/** Each goal set on the campaign against the figures: met, missed, or unknown (null). */
export function checkGoals(goals: Goals, f: Figures, options: { includeOrders: boolean }): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const add = (goal: keyof Goals, label: string, target: number | null, actual: number | null, better: 'higher' | 'lower') => {
    if (target === null) return;
    checks.push({ goal, label, target, actual, met: actual === null ? null : better === 'higher' ? actual >= target : actual <= target });
  };
  add('targetRoi', 'ROI', goals.targetRoi, f.roi, 'higher');
  add('targetCpm', 'CPM', goals.targetCpm, f.cpm, 'lower');
  add('targetCpe', 'Cost per engagement', goals.targetCpe, f.cpe, 'lower');
  if (options.includeOrders) add('targetOrders', 'Orders', goals.targetOrders, f.orders, 'higher');
  return checks;
}

/** Spent so far against the budget. */
export function budgetUse(campaign: Campaign, bookings: readonly Booking[]): { spent: number; left: number | null } {
  const spent = bookings.reduce((a, b) => a + b.fee + b.extraCosts, 0);
  return { spent, left: campaign.budget === null ? null : campaign.budget - spent };
}
