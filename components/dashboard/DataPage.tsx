/**
 * The user's data: export (JSON, lossless; CSV, one row per snapshot), import with a
 * preview of exactly what will change and the errors found (nothing is written until
 * confirmed, and a bad file writes nothing), and wiping the library after confirming.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { countSnapshots } from '@/lib/db/snapshots';
import { describeDbError } from '@/lib/db/errors';
import { exportCsv, exportJson, importFile, MAX_IMPORT_BYTES, parseCsv, parseExportJson, previewImport, wipeLibrary, type ExportFile, type ImportReport } from '@/lib/db/transfer';
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

export function DataPage() {
  const { db, creators } = useLibrary();
  const snapshots = useLiveQuery(() => countSnapshots(db), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [pending, setPending] = useState<{ name: string; file: ExportFile; report: ImportReport } | null>(null);
  const [wiping, setWiping] = useState(false);

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

  const choose = (file: File | undefined) => {
    if (!file) return;
    setPending(null);
    performance.mark('creator-lens:import-chosen');
    void run('Checking the file…', async () => {
      if (file.size > MAX_IMPORT_BYTES) return setMessage({ ok: false, lines: [`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was imported.`] });
      const text = await file.text();
      const csv = /\.csv$/i.test(file.name) || (!text.trimStart().startsWith('{') && text.includes(','));
      performance.mark('creator-lens:import-read');
      const parsed = csv ? parseCsv(text) : parseExportJson(text);
      performance.mark('creator-lens:import-parsed');
      if (!parsed.ok) return setMessage({ ok: false, lines: [`${file.name} cannot be imported; nothing was changed:`, ...parsed.errors] });
      const preview = await previewImport(db, parsed.file);
      if (!preview.ok) return setMessage({ ok: false, lines: [`${file.name} cannot be imported; nothing was changed:`, ...preview.errors] });
      performance.mark('creator-lens:import-checked');
      setPending({ name: file.name, file: parsed.file, report: preview.report });
    });
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
          <input type="file" accept=".json,.csv,application/json,text/csv" disabled={!!busy} data-testid="import-file" onChange={(e) => { choose(e.target.files?.[0]); e.target.value = ''; }} />
        </label>
        <p className="muted small">The file is checked completely first and you see what it would change. Importing merges: nothing already here is lost or duplicated.</p>
        {pending && (
          <div className="stack preview" data-testid="import-preview">
            <h3>Importing {pending.name} will add:</h3>
            <ul>{describeReport(pending.report).map((l) => <li key={l}>{l}</li>)}</ul>
            <div className="row">
              <button type="button" className="btn primary" disabled={!!busy} onClick={() => run('Importing…', async () => {
                performance.mark('creator-lens:import-start');
                const r = await importFile(db, pending.file);
                performance.mark('creator-lens:import-done');
                setPending(null);
                setMessage(r.ok ? { ok: true, lines: [`Imported ${pending.name}.`, ...describeReport(r.report)] } : { ok: false, lines: ['Nothing was imported:', ...r.errors] });
              })}>Import</button>
              <button type="button" className="btn" onClick={() => setPending(null)}>Cancel</button>
            </div>
          </div>
        )}
      </section>

      <section className="card stack danger-zone" aria-labelledby="wipe-title">
        <h2 id="wipe-title">Delete everything</h2>
        <p className="muted small">Deletes every creator, snapshot, post, deal and your settings from this browser.</p>
        <div><button type="button" className="btn danger" disabled={!!busy || count === 0} onClick={() => setWiping(true)}>Delete the library…</button></div>
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
