/**
 * The zod schema the background validates readings with and the `Reading` type the readers
 * return describe the same data. Checked by the type checker (`npm run typecheck` covers
 * tests/): a difference in either direction is a compile error here. The runtime test only
 * keeps vitest from reporting an empty file.
 */
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import { RecentPostSchema, type PostReadingSchema, type ProfileReadingSchema, type ReadingSchema, type UnreadableSchema } from '../../lib/schema';
import { recentPost, type PostReading, type ProfileReading, type Reading, type RecentPost, type Unreadable } from '../../lib/sites/types';

describe('the reading schema and the Reading type agree', () => {
  test('each kind, then the union', () => {
    expectTypeOf<z.infer<typeof RecentPostSchema>>().toEqualTypeOf<RecentPost>();
    expectTypeOf<z.infer<typeof ProfileReadingSchema>>().toEqualTypeOf<ProfileReading>();
    expectTypeOf<z.infer<typeof PostReadingSchema>>().toEqualTypeOf<PostReading>();
    expectTypeOf<z.infer<typeof UnreadableSchema>>().toEqualTypeOf<Unreadable>();
    expectTypeOf<z.infer<typeof ReadingSchema>>().toEqualTypeOf<Reading>();
  });
});

describe('recent posts as the background validates them', () => {
  const post = recentPost({ id: '1', url: 'https://www.tiktok.com/@maya.bakes/video/1', views: 10, likes: 2, publishedAt: Date.UTC(2026, 10, 1), kind: 'video', source: 'network' });
  const check = (p: unknown) => RecentPostSchema.safeParse(p);

  test('a post with every per-post field passes', () => {
    expect(check(post).success).toBe(true);
    expect(check({ ...post, likes: null, likesHidden: true }).success).toBe(true);
  });

  test.each([
    ['hidden likes with a number beside them (the placeholder a site sends)', { likesHidden: true, likes: 3 }],
    ['a kind no site has', { kind: 'story' }],
    ['a source we do not have', { source: 'guess' }],
    ['a date as text', { publishedAt: '2026-11-01' }],
    ['a fractional count', { shares: 1.5 }],
    ['a missing flag', { pinned: undefined }],
    ['an exact flag for a count that does not exist', { exact: { ...post.exact, reach: true } }],
  ])('refused: %s', (_why, change) => {
    const r = check({ ...post, ...change });
    expect(r.success).toBe(false);
  });
});
