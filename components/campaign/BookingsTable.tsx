/** The booked creators: cost, ROI projected at booking (kept as it was) beside the actual, and each one's goals. */
import { actualOf, checkGoals, ownMarginOf, type Figures } from '@/lib/campaigns/actuals';
import type { Booking, Campaign, PostObservation } from '@/lib/schema';
import { date, money, signedPct, signedRange, times } from '@/lib/view/format';
import { storedPriceShown } from '@/lib/view/price';
import { useLibrary } from '../dashboard/library-context';
import { GoalChips } from './GoalChips';

export function BookingsTable({ campaign, bookings, latest, totals }: { campaign: Campaign; bookings: Booking[]; latest: Map<string, PostObservation>; totals: Figures }) {
  const { creators, settings } = useLibrary();
  const byKey = new Map((creators ?? []).map((c) => [c.key, c]));
  const cur = campaign.currency;
  return (
    <section className="card stack" aria-labelledby="bookings-title">
      <h2 id="bookings-title">Booked creators: projected at booking, and actual</h2>
      {bookings.length === 0 ? <p className="muted">Book a saved creator above. The fee is weighed then, with your settings at that time, and that projection is kept as it was.</p> : (
        <div className="table-wrap">
          <table className="plain" data-testid="bookings">
            <thead>
              <tr><th scope="col">Creator</th><th scope="col" className="n">Cost</th><th scope="col">Fee against the market</th><th scope="col" className="n">Projected ROI (P10–P90)</th><th scope="col" className="n">Actual ROI</th><th scope="col" className="n">ROAS</th><th scope="col" className="n">CPM projected / actual</th><th scope="col" className="n">Cost per engagement</th><th scope="col" className="n">CPA</th><th scope="col">Goals</th></tr>
            </thead>
            <tbody>
              {bookings.map((b) => {
                const a = actualOf(b, latest, ownMarginOf(settings));
                const c = byKey.get(b.creatorKey);
                const p = b.price ? storedPriceShown(b.price, cur) : null;
                return (
                  <tr key={b.id} data-testid={`booking-${b.creatorKey}`}>
                    <td><b><bdi>{c?.displayName ?? b.creatorKey}</bdi></b><div className="muted small">{b.creatorKey} · booked {date(b.bookedAt)}</div></td>
                    <td className="n num">{money(b.fee + b.extraCosts, cur)}</td>
                    <td className="small" data-testid="booking-price">{p ? <><b>{p.verdictText}</b><div className="muted">fair fee {p.fair} · CPM {p.cpm} (usual {p.market}) · views {p.views}, {p.basis}</div></> : <span className="muted">booked before the market check</span>}</td>
                    {b.ownFigures === false
                      ? <td className="n small muted" data-testid="projected">none: booked before your order value and margin were set</td>
                      : <td className="n num" data-testid="projected">{signedRange(b.projection.roiP10, b.projection.roiP90)}<div className="muted small">median {signedPct(b.projection.roiP50)}</div></td>}
                    <td className="n num" data-testid="actual-roi"><b>{signedPct(a.roi)}</b></td>
                    <td className="n num">{times(a.roas)}</td>
                    <td className="n num">{money(b.projection.cpm, cur)} / {money(a.cpm, cur)}</td>
                    <td className="n num">{money(a.cpe, cur)}</td>
                    <td className="n num">{money(a.cpa, cur)}</td>
                    <td><GoalChips checks={checkGoals(campaign.goals, a, { includeOrders: false })} currency={cur} /></td>
                  </tr>
                );
              })}
              <tr className="total"><th scope="row">Campaign</th><td className="n num">{money(totals.cost, cur)}</td><td /><td /><td className="n num"><b>{signedPct(totals.roi)}</b></td><td className="n num">{times(totals.roas)}</td><td className="n num">{money(totals.cpm, cur)}</td><td className="n num">{money(totals.cpe, cur)}</td><td className="n num">{money(totals.cpa, cur)}</td><td /></tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">Actual ROI = (revenue × the margin the projection used − cost) / cost. Revenue, orders and clicks come from your link and code reports; views and engagements from the delivered posts as their pages showed them.</p>
    </section>
  );
}
