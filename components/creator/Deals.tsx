/** The deals kept for a creator (each with the assumptions it used), keeping one from the quote form, and deleting one. */
import { useState } from 'react';
import type { LibraryDb } from '@/lib/db/db';
import type { TierBoundaries } from '@/lib/metrics/benchmarks';
import { addDeal, deleteDeal, quoteDeal } from '@/lib/library/deals';
import type { MarketOverrides } from '@/lib/roi/price';
import type { Deal } from '@/lib/schema';
import type { ProfileReading } from '@/lib/sites/types';
import { compact, dateTime, money, pct, signedPct, signedRange } from '@/lib/view/format';
import { storedPriceShown } from '@/lib/view/price';
import { ConfirmDialog } from '../dashboard/ConfirmDialog';
import { useLibrary } from '../dashboard/library-context';
import type { KeepRequest } from '../ui/QuoteForm';

/** Keeps the quote form's fee as a deal, through the same library function the background uses. */
export async function keepDeal(db: LibraryDb, creatorKey: string, reading: ProfileReading, tierBoundaries: TierBoundaries, r: KeepRequest, market?: MarketOverrides): Promise<{ ok: true } | { ok: false; reason: string }> {
  const made = quoteDeal(creatorKey, reading, { fee: r.fee, currency: r.currency, deliverable: r.deliverable, assumptions: r.assumptions, impressions: r.impressions, tierBoundaries, market });
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
            <thead><tr><th scope="col">Kept</th><th scope="col">Deliverable</th><th scope="col" className="n">Fee</th><th scope="col">Against the market</th><th scope="col" className="n">ROI P10–P90</th><th scope="col" className="n">Median ROI (P50)</th><th scope="col" className="n">Break-even chance</th><th scope="col" className="n">Highest fee</th><th scope="col">Assumptions used</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {deals.map((d) => {
                const m = (v: number) => money(v, d.currency);
                const p = d.price ? storedPriceShown(d.price, d.currency) : null;
                // Deals kept before issue 14 have no flag and keep what they showed; a deal kept on the placeholders shows no return.
                const placeholders = d.ownFigures === false;
                const a = d.assumptions;
                return (
                  <tr key={d.id}>
                    <td>{dateTime(d.createdAt)}</td>
                    <td>{d.deliverable}</td>
                    <td className="n num">{m(d.fee)}</td>
                    <td className="small" data-testid="deal-price">{p ? <><b>{p.verdictText}</b><div className="muted">fair fee {p.fair} · CPM {p.cpm} (usual {p.market}) · views {p.views}, {p.basis}</div></> : <span className="muted">kept before the market check</span>}</td>
                    {placeholders ? (
                      <td colSpan={4} className="small muted" data-testid="deal-return-hidden">No return: kept before your order value and margin were set</td>
                    ) : (
                      <>
                        <td className="n num">{signedRange(d.projection.roiP10, d.projection.roiP90)}</td>
                        <td className="n num">{signedPct(d.projection.roiP50)}</td>
                        <td className="n num">{pct(d.projection.probabilityBreakEven, 0)}</td>
                        <td className="n num">{d.projection.maxFee > 0 ? m(d.projection.maxFee) : 'none'}</td>
                      </>
                    )}
                    <td className="small">reach ≈{compact(a.impressions.expected)}, click-through {pct(a.ctr.expected)}, conversion {pct(a.cvr.expected)}{placeholders ? '' : `, order value ${m(a.aov.expected)}, margin ${pct(a.margin.expected, 0)}`}</td>
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
