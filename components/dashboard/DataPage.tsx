/**
 * The user's data: export (JSON, lossless; CSV, one row per snapshot), import with a
 * preview of exactly what will change and the errors found (nothing is written until
 * confirmed, and a bad file writes nothing), and wiping the library after confirming.
 *
 * The import runs in a worker (lib/dashboard/import-client.ts): reading, checking and
 * previewing a file of hundreds of MB never blocks this page, which only shows the
 * progress. The write has a progress bar and a Cancel that rolls back everything written.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { countSnapshots } from '@/lib/db/snapshots';
import { describeDbError } from '@/lib/db/errors';
import { exportCsv, exportJson, MAX_IMPORT_BYTES, tooLargeMessage, wipeLibrary, type ImportReport } from '@/lib/db/transfer';
import { openImport, type ImportChannel } from '@/lib/dashboard/import-client';
import type { ImportReply, ImportStage } from '@/lib/dashboard/import-session';
import { whole } from '@/lib/view/format';
import { useLibrary } from './library-context';
import { download } from '../ui/download';
import { ConfirmDialog } from './ConfirmDialog';

const today = () => new Date().toISOString().slice(0, 10);

function describeReport(r: ImportReport): string[] {
  const n = (v: number, one: string, many: string) => `${whole(v)} ${v === 1 ? one : many}`;
  return [
    `${n(r.creatorsAdded, 'new creator', 'new creators')}, ${n(r.creatorsUpdated, 'creator', 'creators')} already here (merged: lists and tags united, newest numbers kept)`,
    `${n(r.snapshotsAdded, 'new snapshot', 'new snapshots')}${r.snapshotsSkipped ? `, ${n(r.snapshotsSkipped, 'already stored', 'already stored')} (skipped)` : ''}`,
    `${n(r.postsWritten, 'post', 'posts')} written`,
    `${n(r.dealsAdded, 'new deal', 'new deals')}${r.dealsSkipped ? `, ${n(r.dealsSkipped, 'already stored', 'already stored')}` : ''}`,
    r.settingsApplied ? 'Settings from the file (your library has none yet)' : 'Your settings stay as they are',
  ];
}

/** The import under way: its file checked (stages), its preview shown, or its rows being written. */
type Importing =
  | { step: 'checking'; id: number; name: string; stage: ImportStage; done: number; total: number; posts: number }
  | { step: 'preview'; id: number; name: string; report: ImportReport }
  | { step: 'writing'; id: number; name: string; done: number; total: number; posts: number; cancelling: boolean };

const rowsWord = (posts: number) => (posts ? 'snapshots and posts' : 'snapshots');

function progressText(i: Extract<Importing, { step: 'checking' | 'writing' }>): string {
  if (i.step === 'writing') {
    if (i.cancelling) return `Cancelling: undoing the ${whole(i.done)} ${rowsWord(i.posts)} written so far…`;
    const line = `Imported ${whole(i.done)} of ${whole(i.total)} ${rowsWord(i.posts)}`;
    return i.total && i.done === i.total ? `${line}; saving…` : line;
  }
  if (i.stage === 'reading') return `Reading ${i.name}…`;
  if (i.stage === 'checking') return `Checking ${i.name}…`;
  return `Comparing ${i.name} with your library: ${whole(i.done)} of ${whole(i.total)} ${rowsWord(i.posts)}`;
}

let nextImportId = 0;

export function DataPage() {
  const { db, creators } = useLibrary();
  const snapshots = useLiveQuery(() => countSnapshots(db), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [importing, setImporting] = useState<Importing | null>(null);
  const [wiping, setWiping] = useState(false);
  const channel = useRef<ImportChannel | null>(null);
  const writing = useRef(false);

  // Leaving the page stops a check or a preview; a write already started is left to finish (or fail) whole.
  useEffect(() => () => {
    if (!writing.current) channel.current?.close();
  }, []);

  const run = async (label: string, f: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    try {
      await f();
    } catch (e) {
      setMessage({ ok: false, lines: [describeDbError(e)] });
    } finally {
      setBusy(null);
    }
  };

  const closeImport = () => {
    channel.current?.close();
    channel.current = null;
    writing.current = false;
  };

  const onReply = (name: string) => (reply: ImportReply) => {
    const fail = (lines: string[]) => {
      closeImport();
      setImporting(null);
      setMessage({ ok: false, lines });
    };
    if (reply.type === 'progress') {
      if (reply.stage === 'checking') performance.mark('creator-lens:import-read');
      if (reply.stage === 'previewing' && reply.done === 0) performance.mark('creator-lens:import-parsed');
      setImporting((i) => {
        if (!i || i.id !== reply.id) return i;
        if (reply.stage === 'writing') return i.step === 'writing' ? { ...i, done: reply.done, total: reply.total, posts: reply.posts } : { step: 'writing', id: i.id, name, done: reply.done, total: reply.total, posts: reply.posts, cancelling: false };
        return { step: 'checking', id: i.id, name, stage: reply.stage, done: reply.done, total: reply.total, posts: reply.posts };
      });
    } else if (reply.type === 'checked') {
      performance.mark('creator-lens:import-checked');
      setImporting({ step: 'preview', id: reply.id, name, report: reply.report });
    } else if (reply.type === 'refused') {
      fail([`${name} cannot be imported; nothing was changed:`, ...reply.errors]);
    } else if (reply.type === 'imported') {
      performance.mark('creator-lens:import-done');
      closeImport();
      setImporting(null);
      setMessage({ ok: true, lines: [`Imported ${name}.`, ...describeReport(reply.report)] });
    } else if (reply.type === 'failed') {
      performance.mark('creator-lens:import-done');
      fail(['Nothing was imported:', ...reply.errors]);
    } else {
      performance.mark('creator-lens:import-cancelled');
      closeImport();
      setImporting(null);
      setMessage({ ok: true, lines: [`Import cancelled: nothing from ${name} was kept, and your library is exactly as it was.`] });
    }
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    closeImport();
    setImporting(null);
    setMessage(null);
    performance.mark('creator-lens:import-chosen');
    if (file.size > MAX_IMPORT_BYTES) return setMessage({ ok: false, lines: [tooLargeMessage(file.name)] });
    const id = ++nextImportId;
    channel.current = openImport(db, onReply(file.name));
    setImporting({ step: 'checking', id, name: file.name, stage: 'reading', done: 0, total: 0, posts: 0 });
    channel.current.send({ type: 'check', id, file, name: file.name });
  };

  const startImport = () => {
    if (importing?.step !== 'preview' || !channel.current) return;
    performance.mark('creator-lens:import-start');
    writing.current = true;
    setImporting({ step: 'writing', id: importing.id, name: importing.name, done: 0, total: 0, posts: 0, cancelling: false });
    channel.current.send({ type: 'import', id: importing.id });
  };

  /** While checking or previewing nothing is written: stopped at once. While writing, the worker says when all is undone. */
  const cancelImport = () => {
    if (!importing) return;
    if (importing.step === 'writing') {
      channel.current?.send({ type: 'cancel', id: importing.id });
      setImporting({ ...importing, cancelling: true });
      return;
    }
    closeImport();
    setImporting(null);
  };

  const count = creators?.length ?? 0;
  return (
    <section className="stack-lg" aria-labelledby="data-title">
      <h1 id="data-title">Data</h1>
      <p className="muted">Your library lives only in this browser profile: {whole(count)} {count === 1 ? 'creator' : 'creators'}, {snapshots === undefined ? '…' : whole(snapshots)} snapshots. Export it to keep a copy or to move it to another browser.</p>
      {busy && <p className="notice" role="status">{busy}</p>}
      {message && <div className={`notice ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'} data-testid="data-message"><p>{message.lines[0]}</p>{message.lines.length > 1 && <ul>{message.lines.slice(1).map((l, i) => <li key={i}>{l}</li>)}</ul>}</div>}

      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <div className="row">
          <button type="button" className="btn primary" disabled={!!busy} onClick={() => run('Exporting…', async () => download(`creator-lens-${today()}.json`, await exportJson(db), 'application/json'))}>Export everything (JSON)</button>
          <button type="button" className="btn" disabled={!!busy} onClick={() => run('Exporting…', async () => download(`creator-lens-snapshots-${today()}.csv`, await exportCsv(db), 'text/csv'))}>Snapshots as CSV</button>
        </div>
        <p className="muted small">JSON keeps everything (creators, snapshots, posts, deals, settings) and imports back exactly. The CSV has one row per snapshot, for spreadsheets; formulas are escaped.</p>
      </section>

      <section className="card stack" aria-labelledby="import-title">
        <h2 id="import-title">Import</h2>
        <label className="file">
          A Creator Lens export (.json) or snapshots CSV
          <input type="file" accept=".json,.csv,application/json,text/csv" disabled={!!busy || importing?.step === 'writing'} data-testid="import-file" onChange={(e) => { choose(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
        <p className="muted small">The file is checked completely first and you see what it would change. Importing merges: nothing already here is lost or duplicated. Cancel while importing and nothing of the file is kept.</p>
        {(importing?.step === 'checking' || importing?.step === 'writing') && (
          <div className="stack import-progress" data-testid="import-progress">
            <label htmlFor="import-progress-bar">{progressText(importing)}</label>
            {/* No value while the file is read and parsed (one step that cannot say how far it is). */}
            <progress id="import-progress-bar" max={importing.total || undefined} value={importing.total ? importing.done : undefined} />
            <div><button type="button" className="btn" disabled={importing.step === 'writing' && importing.cancelling} onClick={cancelImport}>Cancel</button></div>
          </div>
        )}
        {importing?.step === 'preview' && (
          <div className="stack preview" data-testid="import-preview">
            <h3>Importing {importing.name} will add:</h3>
            <ul>{describeReport(importing.report).map((l) => <li key={l}>{l}</li>)}</ul>
            <div className="row">
              <button type="button" className="btn primary" disabled={!!busy} onClick={startImport}>Import</button>
              <button type="button" className="btn" onClick={cancelImport}>Cancel</button>
            </div>
          </div>
        )}
      </section>

      <section className="card stack danger-zone" aria-labelledby="wipe-title">
        <h2 id="wipe-title">Delete everything</h2>
        <p className="muted small">Deletes every creator, snapshot, post, deal and your settings from this browser.</p>
        <div><button type="button" className="btn danger" disabled={!!busy || count === 0 || !!importing} onClick={() => setWiping(true)}>Delete the library…</button></div>
      </section>

      {wiping && <WipeDialog count={count} onCancel={() => setWiping(false)} onConfirm={() => {
        setWiping(false);
        void run('Deleting…', async () => {
          await wipeLibrary(db);
          setMessage({ ok: true, lines: ['The library is empty.'] });
        });
      }} />}
    </section>
  );
}

function WipeDialog({ count, onCancel, onConfirm }: { count: number; onCancel(): void; onConfirm(): void }) {
  const [typed, setTyped] = useState('');
  return (
    <ConfirmDialog title="Delete the whole library?" confirm="Delete everything" danger onCancel={onCancel} onConfirm={onConfirm} confirmDisabled={typed.trim().toLowerCase() !== 'delete'}>
      <p>{whole(count)} creators and all their snapshots, posts and deals will be deleted. This cannot be undone; export first to keep a copy.</p>
      <label>Type “delete” to confirm<input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" /></label>
    </ConfirmDialog>
  );
}
