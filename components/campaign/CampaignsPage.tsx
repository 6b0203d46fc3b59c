/**
 * Campaigns: the list (spend against budget, results, goals) with a form for a new one,
 * and the ranking of creators to book again across every campaign, exportable as CSV and
 * as a printable report.
 */
import { useState } from 'react';
import { checkGoals, ownMarginOf, totalsOf, type latestByPost } from '@/lib/campaigns/actuals';
import { rankCreators } from '@/lib/campaigns/ranking';
import { newCampaign, saveCampaign } from '@/lib/campaigns/store';
import { go } from '@/lib/dashboard/route';
import { isCurrencyCode } from '@/lib/roi/money';
import type { Booking, Campaign } from '@/lib/schema';
import { date, money, signedPct } from '@/lib/view/format';
import { useLibrary } from '../dashboard/library-context';
import { GoalChips } from './GoalChips';
import { Ranking } from './Ranking';
import { useCampaignData } from './use-campaign-data';

export function CampaignsPage() {
  const { db, settings, creators } = useLibrary();
  const { campaigns, bookings, latest } = useCampaignData();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!campaigns || !bookings || !latest || !settings) return <p className="muted" aria-busy="true">Loading…</p>;
  const cur = currency ?? settings.currency;
  const ranking = rankCreators(campaigns, bookings, creators ?? [], latest, ownMarginOf(settings));

  return (
    <section className="stack-lg" aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">Campaigns</h1>
      <form className="card row" onSubmit={async (e) => {
        e.preventDefault();
        if (!isCurrencyCode(cur)) return setError('A currency is a three-letter code such as EUR.');
        const r = await saveCampaign(db, newCampaign(name.trim(), cur));
        if (!r.ok) return setError(r.reason);
        go(`#/campaign/${r.value}`);
      }}>
        <label className="grow">New campaign<input value={name} maxLength={200} placeholder="e.g. Spring launch 2027" onChange={(e) => { setName(e.target.value); setError(null); }} /></label>
        <label>Currency<input value={cur} size={4} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} /></label>
        <button type="submit" className="btn primary" disabled={!name.trim()}>Create</button>
        {error && <p className="notice error small" role="alert">{error}</p>}
      </form>

      {campaigns.length === 0 ? (
        <div className="card empty stack">
          <h2>No campaign yet</h2>
          <p>A campaign keeps the creators you book with the deal you agreed and what it was projected to return, their tracked links and discount codes, the posts they deliver — counted at each visit — and what they actually brought in.</p>
        </div>
      ) : (
        <div className="card table-wrap">
          <table className="plain" data-testid="campaigns">
            <thead><tr><th scope="col">Campaign</th><th scope="col">Dates</th><th scope="col" className="n">Creators</th><th scope="col" className="n">Spent / budget</th><th scope="col" className="n">Revenue</th><th scope="col" className="n">Actual ROI</th><th scope="col">Goals</th></tr></thead>
            <tbody>
              {campaigns.map((c) => <CampaignRow key={c.id} campaign={c} bookings={bookings.filter((b) => b.campaignId === c.id)} latest={latest} />)}
            </tbody>
          </table>
        </div>
      )}

      <Ranking rows={ranking} />
    </section>
  );
}

function CampaignRow({ campaign: c, bookings, latest }: { campaign: Campaign; bookings: Booking[]; latest: ReturnType<typeof latestByPost> }) {
  const { settings } = useLibrary();
  const t = totalsOf(bookings, latest, ownMarginOf(settings));
  const spent = bookings.reduce((a, b) => a + b.fee + b.extraCosts, 0);
  return (
    <tr>
      <td><a href={`#/campaign/${c.id}`}><b>{c.name}</b></a></td>
      <td className="small">{c.start ? date(c.start) : '—'} – {c.end ? date(c.end) : '—'}</td>
      <td className="n num">{bookings.length}</td>
      <td className="n num">{money(spent, c.currency)}{c.budget !== null ? ` / ${money(c.budget, c.currency)}` : ''}</td>
      <td className="n num">{t.revenue === null ? '—' : money(t.revenue, c.currency)}</td>
      <td className="n num">{signedPct(t.roi)}</td>
      <td><GoalChips checks={checkGoals(c.goals, t, { includeOrders: true })} /></td>
    </tr>
  );
}
