/**
 * One campaign: its details and goals, booking saved creators (the projection is made at
 * booking and kept), each booking's tracked link, code, deliverable posts (charted against
 * the creator's usual posts) and results, entered by hand or imported from a report CSV;
 * actual beside projected, and the goals met. Each of those is its own file here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { budgetUse, checkGoals, latestByPost, ownMarginOf, totalsOf } from '@/lib/campaigns/actuals';
import { deleteCampaign } from '@/lib/campaigns/store';
import { go } from '@/lib/dashboard/route';
import { date, money, signedPct, times, whole } from '@/lib/view/format';
import { ConfirmDialog } from '../dashboard/ConfirmDialog';
import { useLibrary } from '../dashboard/library-context';
import { BookForm } from './BookForm';
import { BookingPanel } from './BookingPanel';
import { BookingsTable } from './BookingsTable';
import { CampaignForm } from './CampaignForm';
import { GoalChips } from './GoalChips';
import { ResultsImport } from './ResultsImport';

export default function CampaignPage({ id }: { id: number }) {
  const { db, settings } = useLibrary();
  const campaign = useLiveQuery(() => db.campaigns.get(id), [id]);
  const bookings = useLiveQuery(() => db.bookings.where('campaignId').equals(id).toArray(), [id]);
  const observations = useLiveQuery(() => db.postObservations.toArray(), []);
  const [deleting, setDeleting] = useState(false);

  if (campaign === undefined && bookings === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  if (!campaign) return <section className="card empty stack"><h1>No such campaign</h1><p>It may have been deleted. <a href="#/campaigns">All campaigns</a>.</p></section>;
  if (!bookings || !observations) return <p className="muted" aria-busy="true">Loading…</p>;

  const latest = latestByPost(observations);
  const totals = totalsOf(bookings, latest, ownMarginOf(settings));
  const budget = budgetUse(campaign, bookings);
  const cur = campaign.currency;

  return (
    <article className="stack-lg" aria-labelledby="campaign-title">
      <nav className="small" aria-label="Breadcrumb"><a href="#/campaigns">Campaigns</a> / {campaign.name}</nav>
      <header className="spread">
        <div>
          <h1 id="campaign-title">{campaign.name}</h1>
          <p className="muted">{campaign.start ? date(campaign.start) : 'no start date'} – {campaign.end ? date(campaign.end) : 'no end date'} · {cur} · {bookings.length} {bookings.length === 1 ? 'creator' : 'creators'} booked</p>
        </div>
        <div className="row">
          <a className="btn" href={`#/report?campaign=${id}`}>Report ↗</a>
          <button type="button" className="btn danger" onClick={() => setDeleting(true)}>Delete…</button>
        </div>
      </header>

      <section className="summary-cards" aria-label="Results so far">
        <Figure label="Spent" value={money(budget.spent, cur)} sub={campaign.budget === null ? 'no budget set' : `of ${money(campaign.budget, cur)}${budget.left !== null && budget.left < 0 ? ' — over budget' : ''}`} />
        <Figure label="Revenue reported" value={totals.revenue === null ? '—' : money(totals.revenue, cur)} sub={totals.orders === null ? 'results missing for some creators' : `${whole(totals.orders)} orders`} />
        <Figure label="Actual ROI" value={signedPct(totals.roi)} sub={totals.roas === null ? '' : `ROAS ${times(totals.roas)}`} testId="campaign-roi" />
        <Figure label="CPM / cost per engagement" value={`${money(totals.cpm, cur)} / ${money(totals.cpe, cur)}`} sub="from the delivered posts’ latest counts" />
        <div className="card stack"><span className="muted small">Goals</span><GoalChips checks={checkGoals(campaign.goals, totals, { includeOrders: true })} currency={cur} /></div>
      </section>

      <CampaignForm campaign={campaign} />
      <BookForm campaign={campaign} booked={new Set(bookings.map((b) => b.creatorKey))} />

      <BookingsTable campaign={campaign} bookings={bookings} latest={latest} totals={totals} />

      {bookings.map((b) => <BookingPanel key={`${b.id}-${b.actual.updatedAt}-${b.link}-${b.code}`} booking={b} campaign={campaign} observations={observations.filter((o) => b.postKeys.includes(o.postKey))} />)}

      {bookings.length > 0 && <ResultsImport campaign={campaign} bookings={bookings} />}

      {deleting && (
        <ConfirmDialog title={`Delete “${campaign.name}”?`} confirm="Delete campaign" danger onCancel={() => setDeleting(false)}
          onConfirm={() => { setDeleting(false); void deleteCampaign(db, id).then(() => go('#/campaigns')); }}>
          Its {bookings.length} bookings, links, codes and results are deleted. The creators and the posts’ counts stay in the library.
        </ConfirmDialog>
      )}
    </article>
  );
}

function Figure({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return <div className="card"><div className="muted small">{label}</div><div className="big" data-testid={testId}>{value}</div>{sub && <div className="muted small">{sub}</div>}</div>;
}
