/**
 * The library every dashboard page reads: the creators with their table rows, every
 * creator's figures from its snapshots and posts (loaded after the creators, so the table
 * is usable first, and a range of creators at a time, so the page stays responsive while
 * they fill in), the settings, and the last database error. Read directly (an extension
 * page shares the extension's origin) and re-rendered when it changes (dexie-react-hooks).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { libraryDb, type LibraryDb } from '@/lib/db/db';
import { describeDbError } from '@/lib/db/errors';
import { listCreators } from '@/lib/db/creators';
import { getSettings } from '@/lib/db/settings';
import { detailsVersion } from '@/lib/db/details';
import { JumpMemo, type CreatorFigures } from '@/lib/dashboard/figures';
import { loadFigures } from '@/lib/dashboard/load-figures';
import { rowFrom, type CreatorRow } from '@/lib/dashboard/rows';
import type { Creator, Settings } from '@/lib/schema';

export interface Library {
  db: LibraryDb;
  creators: Creator[] | undefined;
  rows: CreatorRow[] | undefined;
  /** Every creator's figures (growth, posts, jumps); null until they are first loaded. */
  figures: Map<string, CreatorFigures> | null;
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
  // Runs again whenever a snapshot or post is written or deleted; the figures are then read again
  // (watched from the start, so the first load begins as soon as the creators are there).
  const version = useLiveQuery(() => detailsVersion(db).catch(fail), []);
  const [figures, setFigures] = useState<Map<string, CreatorFigures> | null>(null);
  const memo = useRef<JumpMemo>(null);
  // The creators as they are when a load starts (their posts' engagement is figured then); a change to them alone reads nothing again.
  const latest = useRef(creators);
  latest.current = creators;
  useEffect(() => {
    if (!version || !latest.current) return;
    const abort = new AbortController();
    memo.current ??= new JumpMemo();
    loadFigures(db, { signal: abort.signal, memo: memo.current, creators: latest.current }).then((f) => f && setFigures(f), fail);
    return () => abort.abort();
  }, [version, creators === undefined]);
  const rows = useMemo(() => {
    if (!creators || !settings) return undefined;
    const now = Date.now();
    return creators.map((c) => rowFrom(c, settings, figures?.get(c.key), now));
  }, [creators, settings, figures]);

  // For the benchmark: the table's rows are usable, then engagement and growth are filled in.
  useEffect(() => {
    if (rows && !performance.getEntriesByName('creator-lens:table-rows').length) performance.mark('creator-lens:table-rows');
    if (rows && figures) performance.mark('creator-lens:table-details');
  }, [rows, figures]);

  const library: Library = { db, creators, rows, figures, settings, error };
  return <LibraryContext.Provider value={library}>{children}</LibraryContext.Provider>;
}
