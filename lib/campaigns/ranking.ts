/**
 * Which creators to book again: every creator booked in any campaign, ranked by actual ROI
 * where sales were reported, then — where they were not — by cost per engagement. Code and
 * link attribution undercounts sales by 40–60 % ([2nd], ../shared/FIGURES.md): the ranking
 * says so wherever it rests on codes or links. Pure; the CSV escapes formulas.
 */
import Papa from 'papaparse';
import type { Booking, Campaign, Creator, PostObservation } from '../schema';
import { totalsOf, type Figures } from './actuals';

export const ATTRIBUTION_CAVEAT = 'Sales tracked with discount codes and links undercount: 40–60 % of sales go unattributed, and codes leak to coupon sites (as cited by a secondary source). Treat actual ROI as a floor.';

export interface RankRow {
  creatorKey: string;
  currency: string;
  name: string;
  platform: string;
  campaigns: string[];
  bookings: number;
  figures: Figures;
  /** "sales": ranked by ROI; "engagement": no sales reported, ranked by cost per engagement; "none": neither known. */
  basis: 'sales' | 'engagement' | 'none';
  /** Sales came through codes or links, which undercount. */
  undercounts: boolean;
}

export function rankCreators(campaigns: readonly Campaign[], bookings: readonly Booking[], creators: readonly Creator[], latest: Map<string, PostObservation>, ownMargin: number | null = null): RankRow[] {
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  const byKey = new Map(creators.map((c) => [c.key, c]));
  const groups = new Map<string, Booking[]>();
  // Amounts in different currencies are never added up: one row per creator and currency.
  for (const b of bookings) groups.set(`${b.creatorKey} ${b.currency}`, [...(groups.get(`${b.creatorKey} ${b.currency}`) ?? []), b]);
  const rows: RankRow[] = [...groups].map(([group, list]) => {
    const key = group.split(' ')[0]!;
    const f = totalsOf(list, latest, ownMargin);
    const c = byKey.get(key);
    return {
      creatorKey: key,
      currency: list[0]!.currency,
      name: c?.displayName ?? c?.handle ?? key,
      platform: c?.platform ?? key.split(':')[0]!,
      campaigns: [...new Set(list.map((b) => names.get(b.campaignId) ?? `#${b.campaignId}`))],
      bookings: list.length,
      figures: f,
      basis: f.roi !== null ? 'sales' : f.cpe !== null ? 'engagement' : 'none',
      undercounts: f.revenue !== null && list.some((b) => b.code || b.link),
    };
  });
  const order = { sales: 0, engagement: 1, none: 2 };
  return rows.sort((a, b) => order[a.basis] - order[b.basis]
    || (a.basis === 'sales' ? b.figures.roi! - a.figures.roi! : a.basis === 'engagement' ? a.figures.cpe! - b.figures.cpe! : 0)
    || a.creatorKey.localeCompare(b.creatorKey));
}

export function rankingCsv(rows: readonly RankRow[]): string {
  const r = (v: number | null, digits = 2) => (v === null ? '' : v.toFixed(digits));
  return Papa.unparse({
    fields: ['rank', 'creator', 'key', 'platform', 'campaigns', 'bookings', 'currency', 'cost', 'revenue', 'orders', 'roi', 'roas', 'cpm', 'cost_per_engagement', 'cpa', 'ranked_by', 'note'],
    data: rows.map((x, i) => [
      i + 1, x.name, x.creatorKey, x.platform, x.campaigns.join('; '), x.bookings, x.currency, r(x.figures.cost), r(x.figures.revenue), x.figures.orders ?? '', r(x.figures.roi, 4), r(x.figures.roas, 4), r(x.figures.cpm), r(x.figures.cpe, 4), r(x.figures.cpa),
      x.basis === 'sales' ? 'actual ROI' : x.basis === 'engagement' ? 'cost per engagement (no sales reported)' : 'not ranked (no results yet)',
      x.undercounts ? 'code/link attribution undercounts sales by 40-60% (secondary source)' : '',
    ]),
  }, { escapeFormulae: true, newline: '\r\n' });
}
