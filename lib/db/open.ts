/** Opening the library, with a clear failure when an older connection blocks its upgrade. */
import type { LibraryDb } from './db';

/** How long an open may wait on an older connection before the user is told why. */
export const BLOCKED_AFTER_MS = 3_000;

/**
 * Opens the library, or fails with a BlockedError when another extension page holds an
 * older version open for longer than `blockedAfterMs` (the open goes on in the background
 * and succeeds once that page is closed).
 */
export async function ensureOpen(db: LibraryDb, blockedAfterMs = BLOCKED_AFTER_MS): Promise<void> {
  if (db.isOpen()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    const fail = () => reject(Object.assign(new Error('The library upgrade is blocked by an older connection.'), { name: 'BlockedError' }));
    onBlocked = () => {
      timer ??= setTimeout(fail, blockedAfterMs);
    };
    db.on('blocked', onBlocked);
  });
  const opening = db.open();
  try {
    await Promise.race([opening, blocked]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onBlocked) db.on('blocked').unsubscribe(onBlocked);
    opening.catch(() => undefined); // a later call reports it again
  }
}
