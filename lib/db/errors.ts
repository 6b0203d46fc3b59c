/**
 * What went wrong with the database, in words a user can act on. IndexedDB writes are
 * transactions: when one fails, nothing of it was written and what was saved before is
 * untouched — every message says so.
 */

export function describeDbError(error: unknown): string {
  const e = error as { name?: string; inner?: { name?: string }; message?: string } | null;
  const name = e?.inner?.name ?? e?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '')) {
    return 'The disk is full (or the browser’s storage quota is used up), so this was not saved. Everything saved before is intact; free some space or export and delete old creators, then try again.';
  }
  if (name === 'VersionError' || name === 'UpgradeError') {
    return 'The saved library is from a newer version of Creator Lens. Update the extension; nothing was changed.';
  }
  if (name === 'DatabaseClosedError' || name === 'BlockedError' || name === 'OpenFailedError') {
    return 'The library is busy: another Creator Lens tab still has an older version open. Close other Creator Lens tabs and try again; nothing was changed.';
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError' || name === 'InvalidStateError') {
    return 'The save was interrupted (the browser stopped the extension’s background). Nothing half-written was kept; try again.';
  }
  return `The library could not be updated (${e?.message ?? String(error)}). Nothing was changed.`;
}
