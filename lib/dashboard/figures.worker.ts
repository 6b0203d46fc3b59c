/**
 * The dashboard's figures, loaded in a worker (load-figures.ts): IndexedDB hands a read's
 * rows over by deserialising them on the thread that asked, so here that work leaves the
 * page's main thread, and it runs while the page reads and shows the creators. The worker
 * keeps its jump memo between loads and hands each read's figures over as soon as they
 * are computed; a newer load stops the one before it.
 *
 * Messages: page → worker `{ type: 'load', id, now, subjects }`; worker → page `{ type:
 * 'read', id, figures }` per read (the figures only, not the posts they come from), then
 * `{ type: 'done', id }`, or `{ type: 'failed', id, error }`.
 */
import { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { JumpMemo, subjectsIn, type CreatorFigures, type SubjectColumns } from './figures';
import { loadFigures } from './load-figures';

/** `subjects`: the creators as the page has them (figures.ts subjectColumns); null before it has read them. */
export type FiguresRequest = { type: 'load'; id: number; now: number; subjects: SubjectColumns | null };
export type FiguresReply =
  | { type: 'read'; id: number; figures: [string, CreatorFigures][] }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; error: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<FiguresRequest>) => void) | null; postMessage(message: FiguresReply): void };
const db = new LibraryDb();
const memo = new JumpMemo();
let current: AbortController | null = null;

scope.onmessage = ({ data }) => {
  if (data.type !== 'load') return;
  current?.abort();
  const abort = (current = new AbortController());
  const { id, now } = data;
  const subjects = data.subjects ? subjectsIn(data.subjects) : undefined;
  void (async () => {
    try {
      const done = await loadFigures(db, { signal: abort.signal, memo, now, subjects, onRead: (figures) => scope.postMessage({ type: 'read', id, figures }) });
      if (done) scope.postMessage({ type: 'done', id });
    } catch (error) {
      if (!abort.signal.aborted) scope.postMessage({ type: 'failed', id, error: describeDbError(error) });
    }
  })();
};
