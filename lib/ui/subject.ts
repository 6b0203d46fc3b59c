// SHIM (removed once the components branch is merged): the snapshot argument is no longer needed.
import { readingFromLibrary as asReading, recentOf } from '../library/as-reading';
import type { Creator, Post } from '../schema';

export { recentOf };
export const readingFromLibrary = (creator: Creator, _latest: unknown, posts: readonly Post[]) => asReading(creator, posts);
