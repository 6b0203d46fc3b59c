/**
 * What the creators table needs of each creator's snapshots and posts, computed once per
 * load and kept instead of the snapshots and posts themselves: the weekly growth rate (one
 * pass), the posts' engagement and median views (figured with the creator's platform and
 * latest followers as the page had them when the load started; a row whose followers
 * differ shows them unknown, and the dashboard loads the figures again), and the jumps in
 * followers (lib/metrics/growth.ts), judged again only for creators whose snapshots
 * changed since the last load. Only these are handed from the worker to the page: the
 * posts stay where they were read (at 20,000 creators, cloning their 120,000 posts to the
 * page cost more than figuring them).
 * Pure; load-figures.ts reads them from the library.
 */
import { headlineAndViews } from '../metrics/answer';
import { jumpsIn, weeklyRate, type Jump } from '../metrics/growth';
import type { Creator, Post, Snapshot } from '../schema';
import type { Platform } from '../sites/types';

/** A creator's posts summarised as the table shows them, and what they were figured with. */
export interface PostFigures {
  platform: Platform;
  followers: number | null;
  /** The platform's headline rate over the recent posts, as the panel gives it (lib/metrics/answer.ts):
   * engagement, or on YouTube views per subscriber; null when no post had the counts. */
  engagement: number | null;
  /** How many posts that median stands on (no verdict under 6), and the sample in words. */
  postsUsed: number;
  sample: string | null;
  medianViews: number | null;
}

/** Engagement and median views of a creator's posts (both null without posts). */
export function postFiguresOf(platform: Platform, followers: number | null, posts: readonly Post[], now: number): PostFigures {
  if (!posts.length) return { platform, followers, engagement: null, postsUsed: 0, sample: null, medianViews: null };
  // The stored posts as they are: the metrics read the same fields of them as of recentOf's copies, which the panel
  // reads (tests/unit/dashboard-figures.test.ts holds the two together); copying 120,000 posts was a fifth of the work.
  const { headline, medianViews } = headlineAndViews({ platform, followers, posts, now });
  return { platform, followers, engagement: headline.median, postsUsed: headline.postsUsed, sample: headline.sample, medianViews };
}

export interface CreatorFigures {
  /** Compound follower growth per week over the snapshots kept; null with less than a day of them. */
  growthPerWeek: number | null;
  /** Jumps far outside the creator's own trend; null when none could be judged (fewer than five snapshots). */
  jumps: readonly Jump[] | null;
  /** The posts' engagement and views, figured for the creator as it was when they were loaded. */
  postFigures: PostFigures;
}

/** A history's identity for the memo: the count, and sums of times and followers (order-weighted too). */
function fingerprint(snapshots: readonly Snapshot[]): [number, number, number, number] {
  let times = 0;
  let counts = 0;
  let weighted = 0;
  for (let i = 0; i < snapshots.length; i++) {
    const s = snapshots[i]!;
    const f = s.followers ?? -1;
    times += s.takenAt;
    counts += f;
    weighted += (i + 1) * f + (i % 7) * s.takenAt;
  }
  return [snapshots.length, times, counts, weighted];
}

const samePrint = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/**
 * Jump detection per creator, kept between loads: a creator's jumps are judged again only
 * when its snapshots changed. `commit()` ends a load and forgets the creators it did not see.
 */
export class JumpMemo {
  private kept = new Map<string, { print: readonly number[]; jumps: readonly Jump[] | null }>();
  private seen = new Map<string, { print: readonly number[]; jumps: readonly Jump[] | null }>();
  /** How many histories were judged (not taken from the memo), for the tests. */
  judged = 0;

  of(creatorKey: string, snapshots: readonly Snapshot[]): readonly Jump[] | null {
    const print = fingerprint(snapshots);
    let entry = this.kept.get(creatorKey) ?? this.seen.get(creatorKey);
    if (!entry || !samePrint(entry.print, print)) {
      const { jumps, note } = jumpsIn(snapshots);
      this.judged++;
      entry = { print, jumps: note === null ? jumps : null };
    }
    this.seen.set(creatorKey, entry);
    return entry.jumps;
  }

  commit(): void {
    this.kept = this.seen;
    this.seen = new Map();
  }
}

/** What a creator's posts' engagement is figured with: its platform and latest followers. */
export type Subject = { platform: Platform; followers: number | null };

/** The creators' subjects, by key, as the table has them. */
export function subjectsOf(creators: readonly Creator[]): Map<string, Subject> {
  return subjectsIn(subjectColumns(creators));
}

/**
 * The creators' subjects as the dashboard sends them to its worker, in forms that are
 * copied whole rather than value by value: the keys and the platforms each in one string,
 * one a line (neither has whitespace), and the followers in a Float64Array (NaN: unknown;
 * a count never is). Cloning a list of 20,000 pairs took the page 11-26 ms under load.
 */
export interface SubjectColumns {
  keys: string;
  platforms: string;
  followers: Float64Array;
}

export function subjectColumns(creators: readonly Creator[]): SubjectColumns {
  const followers = new Float64Array(creators.length);
  creators.forEach((c, i) => (followers[i] = c.latest?.followers ?? NaN));
  return { keys: creators.map((c) => c.key).join('\n'), platforms: creators.map((c) => c.platform).join('\n'), followers };
}

export function subjectsIn({ keys, platforms, followers }: SubjectColumns): Map<string, Subject> {
  const subjects = new Map<string, Subject>();
  if (!keys) return subjects;
  const names = platforms.split('\n') as Platform[];
  keys.split('\n').forEach((key, i) => subjects.set(key, { platform: names[i]!, followers: Number.isNaN(followers[i]) ? null : followers[i]! }));
  return subjects;
}

/** Whether a creator's posts' figures were figured for it as it is (its platform and latest followers). */
export const figuredFor = (subject: Subject | undefined, creator: Creator): boolean =>
  subject !== undefined && subject.platform === creator.platform && subject.followers === (creator.latest?.followers ?? null);

/**
 * The subject of a creator known only by its key and snapshots: the platform its key names,
 * and the followers of its latest snapshot (which is what a creator's latest numbers are
 * when it was recorded; a row whose followers differ shows its engagement unknown, and is loaded again).
 */
export function subjectOf(creatorKey: string, snapshots: readonly Snapshot[] | undefined): Subject {
  let latest: Snapshot | undefined;
  for (const s of snapshots ?? []) if (!latest || s.takenAt >= latest.takenAt) latest = s;
  return { platform: creatorKey.slice(0, creatorKey.indexOf(':')) as Platform, followers: latest?.followers ?? null };
}

/** A creator's figures, its posts' engagement figured for `subject`. */
export function figuresOf(snapshots: readonly Snapshot[] | undefined, posts: readonly Post[] | undefined, jumps: readonly Jump[] | null, subject: Subject, now: number): CreatorFigures {
  return { growthPerWeek: snapshots ? weeklyRate(snapshots) : null, jumps, postFigures: postFiguresOf(subject.platform, subject.followers, posts ?? [], now) };
}
