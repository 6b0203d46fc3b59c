/**
 * A one-page report to hand to a client: a campaign's results against its goals and what
 * each creator was projected to return, and the ranking of creators to book again, with
 * the attribution caveat. Made to be printed (or saved as PDF): no navigation on paper.
 */
import { actualOf, checkGoals, latestByPost, ownMarginOf, totalsOf } from '@/lib/campaigns/actuals';
import { rankCreators } from '@/lib/campaigns/ranking';
import type { Booking, Campaign } from '@/lib/schema';
import { date, money, signedPct, whole } from '@/lib/view/format';
import { useLibrary } from '../dashboard/library-context';
import { GoalChips } from './GoalChips';
import { Ranking } from './Ranking';
import { useCampaignData } from './use-campaign-data';

export default function ReportPage({ campaignId }: { campaignId: number | null }) {
  const { creators, settings } = useLibrary();
  const { campaigns, bookings, latest } = useCampaignData();
  if (!campaigns || !bookings || !latest) return <p className="muted" aria-busy="true">Loading…</p>;
  const shown = campaignId === null ? campaigns : campaigns.filter((c) => c.id === campaignId);
  const shownBookings = bookings.filter((b) => shown.some((c) => c.id === b.campaignId));
  return (
    <article className="report stack-lg" aria-labelledby="report-title">
      <div className="spread no-print">
        <a href={campaignId === null ? '#/campaigns' : `#/campaign/${campaignId}`}>← Back</a>
        <button type="button" className="btn primary" onClick={() => print()}>Print or save as PDF</button>
      </div>
      <header>
        <h1 id="report-title">{campaignId === null ? 'Influencer campaigns: results' : `${shown[0]?.name ?? 'Campaign'}: results`}</h1>
        <p className="muted">Prepared {date(Date.now())} with Creator Lens. Projections were made when each creator was booked and are shown unchanged.</p>
      </header>
      {shown.map((c) => <CampaignReport key={c.id} campaign={c} bookings={bookings.filter((b) => b.campaignId === c.id)} latest={latest} names={new Map((creators ?? []).map((x) => [x.key, x.displayName ?? `@${x.handle}`]))} />)}
      <Ranking rows={rankCreators(shown, shownBookings, creators ?? [], latest, ownMarginOf(settings))} print />
      <p className="small muted">Views and engagements are the counts the delivered posts’ pages showed at the last visit. Revenue and orders are those reported for each creator’s link and code.</p>
    </article>
  );
}

function CampaignReport({ campaign: c, bookings, latest, names }: { campaign: Campaign; bookings: Booking[]; latest: ReturnType<typeof latestByPost>; names: Map<string, string> }) {
  const { settings } = useLibrary();
  const t = totalsOf(bookings, latest, ownMarginOf(settings));
  return (
    <section className="stack" aria-label={c.name}>
      <h2>{c.name} <span className="muted small">{c.start ? date(c.start) : ''}{c.end ? ` – ${date(c.end)}` : ''}</span></h2>
      <p>
        Spent <b>{money(t.cost, c.currency)}</b>{c.budget !== null && <> of {money(c.budget, c.currency)}</>} on {bookings.length} {bookings.length === 1 ? 'creator' : 'creators'};
        revenue <b>{t.revenue === null ? 'not reported for all' : money(t.revenue, c.currency)}</b>{t.orders !== null && <> from {whole(t.orders)} orders</>}; actual ROI <b>{signedPct(t.roi)}</b>.
      </p>
      <GoalChips checks={checkGoals(c.goals, t, { includeOrders: true })} currency={c.currency} />
      <table className="plain" data-testid="report-table">
        <thead><tr><th scope="col">Creator</th><th scope="col" className="n">Cost</th><th scope="col" className="n">Projected ROI at booking</th><th scope="col" className="n">Actual ROI</th><th scope="col" className="n">Revenue</th><th scope="col" className="n">Orders</th><th scope="col" className="n">CPM</th><th scope="col" className="n">Cost per engagement</th></tr></thead>
        <tbody>{bookings.map((b) => {
          const a = actualOf(b, latest, ownMarginOf(settings));
          return (
            <tr key={b.id}><td>{names.get(b.creatorKey) ?? b.creatorKey}</td><td className="n num">{money(a.cost, c.currency)}</td><td className="n num">{signedPct(b.projection.roiP10)} to {signedPct(b.projection.roiP90)} (median {signedPct(b.projection.roiP50)})</td>
              <td className="n num"><b>{signedPct(a.roi)}</b></td><td className="n num">{money(a.revenue, c.currency)}</td><td className="n num">{a.orders ?? '—'}</td><td className="n num">{money(a.cpm, c.currency)}</td><td className="n num">{money(a.cpe, c.currency)}</td></tr>
          );
        })}</tbody>
      </table>
    </section>
  );
}
