/**
 * The creators table's figures read a range of creators at a time (lib/dashboard/
 * load-figures.ts): the same rows as reading everything at once and running the old
 * growth() per row; jumps judged again only for creators whose snapshots changed; every
 * snapshot or post written noticed.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { rowFrom, rowOf } from '../../lib/dashboard/rows';
import { figuredFor, JumpMemo, postFiguresOf, subjectColumns, subjectsIn, subjectsOf } from '../../lib/dashboard/figures';
import { loadFigures } from '../../lib/dashboard/load-figures';
import { loadDetails, touchesDetails } from '../../lib/db/details';
import { bucketize } from '../../lib/db/layout';
import { storedPost } from '../../lib/db/posts';
import { addSnapshots } from '../../lib/db/snapshots';
import { recentOf } from '../../lib/library/as-reading';
import { headlineOf } from '../../lib/metrics/answer';
import { mainGroup, medianViews } from '../../lib/metrics/engagement';
import { recentMetrics } from '../../lib/metrics/recent';
import { PLATFORMS as ALL_PLATFORMS } from '../../lib/sites/platforms';
import { POST_KINDS, POST_SOURCES } from '../../lib/sites/types';
import type { LibraryDb } from '../../lib/db/db';
import { DEFAULT_TIER_BOUNDARIES } from '../../lib/metrics/benchmarks';
import { seededRandom } from '../../lib/roi/range';
import type { Creator, Post, Snapshot } from '../../lib/schema';
import { freshDb } from './db-helpers';
import { growthBefore } from './growth-reference';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const NOW = T0 + 800 * DAY;
const settings = { tierBoundaries: DEFAULT_TIER_BOUNDARIES, benchmarkOverrides: {} };
const PLATFORMS = ['instagram', 'youtube', 'tiktok'] as const;
/** Snapshots per creator: none, one, too few to judge jumps, a few weeks, two years weekly; one creator has a year every 6 hours. */
const SIZES = [0, 1, 4, 5, 20, 104];

function snapshot(creatorKey: string, takenAt: number, followers: number | null): Snapshot {
  return { creatorKey, takenAt, followers, following: 10, posts: 3, likes: null, views: null, exact: { followers: true, following: true, posts: true, likes: false, views: false }, source: 'auto', readerVersion: 1 };
}

async function seed(db: LibraryDb, count: number) {
  const random = seededRandom(3);
  const creators: Creator[] = [];
  const snapshots: Snapshot[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    const platform = PLATFORMS[i % 3]!;
    const key = `${platform}:c${i}`;
    const n = i === 7 ? 1_460 : SIZES[i % SIZES.length]!;
    const gap = n > 500 ? DAY / 4 : 7 * DAY;
    let followers = 1_000 + Math.round(random() * 500_000);
    for (let j = 0; j < n; j++) {
      followers = Math.round(followers * (random() < 0.03 ? 1.3 : 1 + (random() - 0.4) * 0.01));
      snapshots.push(snapshot(key, T0 + j * gap + i, random() < 0.05 ? null : followers));
    }
    for (let p = 0; p < i % 4; p++) {
      posts.push({ key: `${platform}:${i}x${p}`, creatorKey: key, platform, id: `${i}x${p}`, url: `https://example.com/${i}/${p}`, views: Math.round(random() * 1e5), likes: Math.round(random() * 1e4), comments: 20, shares: null, publishedText: null, saves: null, publishedAt: null, kind: null, exact: { views: false, likes: false, comments: false, shares: false, saves: false }, pinned: false, sponsored: false, collab: false, likesHidden: false, source: null, firstSeenAt: T0 + p * DAY, lastSeenAt: T0 + p * DAY });
    }
    creators.push({ key, platform, handle: `c${i}`, displayName: null, url: `https://example.com/${i}`, savedAt: T0, firstSeenAt: T0, lastSeenAt: T0 + i,
      latest: { takenAt: T0, followers, following: 10, posts: 3, likes: null, views: null, exact: { followers: true, following: true, posts: true, likes: false, views: false } }, lists: [], tags: [], notes: '' });
  }
  // Snapshots and posts of a creator no longer in the library are read and left out.
  snapshots.push(snapshot('instagram:gone', T0, 5), snapshot('instagram:gone', T0 + DAY, 6));
  const { years, postSets } = bucketize(snapshots, posts);
  await db.transaction('rw', db.creators, db.snapshotYears, db.postSets, async () => {
    await db.creators.bulkAdd(creators);
    await db.snapshotYears.bulkAdd(years);
    await db.postSets.bulkAdd(postSets);
  });
  return creators;
}

describe('a creator’s posts’ figures', () => {
  test('the stored posts figured as the panel figures them (from recentOf’s copies): the headline and the median views', () => {
    const count = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null });
    const post = fc
      .record({
        id: fc.string({ minLength: 1, maxLength: 8 }),
        url: fc.constantFrom('https://www.youtube.com/watch?v=aaaaaaaaaaa', 'https://www.youtube.com/shorts/bbbbbbbbbbb', 'https://www.instagram.com/reel/x/', 'https://www.instagram.com/p/x/', 'https://www.tiktok.com/@a/video/1'),
        views: count, likes: count, comments: count, shares: count, saves: count,
        publishedAt: fc.option(fc.integer({ min: NOW - 400 * DAY, max: NOW }), { nil: null }),
        publishedText: fc.option(fc.constantFrom('2 days ago', '3 weeks ago', '1 month ago', 'Streamed 5 days ago'), { nil: null }),
        kind: fc.option(fc.constantFrom(...POST_KINDS), { nil: null }),
        source: fc.option(fc.constantFrom(...POST_SOURCES), { nil: null }),
        pinned: fc.boolean(), sponsored: fc.boolean(), collab: fc.boolean(), likesHidden: fc.boolean(),
        lastSeenAt: fc.integer({ min: NOW - 100 * DAY, max: NOW }),
      })
      .map((p) => storedPost({ ...p, key: `youtube:${p.id}`, creatorKey: 'youtube:x', platform: 'youtube', firstSeenAt: p.lastSeenAt }));
    fc.assert(
      fc.property(fc.constantFrom(...ALL_PLATFORMS), fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }), fc.array(post, { maxLength: 40 }), (platform, followers, posts) => {
        const recent = recentOf(posts);
        const headline = headlineOf(recentMetrics({ platform, followers, posts: recent, now: NOW }));
        expect(postFiguresOf(platform, followers, posts, NOW)).toEqual({
          platform, followers, engagement: headline.median, postsUsed: headline.postsUsed, sample: posts.length ? headline.sample : null,
          medianViews: medianViews(recent, NOW, undefined, platform, mainGroup(platform)),
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the creators as the page sends them to the worker', () => {
  test('each creator’s platform and followers, unknown and zero kept apart', async () => {
    const creators = await seed(freshDb(), 7);
    const some = [
      ...creators,
      { ...creators[0]!, key: 'tiktok:zero', platform: 'tiktok' as const, latest: { ...creators[0]!.latest!, followers: 0 } },
      { ...creators[1]!, key: 'youtube:unknown', platform: 'youtube' as const, latest: { ...creators[1]!.latest!, followers: null } },
      { ...creators[2]!, key: 'instagram:none', platform: 'instagram' as const, latest: null },
    ];
    const plain = new Map(some.map((c) => [c.key, { platform: c.platform, followers: c.latest?.followers ?? null }]));
    expect(subjectsIn(structuredClone(subjectColumns(some)))).toEqual(plain);
    expect(subjectsOf(some)).toEqual(plain);
    expect(subjectsOf([])).toEqual(new Map());
  });
});

describe('the creators table’s figures, a range of creators at a time', () => {
  test('the same rows as one read of everything and the old growth() per row, in many small reads', async () => {
    const db = freshDb();
    const creators = await seed(db, 60);
    const details = await loadDetails(db);
    const figures = (await loadFigures(db, { rowsPerRead: 300, subjects: subjectsOf(creators), now: NOW }))!;
    // Every creator with snapshots or posts has figures (and rows of a creator no longer there do no harm).
    expect([...figures.keys()].sort()).toEqual([...new Set([...details.snapshots.keys(), ...details.posts.keys()])].sort());
    expect(figures.has('instagram:gone')).toBe(true);
    for (const c of creators) {
      const snapshots = details.snapshots.get(c.key);
      const row = rowFrom(c, settings, figures.get(c.key));
      const { jumps: _, ...withoutJumps } = row;
      const old = rowOf(c, settings, snapshots, details.posts.get(c.key), NOW);
      const judged = snapshots ? growthBefore(snapshots) : null;
      expect(withoutJumps).toEqual({ ...old, jumps: undefined, growthPerWeek: snapshots && snapshots.length > 1 ? judged!.weeklyRate : null });
      expect(row.jumps).toEqual(judged && judged.jumpNote === null ? judged.jumps : null);
    }
    // Loaded before the creators were read (keys from the library, followers from the latest
    // snapshot): the same rows where those are the creator's followers; where they are not
    // (a latest snapshot without followers), the same but for the posts' figures, unknown.
    const bare = (await loadFigures(db, { rowsPerRead: 500, now: NOW }))!;
    const unknownPosts = { engagement: null, sample: null, position: null, medianViews: null };
    let differ = 0;
    for (const c of creators) {
      const row = rowFrom(c, settings, figures.get(c.key));
      if (!bare.has(c.key) || figuredFor(bare.get(c.key)!.postFigures, c)) expect(rowFrom(c, settings, bare.get(c.key))).toEqual(row);
      else expect(rowFrom(c, settings, bare.get(c.key))).toEqual({ ...row, ...unknownPosts }), differ++;
    }
    expect(differ).toBeGreaterThan(0);
    // A creator whose followers changed after the load: its posts' figures are unknown (not
    // figured with the old followers) until they are loaded again, with the new ones.
    const moved = creators.filter((x) => x.platform === 'instagram' && details.posts.get(x.key)?.length).slice(0, 3).map((c) => ({ ...c, latest: { ...c.latest!, followers: c.latest!.followers! * 2 } }));
    expect(moved).toHaveLength(3);
    const again = (await loadFigures(db, { subjects: subjectsOf(moved), now: NOW }))!;
    for (const c of moved) {
      const before = rowFrom(c, settings, figures.get(c.key));
      expect(before).toMatchObject(unknownPosts);
      const after = rowFrom(c, settings, again.get(c.key));
      expect(after).toEqual({ ...rowOf(c, settings, details.snapshots.get(c.key), details.posts.get(c.key), NOW), jumps: after.jumps });
      expect(after.engagement).toBe(rowOf(c, settings, undefined, details.posts.get(c.key), NOW).engagement);
      expect(after.engagement).toEqual(expect.any(Number));
      expect(after.engagement).not.toBe(rowFrom(creators.find((x) => x.key === c.key)!, settings, figures.get(c.key)).engagement);
    }
    // The seeded histories do have jumps and unknowns, so the comparison above means something.
    const rows = creators.map((c) => rowFrom(c, settings, figures.get(c.key)));
    expect(rows.filter((r) => r.jumps && r.jumps.length > 0).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.jumps === null).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.engagement !== null).length).toBeGreaterThan(5);
  });

  test('jumps are judged again only for the creators whose snapshots changed', async () => {
    const db = freshDb();
    await seed(db, 21);
    const memo = new JumpMemo();
    await loadFigures(db, { memo, rowsPerRead: 500 });
    const withSnapshots = 21 - 4 + 1; // every sixth creator has none; the snapshots of one no longer there are read too
    expect(memo.judged).toBe(withSnapshots);
    await loadFigures(db, { memo, rowsPerRead: 100 });
    expect(memo.judged).toBe(withSnapshots);
    await db.transaction('rw', db.snapshotYears, () => addSnapshots(db, [snapshot('youtube:c4', T0 + 500 * DAY, 1_000_000)]));
    const figures = (await loadFigures(db, { memo }))!;
    expect(memo.judged).toBe(withSnapshots + 1);
    const c4 = (await loadDetails(db)).snapshots.get('youtube:c4')!;
    expect(figures.get('youtube:c4')!.jumps).toEqual(growthBefore(c4).jumps);
  });

  test('a creator added after the reads’ bounds were chosen is read too', async () => {
    const db = freshDb();
    const creators = await seed(db, 30);
    const late = creators.map((c) => c.key).sort()[10]!.replace(/$/, '0'); // between two known keys
    await db.transaction('rw', db.snapshotYears, () => addSnapshots(db, [snapshot(late, T0, 10), snapshot(late, T0 + 9 * DAY, 20)]));
    await db.transaction('rw', db.snapshotYears, () => addSnapshots(db, [snapshot('youtube:zzz', T0, 10), snapshot('youtube:zzz', T0 + 9 * DAY, 20)])); // after the last
    const figures = (await loadFigures(db, { rowsPerRead: 100, subjects: subjectsOf(creators) }))!;
    expect(figures.get(late)!.growthPerWeek).toBeCloseTo(2 ** (7 / 9) - 1, 12);
    expect(figures.get('youtube:zzz')!.growthPerWeek).toBeCloseTo(2 ** (7 / 9) - 1, 12);
  });

  test('an aborted load gives nothing; an empty library gives no figures', async () => {
    const db = freshDb();
    await seed(db, 10);
    const abort = new AbortController();
    const load = loadFigures(db, { signal: abort.signal, rowsPerRead: 10 });
    abort.abort();
    expect(await load).toBeNull();
    expect((await loadFigures(freshDb()))!.size).toBe(0);
  });

  test('a write of a snapshot or a post is noticed (Dexie’s storagemutated), an edit of a creator’s notes is not', async () => {
    const db = freshDb();
    await seed(db, 3);
    const seen: boolean[] = [];
    const listener = (parts: Record<string, unknown>) => seen.push(touchesDetails(parts, db.name));
    Dexie.on('storagemutated', listener);
    try {
      await db.transaction('rw', db.snapshotYears, () => addSnapshots(db, [snapshot('youtube:c1', T0 + 2 * DAY, 7)])); // into an existing year row
      await db.creators.update('youtube:c1', { notes: 'a note' });
      await db.postSets.delete('youtube:c1');
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
    expect(seen).toEqual([true, false, true]);
    expect(touchesDetails({ 'idb://other-library/snapshotYears/': 1 }, db.name)).toBe(false);
  });
});
