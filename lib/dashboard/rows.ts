/**
 * The creators table's rows: each saved creator with its tier, engagement against its own
 * band, and growth — computed from the library, never invented (unknown stays null) — and
 * the table's filters and sorting. Pure, so it is tested in Node. A row computes only what
 * the table shows (the weekly rate in one pass); jump detection runs once per creator when
 * its snapshots change (figures.ts), and a row carries its result for the filters.
 */
import { headlineBand } from '../metrics/answer';
import { sampleVerdict, tierOf, type BenchmarkOverrides, type Position, type Tier, type TierBoundaries } from '../metrics/benchmarks';
import type { Jump } from '../metrics/growth';
import type { Creator, Post, Snapshot } from '../schema';
import type { Platform } from '../sites/types';
import { figuredFor, figuresOf, type CreatorFigures } from './figures';

export interface CreatorRow {
  key: string;
  creator: Creator;
  followers: number | null;
  tier: Tier | null;
  /** The platform's headline rate over recent posts, as the panel gives it (YouTube: views per
   * subscriber); null when the pages showed no counts it needs. */
  engagement: number | null;
  /** The sample in words ("median of 12 posts · 2 pinned left out"); null while unknown. */
  sample: string | null;
  /** Against the band, only from 6 posts (fewer: null, as in the panel). */
  position: Position | null;
  medianViews: number | null;
  /** Compound follower growth per week over the snapshots kept; null with less than a day of them. */
  growthPerWeek: number | null;
  /** Jumps in followers far outside the creator's own trend; null while unknown (not loaded, or fewer than five snapshots). */
  jumps: readonly Jump[] | null;
  /** Lower-case text searched by the search box. */
  haystack: string;
}

export interface RowSettings {
  tierBoundaries: TierBoundaries;
  benchmarkOverrides: BenchmarkOverrides;
}

/** A creator's row; `snapshots` and `posts` may be absent while they load (their columns stay unknown). No jump detection. */
export function rowOf(creator: Creator, settings: RowSettings, snapshots?: readonly Snapshot[], posts?: readonly Post[], now = Date.now()): CreatorRow {
  return rowFrom(creator, settings, figuresOf(snapshots, posts, null, { platform: creator.platform, followers: creator.latest?.followers ?? null }, now));
}

/**
 * A creator's row from its figures (loaded with the library's details; absent while they
 * load). Engagement and views figured for other followers than the creator's (its numbers
 * changed since the load started) are unknown here: the dashboard loads them again.
 */
export function rowFrom(creator: Creator, settings: RowSettings, figures?: CreatorFigures): CreatorRow {
  const followers = creator.latest?.followers ?? null;
  const tier = tierOf(followers, settings.tierBoundaries);
  const posted = figures && figuredFor(figures.postFigures, creator) ? figures.postFigures : null;
  const rate = posted?.engagement ?? null;
  const views = posted?.medianViews ?? null;
  const v = posted ? sampleVerdict({ median: rate, postsUsed: posted.postsUsed, sample: posted.sample ?? '' }, headlineBand(creator.platform, tier, settings.benchmarkOverrides)) : null;
  return {
    key: creator.key,
    creator,
    followers,
    tier,
    engagement: rate,
    sample: posted?.sample ?? null,
    position: v?.kind === 'verdict' ? v.position : null,
    medianViews: views,
    growthPerWeek: figures?.growthPerWeek ?? null,
    jumps: figures?.jumps ?? null,
    haystack: `${creator.handle} ${creator.displayName ?? ''} ${creator.lists.join(' ')} ${creator.tags.join(' ')}`.toLowerCase(),
  };
}

export type GrowthFilter = 'growing' | 'flat' | 'shrinking' | 'unknown';
/** ±0.1 % a week counts as flat. */
export const FLAT_WEEKLY = 0.001;

export function growthClass(g: number | null): GrowthFilter {
  if (g === null) return 'unknown';
  return g > FLAT_WEEKLY ? 'growing' : g < -FLAT_WEEKLY ? 'shrinking' : 'flat';
}

export interface RowFilter {
  search?: string;
  platform?: Platform | '';
  tier?: Tier | '';
  list?: string;
  tag?: string;
  verdict?: Position | 'unknown' | '';
  growth?: GrowthFilter | '';
  /** Jumps in followers far outside the creator's own trend: some, none, or not judged yet (fewer than five snapshots). */
  jumps?: JumpFilter | '';
}

export type JumpFilter = 'flagged' | 'none' | 'unknown';

export function jumpClass(jumps: readonly Jump[] | null): JumpFilter {
  return jumps === null ? 'unknown' : jumps.length ? 'flagged' : 'none';
}

export function filterRows(rows: readonly CreatorRow[], f: RowFilter): CreatorRow[] {
  const words = (f.search ?? '').toLowerCase().replace(/^@/, '').split(/\s+/).filter(Boolean);
  return rows.filter((r) =>
    (!f.platform || r.creator.platform === f.platform) &&
    (!f.tier || r.tier === f.tier) &&
    (!f.list || r.creator.lists.includes(f.list)) &&
    (!f.tag || r.creator.tags.includes(f.tag)) &&
    (!f.verdict || (f.verdict === 'unknown' ? r.position === null : r.position === f.verdict)) &&
    (!f.growth || growthClass(r.growthPerWeek) === f.growth) &&
    (!f.jumps || jumpClass(r.jumps) === f.jumps) &&
    words.every((w) => r.haystack.includes(w)),
  );
}

export type SortKey = 'name' | 'platform' | 'followers' | 'tier' | 'engagement' | 'growth' | 'lastSeen';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const TIER_ORDER: Record<Tier, number> = { nano: 0, micro: 1, mid: 2, macro: 3, mega: 4 };
const value = (r: CreatorRow, key: SortKey): number | string | null => {
  switch (key) {
    case 'name': return (r.creator.displayName ?? r.creator.handle).toLowerCase();
    case 'platform': return r.creator.platform;
    case 'followers': return r.followers;
    case 'tier': return r.tier === null ? null : TIER_ORDER[r.tier];
    case 'engagement': return r.engagement;
    case 'growth': return r.growthPerWeek;
    case 'lastSeen': return r.creator.lastSeenAt;
  }
};

/** Sorted copy; unknown values go last in both directions (an unknown is not a small number). */
export function sortRows(rows: readonly CreatorRow[], sort: Sort): CreatorRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return [...rows].sort((a, b) => {
    const va = value(a, sort.key);
    const vb = value(b, sort.key);
    if (va === null || vb === null) return va === vb ? a.key.localeCompare(b.key) : va === null ? 1 : -1;
    const c = typeof va === 'string' ? collator.compare(va, vb as string) : va - (vb as number);
    return c === 0 ? a.key.localeCompare(b.key) : sign * c;
  });
}
