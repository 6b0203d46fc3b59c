/**
 * The import's fast paths give what the plain code gave: duplicates found without a key
 * string per row (lib/db/transfer/merge.ts), site URLs accepted without parsing when they
 * plainly start with a site's host (lib/schema/primitives.ts), the year of a time from the
 * last year seen and year rows grouped from the row before (lib/db/layout.ts), and snapshots the schema would take unchanged taken
 * without zod (lib/db/transfer/plain.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { byTime, groupBy, yearOf, yearRows } from '../../lib/db/layout';
import { duplicatesIn } from '../../lib/db/transfer/merge';
import { isPlainPost, isPlainSnapshot, PLAIN_POST_KEYS, PLAIN_SNAPSHOT_KEYS } from '../../lib/db/transfer/plain';
import { parseExportJson, type ExportFile } from '../../lib/db/transfer';
import { ExportFileSchema, LIBRARY_VERSION, PostSchema, SnapshotSchema, type Snapshot } from '../../lib/schema';
import { PROFILE_COUNTS } from '../../lib/sites/types';
import { siteUrl } from '../../lib/schema/primitives';
import { siteHosts } from '../../lib/sites/platforms';

/** duplicatesIn as it was: one key string per row. */
function duplicatesBefore(file: ExportFile): string[] {
  const errors: string[] = [];
  const seen = (name: string, keys: string[]) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      if (first.has(k)) errors.push(`${name}[${i}]: the same ${name === 'snapshots' ? 'creator and time' : 'key'} as ${name}[${first.get(k)}] (${k}).`);
      else first.set(k, i);
    });
  };
  seen('creators', file.creators.map((c) => c.key));
  seen('snapshots', file.snapshots.map((s) => `${s.creatorKey}@${s.takenAt}`));
  seen('posts', file.posts.map((p) => `${p.creatorKey} ${p.key}`));
  seen('deal ids', file.deals.filter((d) => d.id !== undefined).map((d) => `id ${d.id}`));
  seen('campaign ids', file.campaigns.filter((c) => c.id !== undefined).map((c) => `id ${c.id}`));
  seen('booking ids', file.bookings.filter((b) => b.id !== undefined).map((b) => `id ${b.id}`));
  seen('post observations', file.postObservations.map((o) => `${o.postKey}@${o.takenAt}`));
  return errors.slice(0, 20);
}

describe('the import’s fast paths', () => {
  test('duplicates: the same errors, in the same order, as with a key string per row', () => {
    // Few creators, times and post ids, so that repeats are common; keys with "@" and spaces' neighbours.
    const creator = fc.constantFrom('instagram:a', 'instagram:a@1', 'tiktok:b', 'youtube:a');
    const file = fc.record({
      creators: fc.array(creator.map((key) => ({ key })), { maxLength: 8 }),
      snapshots: fc.array(fc.record({ creatorKey: creator, takenAt: fc.integer({ min: 0, max: 4 }) }), { maxLength: 40 }),
      posts: fc.array(fc.record({ creatorKey: creator, key: fc.constantFrom('tiktok:1', 'tiktok:2', 'instagram:1') }), { maxLength: 30 }),
      deals: fc.array(fc.record({ id: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), { maxLength: 6 }),
      campaigns: fc.constant([]),
      bookings: fc.constant([]),
      postObservations: fc.array(fc.record({ postKey: fc.constantFrom('tiktok:1', 'tiktok:2'), takenAt: fc.integer({ min: 0, max: 2 }) }), { maxLength: 6 }),
    }) as unknown as fc.Arbitrary<ExportFile>;
    fc.assert(fc.property(file, (f) => {
      expect(duplicatesIn(f)).toEqual(duplicatesBefore(f));
    }), { numRuns: 500 });
    // As an export orders them (a creator at a time, times rising): repeats within a run, a creator coming back, or none.
    const byCreator = <T extends { creatorKey: string }>(rows: T[], by: (a: T, b: T) => number) => [...rows].sort((a, b) => a.creatorKey.localeCompare(b.creatorKey) || by(a, b));
    fc.assert(fc.property(file, fc.boolean(), fc.boolean(), (f, unique, back) => {
      let snapshots = byCreator(f.snapshots, (a, b) => a.takenAt - b.takenAt);
      let posts = byCreator(f.posts, () => 0);
      if (unique) {
        snapshots = snapshots.filter((s, i) => i === 0 || s.creatorKey !== snapshots[i - 1]!.creatorKey || s.takenAt !== snapshots[i - 1]!.takenAt);
        posts = posts.filter((p, i) => !posts.slice(0, i).some((q) => q.creatorKey === p.creatorKey && q.key === p.key));
      }
      if (back && snapshots.length) snapshots.push(snapshots[0]!);
      if (back && posts.length) posts.push({ ...posts[0]!, key: 'tiktok:9' });
      const ordered = { ...f, snapshots, posts };
      expect(duplicatesIn(ordered)).toEqual(duplicatesBefore(ordered));
    }), { numRuns: 500 });
  });

  test('site URLs: accepted exactly when the URL parser finds https and a site host', () => {
    const hosts = siteHosts();
    const parsed = (u: string) => {
      try {
        const url = new URL(u);
        return url.protocol === 'https:' && hosts.includes(url.hostname);
      } catch {
        return false;
      }
    };
    const tricky = ['https://www.tiktok.com:443/', 'https://www.tiktok.com@evil.com/', 'https://www.tiktok.comx/', 'https://WWW.TIKTOK.COM/x', ' https://www.tiktok.com/x', 'https://www.tik\ttok.com/x', 'http://www.tiktok.com/', 'https://www.tiktok.com\\x', 'https://wwwxtiktok.com/', 'https://evil.com/https://www.tiktok.com/', 'https://www.tiktok.com/%zz \u0000 \ud800'];
    for (const u of tricky) expect([u, siteUrl.safeParse(u).success]).toEqual([u, parsed(u)]);
    fc.assert(fc.property(fc.constantFrom(...hosts, 'evil.com', 'www.tiktok.com.evil'), fc.constantFrom('', '/', '?', '#', ':', '@', '.', '\\', ' ', '\t'), fc.string({ maxLength: 30 }), (host, glue, rest) => {
      const u = `https://${host}${glue}${rest}`;
      expect([u, siteUrl.safeParse(u).success]).toEqual([u, parsed(u)]);
    }), { numRuns: 1_000 });
  });

  test('year rows: the same rows, in the same order, as grouping every snapshot by a key string', () => {
    const rowsBefore = (list: Snapshot[]) => [...groupBy(list, (s) => `${s.creatorKey}\u0000${yearOf(s.takenAt)}`).values()].map((group) => ({
      creatorKey: group[0]!.creatorKey,
      year: yearOf(group[0]!.takenAt),
      snapshots: group.map(({ id: _, ...s }) => s).sort(byTime),
    }));
    const time = fc.constantFrom(Date.UTC(2025, 5, 1), Date.UTC(2025, 11, 31, 23), Date.UTC(2026, 0, 1), Date.UTC(2026, 3, 1), Date.UTC(2024, 1, 1));
    const snapshot = fc.record({ creatorKey: fc.constantFrom('instagram:a', 'tiktok:a', 'youtube:b'), takenAt: fc.tuple(time, fc.integer({ min: 0, max: 5 })).map(([t, d]) => t + d), id: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }) })
      .map(({ id, ...s }) => ({ ...s, ...(id !== undefined && { id }) }) as unknown as Snapshot);
    fc.assert(fc.property(fc.array(snapshot, { maxLength: 40 }), fc.boolean(), (list, together) => {
      const input = together ? [...list].sort((a, b) => a.creatorKey.localeCompare(b.creatorKey)) : list;
      expect(yearRows(input)).toEqual(rowsBefore(input));
    }), { numRuns: 500 });
  });

  test('years: the same as Date’s, around year boundaries and far out', () => {
    const edges = [0, -1, 1, 8.64e15, -8.64e15, Date.UTC(2025, 0, 1) - 1, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1) - 1, Date.UTC(2026, 0, 1), Date.UTC(1000, 0, 1) - 1, NaN];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })), { maxLength: 50 }), (times) => {
      expect(times.map(yearOf)).toEqual(times.map((t) => new Date(t).getUTCFullYear()));
    }), { numRuns: 300 });
  });

  describe('snapshots taken without zod', () => {
    const valid = { creatorKey: 'tiktok:maya.bakes', takenAt: 1_700_000_000_000, followers: 2_600_000, following: 12, posts: 300, likes: null, views: null, exact: { followers: true, following: true, posts: true, likes: false, views: false }, source: 'auto', readerVersion: 1 };
    // Near-valid snapshots: each field kept, dropped, or swapped for something the schema may refuse; sometimes an extra key.
    const odd = fc.constantFrom<unknown>(undefined, null, -1, 0, 1.5, 2 ** 53, 8.64e15, 8.64e15 + 1, 1e6, 1e6 + 1, '', '5', 'auto', 'manual', 'other', 'tiktok:x', 'tiktok:has space', 'x'.repeat(130), true, false, [], {}, { ...valid.exact }, { ...valid.exact, extra: true }, { followers: true });
    const snapshot = fc.record({
      changes: fc.array(fc.tuple(fc.constantFrom(...PLAIN_SNAPSHOT_KEYS, 'extra', '__proto__', 'constructor'), odd), { maxLength: 3 }),
      id: fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }),
    }).map(({ changes, id }) => {
      const s: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
      if (id !== undefined) s.id = id;
      for (const [k, v] of changes) {
        if (v === undefined) delete s[k];
        else Object.defineProperty(s, k, { value: v, enumerable: true, configurable: true, writable: true });
      }
      return JSON.parse(JSON.stringify(s)) as unknown; // as a file has it
    });

    test('whatever the quick test takes, zod takes unchanged; what it leaves, zod still judges', () => {
      let taken = 0;
      let left = 0;
      fc.assert(fc.property(snapshot, (s) => {
        if (!isPlainSnapshot(s)) return void left++;
        taken++;
        const r = SnapshotSchema.safeParse(s);
        expect(r.success).toBe(true);
        expect(r.data).toEqual(s);
        expect(Object.keys(r.data!).sort()).toEqual(Object.keys(s as object).sort());
      }), { numRuns: 3_000 });
      expect(taken).toBeGreaterThan(100);
      expect(left).toBeGreaterThan(100);
    });

    test('its keys are the schema’s (a change to SnapshotSchema fails here first)', () => {
      expect([...PLAIN_SNAPSHOT_KEYS].sort()).toEqual(Object.keys(SnapshotSchema.shape).sort());
      expect(Object.keys(SnapshotSchema.shape.exact.shape).sort()).toEqual([...PROFILE_COUNTS].sort());
      expect(isPlainSnapshot(valid)).toBe(true);
      expect(SnapshotSchema.safeParse(valid).success).toBe(true);
    });

    test('with a key on Object.prototype (a polluted page), nothing is taken quickly: zod, which would read the key there, judges', () => {
      const post = JSON.parse(JSON.stringify(validPost));
      expect([isPlainSnapshot(valid), isPlainPost(post)]).toEqual([true, true]);
      for (const key of ['id', 'extra']) {
        Object.defineProperty(Object.prototype, key, { value: 5, enumerable: true, configurable: true, writable: true });
        try {
          expect([key, isPlainSnapshot(valid), isPlainPost(post)]).toEqual([key, false, false]);
        } finally {
          delete (Object.prototype as Record<string, unknown>)[key];
        }
      }
      expect([isPlainSnapshot(valid), isPlainPost(post)]).toEqual([true, true]);
    });

    const validPost = { key: 'tiktok:7391234567890123456', creatorKey: 'tiktok:maya.bakes', platform: 'tiktok', id: '7391234567890123456', url: 'https://www.tiktok.com/@maya.bakes/video/7391234567890123456', views: 10, likes: 2, comments: null, shares: 0, saves: null, publishedText: null, publishedAt: 1_700_000_000_000, kind: 'video', exact: { views: true, likes: true, comments: false, shares: true, saves: false }, pinned: false, sponsored: true, collab: false, likesHidden: false, source: 'network', firstSeenAt: 5, lastSeenAt: 6 };
    const oddPost = fc.constantFrom<unknown>(undefined, null, -1, 0, 1.5, 2 ** 53, 'tiktok', 'youtube', 'myspace', '', 'x'.repeat(65), 'x'.repeat(101), 'tiktok:1', 'youtube:7391234567890123456', 'https://www.youtube.com/watch?v=1', 'http://www.tiktok.com/', 'https://evil.com/', 'https://WWW.TIKTOK.COM/x', `https://www.tiktok.com/${'a'.repeat(2050)}`, 'tiktok:has space', '3 days ago', true, false, {}, 'photo', 'network', 'dom');
    const post = fc.array(fc.tuple(fc.constantFrom(...PLAIN_POST_KEYS, 'extra', '__proto__'), oddPost), { maxLength: 3 }).map((changes) => {
      const p: Record<string, unknown> = { ...validPost };
      for (const [k, v] of changes) {
        if (v === undefined) delete p[k];
        else Object.defineProperty(p, k, { value: v, enumerable: true, configurable: true, writable: true });
      }
      return JSON.parse(JSON.stringify(p)) as unknown;
    });

    test('posts: whatever the quick test takes, zod takes unchanged; its keys are the schema’s', () => {
      let taken = 0;
      let left = 0;
      fc.assert(fc.property(post, (p) => {
        if (!isPlainPost(p)) return void left++;
        taken++;
        const r = PostSchema.safeParse(p);
        expect(r.success).toBe(true);
        expect(r.data).toEqual(p);
      }), { numRuns: 3_000 });
      expect(taken).toBeGreaterThan(100);
      expect(left).toBeGreaterThan(100);
      expect([...PLAIN_POST_KEYS].sort()).toEqual(Object.keys(PostSchema.shape).sort());
      expect(isPlainPost(validPost)).toBe(true);
    });

    test('a file: the same result as zod over all of it, taken or refused', () => {
      const file = (snapshots: unknown[], posts: unknown[]) => ({ format: 'creator-lens-library', schemaVersion: LIBRARY_VERSION, exportedAt: 1, creators: [], snapshots, posts, deals: [], settings: null, campaigns: [], bookings: [], postObservations: [] });
      fc.assert(fc.property(fc.array(snapshot, { maxLength: 6 }), fc.array(post, { maxLength: 4 }), (snapshots, posts) => {
        const text = JSON.stringify(file(snapshots, posts));
        const zod = ExportFileSchema.safeParse(JSON.parse(text));
        // What parseExportJson gave when zod checked every snapshot (json.ts at commit a31a5f9).
        const before = zod.success
          ? duplicatesIn(zod.data).length ? { ok: false, errors: duplicatesIn(zod.data) } : { ok: true, file: zod.data }
          : { ok: false, errors: zod.error.issues.slice(0, 20).map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)'}: ${i.message}`) };
        expect(parseExportJson(text)).toEqual(before);
      }), { numRuns: 500 });
    });
  });
});
