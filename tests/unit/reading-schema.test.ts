/**
 * The zod schema the background validates readings with and the `Reading` type the readers
 * return describe the same data. Checked by the type checker (`npm run typecheck` covers
 * tests/): a difference in either direction is a compile error here. The runtime test only
 * keeps vitest from reporting an empty file.
 */
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import type { PostReadingSchema, ProfileReadingSchema, ReadingSchema, RecentPostSchema, UnreadableSchema } from '../../lib/schema';
import type { PostReading, ProfileReading, Reading, RecentPost, Unreadable } from '../../lib/sites/types';

describe('the reading schema and the Reading type agree', () => {
  test('each kind, then the union', () => {
    expectTypeOf<z.infer<typeof RecentPostSchema>>().toEqualTypeOf<RecentPost>();
    expectTypeOf<z.infer<typeof ProfileReadingSchema>>().toEqualTypeOf<ProfileReading>();
    expectTypeOf<z.infer<typeof PostReadingSchema>>().toEqualTypeOf<PostReading>();
    expectTypeOf<z.infer<typeof UnreadableSchema>>().toEqualTypeOf<Unreadable>();
    expectTypeOf<z.infer<typeof ReadingSchema>>().toEqualTypeOf<Reading>();
  });
});
