/**
 * Tiers by follower count and engagement benchmark bands per platform × tier, as
 * editable presets that name their source (../shared/FIGURES.md). They are published
 * figures, not truths.
 *
 * One source per platform, chosen for matching our definition and covering every tier:
 * - Instagram: Modash "average" band, 72M profiles, (likes + comments) / followers — the only
 *   source read at the source [V] with a band for every tier; HypeAuditor's figures are
 *   second-hand and miss the middle tiers.
 * - TikTok: Modash, Nov 2025, median engagements / median views [V] — same denominator as
 *   ours (views) and a band for every tier.
 * - YouTube: CreatorDB, ≈4 % (likes + comments) / views across sizes [2nd]. Modash's tiered
 *   YouTube bands say "per view" but their magnitudes look per subscriber (FIGURES.md says
 *   to treat them with care); comparing our per-view rate with them would call nearly every
 *   channel "above". CreatorDB gives one figure, not a band: the band's width (±1 point) is
 *   Creator Lens's own choice and says so.
 */
import type { Platform } from '../sites/types';

export const TIERS = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof TIERS)[number];

/** Upper bounds (exclusive) of nano, micro, mid, macro; mega is everything above. */
export type TierBoundaries = readonly [number, number, number, number];
export const DEFAULT_TIER_BOUNDARIES: TierBoundaries = [10_000, 100_000, 500_000, 1_000_000];

export function tierOf(followers: number | null, boundaries: TierBoundaries = DEFAULT_TIER_BOUNDARIES): Tier | null {
  if (followers === null || !Number.isFinite(followers) || followers < 0) return null;
  const i = boundaries.findIndex((b) => followers < b);
  return TIERS[i === -1 ? 4 : i]!;
}

export function validateBoundaries(boundaries: readonly number[]): string | null {
  if (boundaries.length !== 4) return 'Tier boundaries need four numbers (nano/micro, micro/mid, mid/macro, macro/mega).';
  if (boundaries.some((b) => !Number.isFinite(b) || b <= 0)) return 'Tier boundaries must be positive numbers.';
  if (boundaries.some((b, i) => i > 0 && b <= boundaries[i - 1]!)) return 'Tier boundaries must increase from nano to mega.';
  return null;
}

export interface Band {
  /** Fractions: 0.0084 = 0.84 %. */
  low: number;
  typical: number;
  high: number;
  definition: string;
  source: string;
  /** The year the figure describes or was published; `yearIsRead` when only the reading year is known. */
  year: number;
  yearIsRead?: boolean;
  note?: string;
  /** true when the user edited this band in settings. */
  overridden?: boolean;
}

const IG = {
  definition: '(likes + comments) / followers',
  source: 'Modash, "average" band over 72M Instagram profiles (read at the source)',
  year: 2026,
  yearIsRead: true,
};
const TT = { definition: '(likes + comments + shares) / views', source: 'Modash, TikTok benchmarks, "average" band (read at the source)', year: 2025 };
const YT = {
  definition: '(likes + comments) / views',
  source: 'CreatorDB, ≈4 % by views across channel sizes (as cited by a secondary article)',
  year: 2026,
  yearIsRead: true,
  note: 'The source gives one figure; the ±1 point band is Creator Lens’s default, not the source’s.',
};

// Where the source splits a tier (nano 1–5k and 5–10k; micro 10–50k and 50–100k), the band
// spans both sub-bands and "typical" is the mean of their midpoints.
export const DEFAULT_BENCHMARKS: Record<Platform, Record<Tier, Band>> = {
  instagram: {
    nano: { low: 0.0125, typical: (0.039 + 0.01435) / 2, high: 0.0442, ...IG, note: '1–5k: 3.38–4.42 %, 5–10k: 1.25–1.62 %' },
    micro: { low: 0.0075, typical: (0.00975 + 0.0088) / 2, high: 0.0111, ...IG, note: '10–50k: 0.84–1.11 %, 50–100k: 0.75–1.01 %' },
    mid: { low: 0.0087, typical: 0.01005, high: 0.0114, ...IG },
    macro: { low: 0.0088, typical: 0.01005, high: 0.0113, ...IG },
    mega: { low: 0.0102, typical: 0.01145, high: 0.0127, ...IG },
  },
  tiktok: {
    nano: { low: 0.105, typical: (0.1305 + 0.11165) / 2, high: 0.1404, ...TT, note: '1–5k: 12.06–14.04 %, 5–10k: 10.50–11.83 %' },
    micro: { low: 0.0722, typical: (0.08875 + 0.07625) / 2, high: 0.0937, ...TT, note: '10–50k: 8.38–9.37 %, 50–100k: 7.22–8.03 %' },
    mid: { low: 0.0666, typical: 0.07025, high: 0.0739, ...TT },
    macro: { low: 0.0619, typical: 0.0652, high: 0.0685, ...TT },
    mega: { low: 0.062, typical: 0.0652, high: 0.0684, ...TT },
  },
  youtube: {
    nano: { low: 0.03, typical: 0.04, high: 0.05, ...YT },
    micro: { low: 0.03, typical: 0.04, high: 0.05, ...YT },
    mid: { low: 0.03, typical: 0.04, high: 0.05, ...YT },
    macro: { low: 0.03, typical: 0.04, high: 0.05, ...YT },
    mega: { low: 0.03, typical: 0.04, high: 0.05, ...YT },
  },
};

export type BandOverride = Partial<Pick<Band, 'low' | 'typical' | 'high'>>;
export type BenchmarkOverrides = Partial<Record<Platform, Partial<Record<Tier, BandOverride>>>>;

export function validateBand(band: Pick<Band, 'low' | 'typical' | 'high'>): string | null {
  const { low, typical, high } = band;
  if (![low, typical, high].every((v) => Number.isFinite(v) && v >= 0 && v <= 1)) return 'A band is three rates between 0 % and 100 %.';
  if (!(low <= typical && typical <= high)) return 'A band needs low ≤ typical ≤ high.';
  return null;
}

/** The band to compare with: the preset, with the user's edits on top (marked as such). */
export function benchmarkFor(platform: Platform, tier: Tier, overrides: BenchmarkOverrides = {}): Band {
  const base = DEFAULT_BENCHMARKS[platform][tier];
  const edit = overrides[platform]?.[tier];
  if (!edit || Object.keys(edit).length === 0) return base;
  const merged = { ...base, ...edit };
  if (validateBand(merged)) return base; // an invalid edit never replaces a valid preset
  return { ...merged, source: `Your setting (preset: ${base.source})`, overridden: true };
}

export type Position = 'below' | 'within' | 'above';

export interface Verdict {
  position: Position;
  /** 0 at the band's low end, 100 at its high end; below 0 or above 100 outside it. */
  positionInBand: number;
  /** rate / typical. */
  vsTypical: number;
  band: Band;
}

export function verdict(rate: number | null, band: Band): Verdict | null {
  if (rate === null || !Number.isFinite(rate) || rate < 0) return null;
  const width = band.high - band.low;
  const positionInBand = width > 0 ? ((rate - band.low) / width) * 100 : rate < band.low ? -Infinity : rate > band.high ? Infinity : 50;
  const position: Position = rate < band.low ? 'below' : rate > band.high ? 'above' : 'within';
  return { position, positionInBand, vsTypical: band.typical > 0 ? rate / band.typical : Infinity, band };
}

/** A median of fewer posts than this gets no verdict against a band (issue 14 §4): the rate is shown, with the sample. */
export const MIN_POSTS_FOR_VERDICT = 6;

/** What a verdict stands on: a summary's median and its sample (lib/metrics/engagement.ts RateSummary). */
export interface SampleOf {
  median: number | null;
  postsUsed: number;
  sample: string;
}

export type SampleVerdict =
  | (Verdict & { kind: 'verdict'; rate: number; sample: string; source: string })
  | { kind: 'too-few'; rate: number; postsUsed: number; needed: number; band: Band; sample: string; source: string; message: string }
  | { kind: 'unknown'; sample: string; message: string }
  | { kind: 'no-band'; rate: number | null; sample: string; message: string };

/** The band's source with its year, as shown beside a verdict. */
export const bandSource = (band: Band) => `${band.source}, ${band.year}${band.yearIsRead ? ' (the year the figures were read)' : ''}`;

/**
 * The verdict a summary earns against a band — only from MIN_POSTS_FOR_VERDICT posts:
 * under that, `too-few` with the rate, the sample and why. Without a band (`null`),
 * `no-band`: no published band, no verdict.
 */
export function sampleVerdict(summary: SampleOf, band: Band | null): SampleVerdict {
  const { median: rate, sample, postsUsed } = summary;
  if (rate === null || !Number.isFinite(rate) || rate < 0) return { kind: 'unknown', sample, message: 'No rate to compare: no post had the counts it needs.' };
  if (!band) return { kind: 'no-band', rate, sample, message: 'No published band to compare with.' };
  const source = bandSource(band);
  if (postsUsed < MIN_POSTS_FOR_VERDICT) {
    return { kind: 'too-few', rate, postsUsed, needed: MIN_POSTS_FOR_VERDICT, band, sample, source, message: `Too few posts for a verdict: ${postsUsed} of the ${MIN_POSTS_FOR_VERDICT} a verdict needs.` };
  }
  return { kind: 'verdict', rate, sample, source, ...verdict(rate, band)! };
}

/**
 * YouTube's headline, views per subscriber, against an indicative band by tier. The one
 * tiered figure the research found with a source (research/engagement-data.md §4.1;
 * FIGURES.md "Reach"): BrightBean's glossary, "<10k: 30–50 %, 10k–500k: 14–20 %, 500k+:
 * 5–15 %" — a vendor's blog with no method and no year stated, so the year given is the year
 * it was read (2026), and the band is called indicative. Its tiers map onto ours at the
 * default boundaries (nano; micro and mid; macro and mega). The alternatives are weaker: a
 * mean for one US tier (NoxInfluencer via MediaPost, 7.91 %), an unverified "4–8 %".
 * YouTube counts a view from the first frame since 2026-08-24: views per subscriber read
 * after that run higher than the figures the band was drawn from.
 */
const YT_VIEWS = {
  definition: 'views / subscribers',
  source: 'BrightBean, "good YouTube views-to-subscriber ratio" (a vendor’s glossary, no method stated; indicative)',
  year: 2026,
  yearIsRead: true,
};
export const VIEWS_PER_SUBSCRIBER: Record<Tier, Band> = {
  nano: { low: 0.3, typical: 0.4, high: 0.5, ...YT_VIEWS, note: 'Under 10K subscribers.' },
  micro: { low: 0.14, typical: 0.17, high: 0.2, ...YT_VIEWS, note: '10K–500K subscribers.' },
  mid: { low: 0.14, typical: 0.17, high: 0.2, ...YT_VIEWS, note: '10K–500K subscribers.' },
  macro: { low: 0.05, typical: 0.1, high: 0.15, ...YT_VIEWS, note: '500K subscribers and more.' },
  mega: { low: 0.05, typical: 0.1, high: 0.15, ...YT_VIEWS, note: '500K subscribers and more.' },
};
