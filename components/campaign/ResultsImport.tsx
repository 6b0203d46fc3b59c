/** Results from a shop's or link tool's CSV: columns mapped, a preview of every change, nothing written until confirmed. */
import { useState } from 'react';
import { guessMapping, planResults, readResultsCsv, type Mapping, type ResultChange, type ResultsTable } from '@/lib/campaigns/results';
import { applyResults } from '@/lib/campaigns/store';
import type { Booking, Campaign } from '@/lib/schema';
import { money } from '@/lib/view/format';
import { useLibrary } from '../dashboard/library-context';

export function ResultsImport({ campaign, bookings }: { campaign: Campaign; bookings: Booking[] }) {
  const { db } = useLibrary();
  const [table, setTable] = useState<{ name: string; table: ResultsTable } | null>(null);
  const [mapping, setMapping] = useState<Partial<Mapping>>({});
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const plan = table && mapping.key && mapping.orders && mapping.revenue ? planResults(table.table, mapping as Mapping, bookings) : null;
  const name = (c: ResultChange) => c.booking.code || c.booking.creatorKey;
  const col = (k: keyof Mapping, label: string, optional = false) => (
    <label>{label}
      <select value={mapping[k] ?? ''} onChange={(e) => { setMapping({ ...mapping, [k]: e.target.value || null }); setMessage(null); }}>
        <option value="">{optional ? '(none)' : 'Choose…'}</option>
        {table!.table.columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
  return (
    <section className="card stack" aria-labelledby="results-title">
      <h2 id="results-title">Import results from a report</h2>
      <p className="muted small">A CSV exported from your shop or link tool, one row per code or link (rows of the same code are added up). Nothing is written until you confirm; a file with any bad row is refused.</p>
      <label className="file">Results CSV<input type="file" accept=".csv,text/csv" data-testid="results-file" onChange={async (e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (!file) return;
        setMessage(null);
        const read = readResultsCsv(await file.text());
        if (!read.ok) { setTable(null); return setMessage({ ok: false, lines: [`${file.name} cannot be read; nothing was changed:`, ...read.errors] }); }
        setTable({ name: file.name, table: read.table });
        setMapping(guessMapping(read.table.columns));
      }} /></label>
      {table && (
        <div className="stack">
          <div className="row">{col('key', 'Code or link column')}{col('orders', 'Orders column')}{col('revenue', 'Revenue column')}{col('clicks', 'Clicks column', true)}</div>
          {plan && !plan.ok && <div className="notice error" role="alert" data-testid="results-errors"><p>{table.name} cannot be imported; nothing was changed:</p><ul>{plan.errors.map((l) => <li key={l}>{l}</li>)}</ul></div>}
          {plan?.ok && (
            <div className="stack" data-testid="results-preview">
              <table className="plain">
                <thead><tr><th scope="col">Code / creator</th><th scope="col" className="n">Rows</th><th scope="col" className="n">Orders</th><th scope="col" className="n">Revenue</th><th scope="col" className="n">Clicks</th></tr></thead>
                <tbody>{plan.changes.map((c) => (
                  <tr key={c.booking.id}><td>{name(c)} <span className="muted small">{c.booking.creatorKey}</span></td><td className="n num">{c.rows}</td>
                    <td className="n num">{c.before.orders ?? '—'} → <b>{c.after.orders}</b></td><td className="n num">{money(c.before.revenue, campaign.currency)} → <b>{money(c.after.revenue, campaign.currency)}</b></td><td className="n num">{c.before.clicks ?? '—'} → <b>{c.after.clicks ?? '—'}</b></td></tr>
                ))}</tbody>
              </table>
              {plan.unchanged > 0 && <p className="muted small">{plan.unchanged} booked {plan.unchanged === 1 ? 'creator is' : 'creators are'} not in the file and stay as they are.</p>}
              <div className="row">
                <button type="button" className="btn primary" onClick={async () => {
                  const r = await applyResults(db, plan.changes);
                  setMessage(r.ok ? { ok: true, lines: [`Results of ${r.value} ${r.value === 1 ? 'creator' : 'creators'} written from ${table.name}.`] } : { ok: false, lines: ['Nothing was written:', r.reason] });
                  if (r.ok) setTable(null);
                }}>Write these results</button>
                <button type="button" className="btn" onClick={() => setTable(null)}>Cancel</button>
              </div>
            </div>
          )}
        </div>
      )}
      {message && <div className={`notice ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'} data-testid="results-message"><p>{message.lines[0]}</p>{message.lines.length > 1 && <ul>{message.lines.slice(1).map((l) => <li key={l}>{l}</li>)}</ul>}</div>}
    </section>
  );
}
