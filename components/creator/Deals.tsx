/** The deals kept for a creator (each with the assumptions it used), keeping one from the quote form, and deleting one. */
import { useState } from 'react';
import type { LibraryDb } from '@/lib/db/db';
import type { TierBoundaries } from '@/lib/metrics/benchmarks';
import { formatMoney } from '@/lib/roi/money';
import { addDeal, deleteDeal, quoteDeal } from '@/lib/library/deals';
import type { Deal } from '@/lib/schema';
import type { ProfileReading } from '@/lib/sites/types';
import { compact, dateTime, pct, signedPct } from '@/lib/view/format';
import { ConfirmDialog } from '../dashboard/ConfirmDialog';
import { useLibrary } from '../dashboard/library-context';
import type { KeepRequest } from '../ui/QuoteForm';

/** Keeps the quote form's fee as a deal, through the same library function the background uses. */
export async function keepDeal(db: LibraryDb, creatorKey: string, reading: ProfileReading, tierBoundaries: TierBoundaries, r: KeepRequest): Promise<{ ok: true } | { ok: false; reason: string }> {
  const made = quoteDeal(creatorKey, reading, { fee: r.fee, currency: r.currency, deliverable: r.deliverable, assumptions: r.assumptions, impressions: r.impressions, tierBoundaries });
  if (!made.ok) return made;
  const added = await addDeal(db, made.deal);
  return added.ok ? { ok: true } : added;
}

export function Deals({ deals }: { deals: Deal[] }) {
  const { db } = useLibrary();
  const [removing, setRemoving] = useState<Deal | null>(null);
  return (
    <section className="card stack" aria-labelledby="deals-title">
      <h2 id="deals-title">Deals kept</h2>
      {deals.length === 0 ? <p className="muted">No quote kept yet. Type a fee above (or in the popup or the panel on the profile) and press “Keep as deal”.</p> : (
        <div className="table-wrap">
          <table className="plain">
            <thead><tr><th scope="col">Kept</th><th scope="col">Deliverable</th><th scope="col" className="n">Fee</th><th scope="col" className="n">ROI P10–P90</th><th scope="col" className="n">Median ROI (P50)</th><th scope="col" className="n">Break-even chance</th><th scope="col" className="n">Highest fee</th><th scope="col">Assumptions used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {deals.map((d) => {
                const m = (v: number) => formatMoney(v, d.currency, navigator.language, { maximumFractionDigits: 0 });
                const a = d.assumptions;
                return (
                  <tr key={d.id}>
                    <td>{dateTime(d.createdAt)}</td>
                    <td>{d.deliverable}</td>
                    <td className="n num">{m(d.fee)}</td>
                    <td className="n num">{signedPct(d.projection.roiP10)} to {signedPct(d.projection.roiP90)}</td>
                    <td className="n num">{signedPct(d.projection.roiP50)}</td>
                    <td className="n num">{pct(d.projection.probabilityBreakEven, 0)}</td>
                    <td className="n num">{d.projection.maxFee > 0 ? m(d.projection.maxFee) : 'none'}</td>
                    <td className="small">reach {compact(a.impressions.expected)}, CTR {pct(a.ctr.expected)}, CVR {pct(a.cvr.expected)}, AOV {m(a.aov.expected)}, margin {pct(a.margin.expected, 0)}</td>
                    <td><button type="button" className="btn small ghost" aria-label={`Delete the deal of ${dateTime(d.createdAt)}`} onClick={() => setRemoving(d)}>Delete</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {removing && (
        <ConfirmDialog title="Delete this deal?" confirm="Delete" danger onCancel={() => setRemoving(null)}
          onConfirm={() => { void deleteDeal(db, removing.id!); setRemoving(null); }}>
          The quote of {dateTime(removing.createdAt)} and its projection are deleted.
        </ConfirmDialog>
      )}
    </section>
  );
}
