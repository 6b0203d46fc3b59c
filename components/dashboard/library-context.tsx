/**
 * The library every dashboard page reads: the creators with their table rows, every
 * creator's figures from its snapshots and posts, the settings, and the last database
 * error. Read directly (an extension page shares the extension's origin) and re-rendered
 * when it changes (dexie-react-hooks for the creators and settings).
 *
 * The figures are loaded in a worker (lib/dashboard/figures.worker.ts), started once the
 * creators are read and the table they make is painted (starting it with the page slowed the
 * table by some 40 ms on two cores; asking it before that paint held the paint back):
 * IndexedDB deserialises what a thread reads on that thread, so the page's main thread only
 * reads the creators, and the table is usable while the figures come in.
 * Where there is no worker (the unit tests), they are loaded here, a range of creators at
 * a time. They are loaded again when a snapshot or post is written anywhere (Dexie's
 * storagemutated event: this page, the background, another tab), and when a creator's
 * latest numbers differ from those its posts' engagement was figured with (the load sends
 * the creators' followers along; the posts stay in the worker).
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { libraryDb, type LibraryDb } from '@/lib/db/db';
import { describeDbError } from '@/lib/db/errors';
import { listCreators } from '@/lib/db/creators';
import { getSettings } from '@/lib/db/settings';
import { touchesDetails } from '@/lib/db/details';
import { JumpMemo, subjectColumns, subjectsOf, type CreatorFigures } from '@/lib/dashboard/figures';
import type { FiguresReply, FiguresRequest } from '@/lib/dashboard/figures.worker';
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

/** Writes come in bursts (an import, a recorded visit): one load for each burst. */
const SETTLE_MS = 100;

function startWorker(): Worker | null {
  try {
    return typeof Worker === 'undefined' ? null : new Worker(new URL('../../lib/dashboard/figures.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function LibraryProvider({ children }: { children: ReactNode }) {
  const db = libraryDb();
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => {
    setError(describeDbError(e));
    return undefined;
  };
  const creators = useLiveQuery(() => listCreators(db).catch(fail), []);
  const settings = useLiveQuery(() => getSettings(db).catch(fail), []);
  const [figures, setFigures] = useState<Map<string, CreatorFigures> | null>(null);
  // The creators as they are when a load starts (the load here figures their posts' engagement with them).
  const latest = useRef(creators);
  latest.current = creators;
  const start = useRef<() => void>(null);
  // The creators as the latest load figures them (none for a load started before they were read), and a load soon.
  const requested = useRef<readonly Creator[] | null>(null);
  const reload = useRef<() => void>(null);

  useEffect(() => {
    let worker: Worker | null = null;
    let workerTried = false;
    let id = 0;
    let received = new Map<string, CreatorFigures>();
    let abort: AbortController | null = null;
    const memo = new JumpMemo();
    const load = () => {
      id++;
      abort?.abort();
      const asked = latest.current;
      requested.current = asked ?? [];
      if (!workerTried) {
        workerTried = true;
        worker = startWorker();
        if (worker) listen(worker);
      }
      if (worker) {
        received = new Map();
        worker.postMessage({ type: 'load', id, now: Date.now(), subjects: asked ? subjectColumns(asked) : null } satisfies FiguresRequest);
        return;
      }
      abort = new AbortController();
      loadFigures(db, { signal: abort.signal, memo, subjects: asked && subjectsOf(asked) }).then((f) => f && setFigures(f), fail);
    };
    function listen(worker: Worker) {
      worker.onmessage = ({ data }: MessageEvent<FiguresReply>) => {
        if (data.id !== id) return; // a load a newer one replaced
        if (data.type === 'read') for (const [key, f] of data.figures) received.set(key, f);
        else if (data.type === 'done') setFigures(received);
        else setError(data.error);
      };
      // A worker that cannot start (its script refused): the figures are loaded here instead.
      worker.onerror = () => {
        worker.terminate();
        stop();
        load();
      };
    }
    const stop = () => {
      worker = null;
    };
    let settle: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(settle);
      settle = setTimeout(load, SETTLE_MS);
    };
    reload.current = later;
    const changed = (parts: Record<string, unknown>) => {
      if (touchesDetails(parts, db.name)) later();
    };
    Dexie.on('storagemutated', changed);
    // The first load waits for the creators: the table comes first (both would read at once).
    let started = false;
    start.current = () => {
      if (started) return;
      started = true;
      load();
    };
    if (latest.current) start.current();
    return () => {
      start.current = null;
      reload.current = null;
      Dexie.on('storagemutated').unsubscribe(changed);
      clearTimeout(settle);
      abort?.abort();
      worker?.terminate();
    };
  }, [db]);

  // After the table's first paint, not before it: React runs this effect before the browser
  // paints the commit that first has the creators, and asking the worker then (the creators'
  // columns made and sent) held that paint back, by about 5-15 ms at 20,000 creators (issue 18).
  useEffect(() => {
    if (!creators) return;
    return afterPaint(() => start.current?.());
  }, [creators === undefined]);

  // A creator whose platform or followers differ from those the figures were asked for (a
  // visit recorded new numbers; a new creator), loaded again: its engagement is unknown till then.
  useEffect(() => {
    const asked = requested.current;
    if (creators && asked && creators !== asked && changedSince(asked, creators)) reload.current?.();
  }, [creators]);

  const rows = useMemo(() => {
    if (!creators || !settings) return undefined;
    return creators.map((c) => rowFrom(c, settings, figures?.get(c.key)));
  }, [creators, settings, figures]);

  // For the benchmark: the table's rows are usable, then engagement and growth are filled in.
  useEffect(() => {
    if (rows && !performance.getEntriesByName('creator-lens:table-rows').length) performance.mark('creator-lens:table-rows');
    if (rows && figures) performance.mark('creator-lens:table-details');
  }, [rows, figures]);

  const library: Library = { db, creators, rows, figures, settings, error };
  return <LibraryContext.Provider value={library}>{children}</LibraryContext.Provider>;
}

/** Runs `run` once the frame being prepared has been painted (or, without frames, soon); returns a cancel. */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  // The frame's callbacks run just before it is painted; a task queued from them runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Whether any creator is new or has another platform or followers than in `before`. */
function changedSince(before: readonly Creator[], creators: readonly Creator[]): boolean {
  const was = new Map(before.map((c) => [c.key, c]));
  return creators.some((c) => {
    const old = was.get(c.key);
    return !old || old.platform !== c.platform || (old.latest?.followers ?? null) !== (c.latest?.followers ?? null);
  });
}
