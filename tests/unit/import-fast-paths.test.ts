/**
 * The import's fast paths give what the plain code gave: duplicates found without a key
 * string per row (lib/db/transfer/merge.ts), site URLs accepted without parsing when they
 * plainly start with a site's host (lib/schema/primitives.ts), the year of a time from the
 * last year seen (lib/db/layout.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { yearOf } from '../../lib/db/layout';
import { duplicatesIn } from '../../lib/db/transfer/merge';
import type { ExportFile } from '../../lib/db/transfer';
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

  test('years: the same as Date’s, around year boundaries and far out', () => {
    const edges = [0, -1, 1, 8.64e15, -8.64e15, Date.UTC(2025, 0, 1) - 1, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1) - 1, Date.UTC(2026, 0, 1), Date.UTC(1000, 0, 1) - 1, NaN];
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })), { maxLength: 50 }), (times) => {
      expect(times.map(yearOf)).toEqual(times.map((t) => new Date(t).getUTCFullYear()));
    }), { numRuns: 300 });
  });
});
