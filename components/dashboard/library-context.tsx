/**
 * The library every dashboard page reads: the creators with their table rows, every
 * creator's snapshots and posts (loaded after the creators, so the table is usable first),
 * the settings, and the last database error. Read directly (an extension page shares the
 * extension's origin) and re-rendered when it changes (dexie-react-hooks).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { libraryDb, type LibraryDb } from '@/lib/db/db';
import { describeDbError } from '@/lib/db/errors';
import { listCreators } from '@/lib/db/creators';
import { getSettings } from '@/lib/db/settings';
import { loadDetails, type Details } from '@/lib/db/details';
import { rowOf, type CreatorRow } from '@/lib/dashboard/rows';
import type { Creator, Settings } from '@/lib/schema';

export interface Library {
  db: LibraryDb;
  creators: Creator[] | undefined;
  rows: CreatorRow[] | undefined;
  details: Details | null;
  settings: Settings | undefined;
  error: string | null;
}

const LibraryContext = createContext<Library | null>(null);
export const useLibrary = (): Library => useContext(LibraryContext)!;

export function LibraryProvider({ children }: { children: ReactNode }) {
  const db = libraryDb();
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    setError(describeDbError(e));
    return undefined;
  };
  const creators = useLiveQuery(() => listCreators(db).catch(fail), []);
  const settings = useLiveQuery(() => getSettings(db).catch(fail), []);
  // Snapshots and posts of every creator: loaded after the creators, so the table is usable first.
  const details = useLiveQuery(() => (creators ? loadDetails(db).catch(fail) : undefined), [creators === undefined]) ?? null;
  const rows = useMemo(() => {
    if (!creators || !settings) return undefined;
    const now = Date.now();
    return creators.map((c) => rowOf(c, settings, details?.snapshots.get(c.key), details?.posts.get(c.key), now));
  }, [creators, settings, details]);

  // For the benchmark: the table's rows are usable, then engagement and growth are filled in.
  useEffect(() => {
    if (rows && !performance.getEntriesByName('creator-lens:table-rows').length) performance.mark('creator-lens:table-rows');
    if (rows && details) performance.mark('creator-lens:table-details');
  }, [rows, details]);

  const library: Library = { db, creators, rows, details, settings, error };
  return <LibraryContext.Provider value={library}>{children}</LibraryContext.Provider>;
}
