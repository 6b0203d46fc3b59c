/**
 * The dashboard's import, one message at a time (import.worker.ts runs it in a worker, so
 * reading, parsing, validating and previewing a 200 MB file never blocks the page; where
 * there is no worker, import-client.ts runs it in the page). The checked file stays here:
 * the page gets progress, the preview's report and the outcome, never the rows.
 *
 * page → here: `check` (a chosen file), `import` (write the file checked under that id),
 * `cancel` (stop whatever runs under that id, or forget its checked file).
 * here → page, per id: `progress` while it works (stage, and rows done of the total once
 * rows are written or previewed), then exactly one of `checked` (the preview), `refused`
 * (the file cannot be imported), `imported`, `failed` (the write failed) or `cancelled`.
 * Nothing is changed unless the reply is `imported`: a preview is rolled back, and a
 * cancelled or failed import undoes every batch it wrote (lib/db/transfer/import.ts).
 * Generic over the library's shapes: the rows are validated by lib/db/transfer alone.
 */
import type { LibraryDb } from '../db/db';
import { describeDbError } from '../db/errors';
import { importFile, MAX_IMPORT_BYTES, parseImportText, previewImport, tooLargeMessage, type ExportFile, type ImportProgress, type ImportReport, type ParsedFile } from '../db/transfer';

export type ImportRequest =
  | { type: 'check'; id: number; file: Blob; name: string }
  | { type: 'import'; id: number }
  | { type: 'cancel'; id: number };

/** reading the file, parsing and validating it, working out what it would change, writing it. */
export type ImportStage = 'reading' | 'checking' | 'previewing' | 'writing';

export type ImportReply =
  | ({ type: 'progress'; id: number; stage: ImportStage } & ImportProgress)
  | { type: 'checked'; id: number; report: ImportReport; snapshots: number; posts: number }
  | { type: 'refused'; id: number; errors: string[] }
  | { type: 'imported'; id: number; report: ImportReport }
  | { type: 'failed'; id: number; errors: string[] }
  | { type: 'cancelled'; id: number };

export const FILE_GONE = 'The checked file is no longer here; choose it again. Nothing was changed.';

interface Job {
  id: number;
  abort: AbortController;
  file: ExportFile | null;
  running: boolean;
}

/** A handler for the page's requests; `post` sends the replies. `batchSize`: rows per write (lib/db/transfer/import.ts). */
export function importSession(db: LibraryDb, post: (reply: ImportReply) => void, options: { batchSize?: number } = {}): (request: ImportRequest) => void {
  const { batchSize } = options;
  let job: Job | null = null;

  const start = (id: number): Job => {
    job?.abort.abort(); // a newer file replaces the one before
    return (job = { id, abort: new AbortController(), file: null, running: true });
  };
  const progress = (j: Job, stage: ImportStage, p: ImportProgress = { done: 0, total: 0, snapshots: 0, posts: 0 }) => post({ type: 'progress', id: j.id, stage, ...p });
  /** Ends a job with its one final reply (a job replaced by a newer one still gets its own). */
  const end = (j: Job, reply: ImportReply, keepFile = false) => {
    j.running = false;
    if (!keepFile) j.file = null;
    if (job === j && !keepFile) job = null;
    post(reply);
  };

  async function check(j: Job, blob: Blob, name: string) {
    if (blob.size > MAX_IMPORT_BYTES) return end(j, { type: 'refused', id: j.id, errors: [tooLargeMessage(name)] });
    progress(j, 'reading');
    const parsed = await readAndParse(j, blob, name);
    if (j.abort.signal.aborted) return end(j, { type: 'cancelled', id: j.id });
    if (!parsed.ok) return end(j, { type: 'refused', id: j.id, errors: parsed.errors });
    const { file } = parsed;
    const total = { done: 0, total: file.snapshots.length + file.posts.length, snapshots: file.snapshots.length, posts: file.posts.length };
    progress(j, 'previewing', total);
    const preview = await previewImport(db, file, { batchSize, signal: j.abort.signal, onProgress: (p) => progress(j, 'previewing', p) });
    if (j.abort.signal.aborted || (!preview.ok && preview.cancelled)) return end(j, { type: 'cancelled', id: j.id });
    if (!preview.ok) return end(j, { type: 'refused', id: j.id, errors: preview.errors });
    j.file = file;
    end(j, { type: 'checked', id: j.id, report: preview.report, snapshots: total.snapshots, posts: total.posts }, true);
  }

  /** Its own function, so the file's text is garbage once it is parsed (a 200 MB string). */
  async function readAndParse(j: Job, blob: Blob, name: string): Promise<ParsedFile> {
    let text: string;
    try {
      text = await blob.text();
    } catch (e) {
      return { ok: false, errors: [`The file could not be read (${(e as Error).message}).`] };
    }
    if (j.abort.signal.aborted) return { ok: false, errors: [] };
    progress(j, 'checking');
    return parseImportText(name, text);
  }

  async function write(j: Job, file: ExportFile) {
    j.running = true;
    const p = { done: 0, total: file.snapshots.length + file.posts.length, snapshots: file.snapshots.length, posts: file.posts.length };
    progress(j, 'writing', p);
    const result = await importFile(db, file, { batchSize, signal: j.abort.signal, onProgress: (x) => progress(j, 'writing', x) });
    // Imported even if a Cancel came once the last write was committing: the reply says what happened.
    if (result.ok) end(j, { type: 'imported', id: j.id, report: result.report });
    else end(j, result.cancelled ? { type: 'cancelled', id: j.id } : { type: 'failed', id: j.id, errors: result.errors });
  }

  const failSafe = (j: Job, work: Promise<void>, kind: 'refused' | 'failed') =>
    work.catch((e: unknown) => {
      if (j.running) end(j, j.abort.signal.aborted ? { type: 'cancelled', id: j.id } : { type: kind, id: j.id, errors: [describeDbError(e)] });
    });

  return (request) => {
    if (request.type === 'check') {
      const j = start(request.id);
      void failSafe(j, check(j, request.file, request.name), 'refused');
    } else if (request.type === 'import') {
      const j = job;
      if (!j || j.id !== request.id || !j.file || j.running) return post({ type: 'failed', id: request.id, errors: [FILE_GONE] });
      void failSafe(j, write(j, j.file), 'failed');
    } else if (request.type === 'cancel') {
      const j = job;
      if (!j || j.id !== request.id) return;
      j.abort.abort();
      if (!j.running) end(j, { type: 'cancelled', id: j.id }); // a checked file, not yet imported: forgotten
    }
  };
}
