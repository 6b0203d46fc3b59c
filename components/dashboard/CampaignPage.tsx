/**
 * One campaign: its details and goals, booking saved creators (the projection is made at
 * booking and kept), each booking's tracked link, code, deliverable posts (charted against
 * the creator's usual posts) and results, entered by hand or imported from a report CSV;
 * actual beside projected, and the goals met.
 */
import type { ChartConfiguration } from 'chart.js';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { postsOf } from '@/lib/db/buckets';
import { actualOf, budgetUse, checkGoals, latestByPost, totalsOf } from '@/lib/campaigns/actuals';
import { buildLink } from '@/lib/campaigns/links';
import { guessMapping, planResults, readResultsCsv, type Mapping, type ResultChange, type ResultsTable } from '@/lib/campaigns/results';
import { applyResults, bookCreator, deleteCampaign, editBooking, markPost, saveCampaign, unmarkPost } from '@/lib/campaigns/store';
import { go } from '@/lib/dashboard/route';
import { medianViews } from '@/lib/metrics/engagement';
import { median } from '@/lib/metrics/stats';
import { parseFee } from '@/lib/overlay/model';
import { percentField, toFraction } from '@/lib/roi/percent';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import type { Booking, Campaign, PostObservation } from '@/lib/schema';
import { compact, date, dateTime, signedPct, whole } from '@/lib/ui/format';
import { recentOf } from '@/lib/ui/subject';
import { PLATFORM_NAME } from '../ui/CreatorSummary';
import { DEFAULT_DELIVERABLE } from '../ui/QuoteForm';
import { useLibrary } from './library-context';
import { GoalChips, money } from './campaign-ui';
import { ChartCanvas, type Palette } from './Chart';
import { ConfirmDialog } from './ConfirmDialog';

const DAY = 86_400_000;
const dayInput = (t: number | null) => (t === null ? '' : new Date(t).toISOString().slice(0, 10));
const fromDayInput = (v: string) => (v ? Date.parse(`${v}T00:00:00Z`) : null);
const numOrNull = (v: string): number | null => (v.trim() === '' ? null : Number(v.replace(',', '.')));

export default function CampaignPage({ id }: { id: number }) {
  const { db, creators } = useLibrary();
  const campaign = useLiveQuery(() => db.campaigns.get(id), [id]);
  const bookings = useLiveQuery(() => db.bookings.where('campaignId').equals(id).toArray(), [id]);
  const observations = useLiveQuery(() => db.postObservations.toArray(), []);
  const [deleting, setDeleting] = useState(false);

  if (campaign === undefined && bookings === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  if (!campaign) return <section className="card empty stack"><h1>No such campaign</h1><p>It may have been deleted. <a href="#/campaigns">All campaigns</a>.</p></section>;
  if (!bookings || !observations) return <p className="muted" aria-busy="true">Loading…</p>;

  const latest = latestByPost(observations);
  const totals = totalsOf(bookings, latest);
  const budget = budgetUse(campaign, bookings);
  const byKey = new Map((creators ?? []).map((c) => [c.key, c]));
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
        <Figure label="Actual ROI" value={signedPct(totals.roi)} sub={totals.roas === null ? '' : `ROAS ${totals.roas.toFixed(2)}×`} testId="campaign-roi" />
        <Figure label="CPM / cost per engagement" value={`${money(totals.cpm, cur)} / ${money(totals.cpe, cur)}`} sub="from the delivered posts’ latest counts" />
        <div className="card stack"><span className="muted small">Goals</span><GoalChips checks={checkGoals(campaign.goals, totals, { includeOrders: true })} currency={cur} /></div>
      </section>

      <CampaignForm campaign={campaign} />
      <BookForm campaign={campaign} booked={new Set(bookings.map((b) => b.creatorKey))} />

      <section className="card stack" aria-labelledby="bookings-title">
        <h2 id="bookings-title">Booked creators: projected at booking, and actual</h2>
        {bookings.length === 0 ? <p className="muted">Book a saved creator above. The fee is weighed then, with your settings at that time, and that projection is kept as it was.</p> : (
          <div className="table-wrap">
            <table className="plain" data-testid="bookings">
              <thead>
                <tr><th scope="col">Creator</th><th scope="col" className="n">Cost</th><th scope="col" className="n">Projected ROI (P10–P90)</th><th scope="col" className="n">Actual ROI</th><th scope="col" className="n">ROAS</th><th scope="col" className="n">CPM projected / actual</th><th scope="col" className="n">Cost per engagement</th><th scope="col" className="n">CPA</th><th scope="col">Goals</th></tr>
              </thead>
              <tbody>
                {bookings.map((b) => {
                  const a = actualOf(b, latest);
                  const c = byKey.get(b.creatorKey);
                  return (
                    <tr key={b.id} data-testid={`booking-${b.creatorKey}`}>
                      <td><b>{c?.displayName ?? b.creatorKey}</b><div className="muted small">{b.creatorKey} · booked {date(b.bookedAt)}</div></td>
                      <td className="n num">{money(b.fee + b.extraCosts, cur)}</td>
                      <td className="n num" data-testid="projected">{signedPct(b.projection.roiP10)} to {signedPct(b.projection.roiP90)}<div className="muted small">median {signedPct(b.projection.roiP50)}</div></td>
                      <td className="n num" data-testid="actual-roi"><b>{signedPct(a.roi)}</b></td>
                      <td className="n num">{a.roas === null ? '—' : `${a.roas.toFixed(2)}×`}</td>
                      <td className="n num">{money(b.projection.cpm, cur)} / {money(a.cpm, cur)}</td>
                      <td className="n num">{money(a.cpe, cur)}</td>
                      <td className="n num">{money(a.cpa, cur)}</td>
                      <td><GoalChips checks={checkGoals(campaign.goals, a, { includeOrders: false })} currency={cur} /></td>
                    </tr>
                  );
                })}
                <tr className="total"><th scope="row">Campaign</th><td className="n num">{money(totals.cost, cur)}</td><td /><td className="n num"><b>{signedPct(totals.roi)}</b></td><td className="n num">{totals.roas === null ? '—' : `${totals.roas.toFixed(2)}×`}</td><td className="n num">{money(totals.cpm, cur)}</td><td className="n num">{money(totals.cpe, cur)}</td><td className="n num">{money(totals.cpa, cur)}</td><td /></tr>
              </tbody>
            </table>
          </div>
        )}
        <p className="muted small">Actual ROI = (revenue × the margin the projection used − cost) / cost. Revenue, orders and clicks come from your link and code reports; views and engagements from the delivered posts as their pages showed them.</p>
      </section>

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

function CampaignForm({ campaign }: { campaign: Campaign }) {
  const { db } = useLibrary();
  const [d, setD] = useState(() => ({
    name: campaign.name, start: dayInput(campaign.start), end: dayInput(campaign.end), budget: campaign.budget?.toString() ?? '', currency: campaign.currency,
    targetRoi: campaign.goals.targetRoi === null ? '' : percentField(campaign.goals.targetRoi, 2), targetCpm: campaign.goals.targetCpm?.toString() ?? '',
    targetCpe: campaign.goals.targetCpe?.toString() ?? '', targetOrders: campaign.goals.targetOrders?.toString() ?? '', landingUrl: campaign.landingUrl, utmPattern: campaign.utmPattern,
  }));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Open at first for a new campaign; after that the user opens and closes it.
  const [openAtFirst] = useState(() => !campaign.landingUrl && campaign.goals.targetRoi === null);
  const set = (k: keyof typeof d) => (e: { target: { value: string } }) => { setD({ ...d, [k]: e.target.value }); setStatus(null); };
  const example = d.landingUrl ? buildLink(d.landingUrl, d.utmPattern, { platform: 'instagram', handle: 'creator.handle', campaign: d.name || 'campaign' }) : null;
  return (
    <details className="card" open={openAtFirst}>
      <summary>Details, goals and tracked links</summary>
      <form className="stack" style={{ marginTop: 12 }} onSubmit={async (e) => {
        e.preventDefault();
        const roi = numOrNull(d.targetRoi);
        const next: Campaign = {
          ...campaign, name: d.name, start: fromDayInput(d.start), end: fromDayInput(d.end), budget: numOrNull(d.budget), currency: d.currency.toUpperCase(),
          goals: { targetRoi: roi === null ? null : toFraction(roi), targetCpm: numOrNull(d.targetCpm), targetCpe: numOrNull(d.targetCpe), targetOrders: numOrNull(d.targetOrders) },
          landingUrl: d.landingUrl.trim(), utmPattern: d.utmPattern,
        };
        if (Object.values(next.goals).concat(next.budget).some((v) => v !== null && !Number.isFinite(v))) return setStatus({ ok: false, text: 'Budget and goals are numbers (or empty for none).' });
        if (next.landingUrl && example && !example.ok) return setStatus({ ok: false, text: example.reason });
        const r = await saveCampaign(db, next);
        setStatus(r.ok ? { ok: true, text: 'Saved. Links already built stay as they are; rebuild them per creator below.' } : { ok: false, text: r.reason });
      }}>
        <div className="form-grid">
          <label>Name<input value={d.name} maxLength={200} onChange={set('name')} /></label>
          <label>Starts<input type="date" value={d.start} onChange={set('start')} /></label>
          <label>Ends<input type="date" value={d.end} onChange={set('end')} /></label>
          <label>Budget ({d.currency})<input inputMode="decimal" value={d.budget} onChange={set('budget')} /></label>
          <label>Currency<input value={d.currency} maxLength={3} onChange={set('currency')} /></label>
          <label>Target ROI (%)<input inputMode="decimal" value={d.targetRoi} placeholder="none" onChange={set('targetRoi')} /></label>
          <label>Target CPM ({d.currency})<input inputMode="decimal" value={d.targetCpm} placeholder="none" onChange={set('targetCpm')} /></label>
          <label>Target cost per engagement<input inputMode="decimal" value={d.targetCpe} placeholder="none" onChange={set('targetCpe')} /></label>
          <label>Target orders<input inputMode="numeric" value={d.targetOrders} placeholder="none" onChange={set('targetOrders')} /></label>
        </div>
        <label>Landing page of the tracked links<input value={d.landingUrl} placeholder="https://shop.example/spring" onChange={set('landingUrl')} /></label>
        <label>Link parameters ({'{platform}'}, {'{handle}'}, {'{campaign}'})<input value={d.utmPattern} onChange={set('utmPattern')} /></label>
        {example && <p className="small">{example.ok ? <>Example: <code className="link">{example.url}</code></> : <span className="down">{example.reason}</span>}</p>}
        <div className="row"><button type="submit" className="btn primary">Save campaign</button>{status && <span className={`small ${status.ok ? 'up' : 'down'}`} role="status">{status.text}</span>}</div>
      </form>
    </details>
  );
}

function BookForm({ campaign, booked }: { campaign: Campaign; booked: Set<string> }) {
  const { db, creators } = useLibrary();
  const [who, setWho] = useState('');
  const [fee, setFee] = useState('');
  const [extra, setExtra] = useState('');
  const [deliverable, setDeliverable] = useState<Deliverable | null>(null);
  const [deliverables, setDeliverables] = useState('');
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const options = useMemo(() => new Map((creators ?? []).filter((c) => c.savedAt !== null).map((c) => [`${c.displayName ?? c.handle} (@${c.handle}, ${PLATFORM_NAME[c.platform]})`, c])), [creators]);
  const creator = options.get(who);
  const d = deliverable ?? (creator ? DEFAULT_DELIVERABLE[creator.platform] : 'post');
  return (
    <form className="card stack" aria-labelledby="book-title" onSubmit={async (e) => {
      e.preventDefault();
      if (!creator) return setStatus({ ok: false, text: 'Choose a saved creator from the list.' });
      const f = parseFee(fee, navigator.language);
      const x = extra.trim() ? parseFee(extra, navigator.language) : 0;
      if (f === null) return setStatus({ ok: false, text: 'Type the agreed fee as a number.' });
      if (x === null) return setStatus({ ok: false, text: 'Extra costs are a number (or empty).' });
      const r = await bookCreator(db, campaign.id!, { creatorKey: creator.key, fee: f, extraCosts: x, deliverable: d, deliverables, code });
      if (!r.ok) return setStatus({ ok: false, text: r.reason });
      setStatus({ ok: true, text: `Booked @${creator.handle}.` });
      setWho(''); setFee(''); setExtra(''); setDeliverables(''); setCode(''); setDeliverable(null);
    }}>
      <h2 id="book-title">Book a creator</h2>
      <div className="form-grid">
        <label className="wide">Saved creator<input list="book-options" value={who} placeholder="Type a name or @handle" onChange={(e) => { setWho(e.target.value); setStatus(null); }} /></label>
        <datalist id="book-options">{[...options.keys()].filter((k) => !booked.has(options.get(k)!.key)).slice(0, 300).map((k) => <option key={k} value={k} />)}</datalist>
        <label>Agreed fee ({campaign.currency})<input inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} /></label>
        <label>Extra costs<input inputMode="decimal" value={extra} placeholder="product, shipping…" onChange={(e) => setExtra(e.target.value)} /></label>
        <label>Main deliverable<select value={d} onChange={(e) => setDeliverable(e.target.value as Deliverable)}>{DELIVERABLES.map((x) => <option key={x} value={x}>{x}</option>)}</select></label>
        <label>Deliverables agreed<input value={deliverables} maxLength={500} placeholder="1 reel + 3 stories" onChange={(e) => setDeliverables(e.target.value)} /></label>
        <label>Discount code<input value={code} maxLength={64} placeholder="e.g. MAYA15" onChange={(e) => setCode(e.target.value)} /></label>
      </div>
      <div className="row"><button type="submit" className="btn primary" disabled={!who}>Book</button>{status && <span className={`small ${status.ok ? 'up' : 'down'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</span>}</div>
    </form>
  );
}

function BookingPanel({ booking: b, campaign, observations }: { booking: Booking; campaign: Campaign; observations: PostObservation[] }) {
  const { db, creators } = useLibrary();
  const creator = creators?.find((c) => c.key === b.creatorKey);
  const [link, setLink] = useState(b.link);
  const [code, setCode] = useState(b.code);
  const [clicks, setClicks] = useState(b.actual.clicks?.toString() ?? '');
  const [orders, setOrders] = useState(b.actual.orders?.toString() ?? '');
  const [revenue, setRevenue] = useState(b.actual.revenue?.toString() ?? '');
  const [postUrl, setPostUrl] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const posts = useLiveQuery(() => postsOf(db, b.creatorKey), [b.creatorKey]);
  const name = creator?.displayName ?? b.creatorKey;
  const report = (r: { ok: true } | { ok: false; reason: string }, ok: string) => setStatus(r.ok ? { ok: true, text: ok } : { ok: false, text: r.reason });
  const rebuilt = creator && campaign.landingUrl ? buildLink(campaign.landingUrl, campaign.utmPattern, { platform: creator.platform, handle: creator.handle, campaign: campaign.name }) : null;

  return (
    <section className="card stack booking" aria-label={`${name}: link, posts and results`} data-testid={`panel-${b.creatorKey}`}>
      <div className="spread"><h2>{name} <span className="muted small">{b.deliverables || b.deliverable}</span></h2><span className="muted small">fee {money(b.fee, campaign.currency)}{b.extraCosts ? ` + ${money(b.extraCosts, campaign.currency)} extra` : ''}</span></div>
      <div className="two-col">
        <div className="stack">
          <h3>Tracked link and code</h3>
          <div className="row">
            <input className="grow link" aria-label={`Tracked link for ${name}`} value={link} placeholder="Set the campaign’s landing page to build one" onChange={(e) => setLink(e.target.value)} />
            <button type="button" className="btn" disabled={!link} onClick={() => navigator.clipboard.writeText(link).then(() => setStatus({ ok: true, text: 'Link copied.' }), () => setStatus({ ok: false, text: 'The browser refused the clipboard; select the link and copy it.' }))}>Copy</button>
            {rebuilt?.ok && rebuilt.url !== link && <button type="button" className="btn ghost small" onClick={() => setLink(rebuilt.url)}>Rebuild from the campaign’s pattern</button>}
          </div>
          <div className="row">
            <label>Discount code<input aria-label={`Discount code for ${name}`} value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} /></label>
            <button type="button" className="btn" disabled={link === b.link && code === b.code} onClick={async () => report(await editBooking(db, b.id!, { link, code }), 'Link and code saved.')}>Save link and code</button>
          </div>
          <h3>Results from your reports</h3>
          <div className="row">
            <label>Clicks<input aria-label={`Clicks for ${name}`} inputMode="numeric" size={8} value={clicks} onChange={(e) => setClicks(e.target.value)} /></label>
            <label>Orders<input aria-label={`Orders for ${name}`} inputMode="numeric" size={8} value={orders} onChange={(e) => setOrders(e.target.value)} /></label>
            <label>Revenue ({campaign.currency})<input aria-label={`Revenue for ${name}`} inputMode="decimal" size={10} value={revenue} onChange={(e) => setRevenue(e.target.value)} /></label>
            <button type="button" className="btn" onClick={async () => {
              const actual = { clicks: numOrNull(clicks), orders: numOrNull(orders), revenue: numOrNull(revenue) };
              report(await editBooking(db, b.id!, { actual }), 'Results saved.');
            }}>Save results</button>
          </div>
          {b.actual.updatedAt && <p className="muted small">Last updated {dateTime(b.actual.updatedAt)}.</p>}
        </div>
        <div className="stack">
          <h3>Delivered posts</h3>
          <form className="row" onSubmit={async (e) => {
            e.preventDefault();
            const r = await markPost(db, b.id!, postUrl);
            report(r.ok ? { ok: true } : r, 'Post marked: each visit to its page now records its counts.');
            if (r.ok) setPostUrl('');
          }}>
            <input className="grow" aria-label={`Post or video URL delivered by ${name}`} value={postUrl} placeholder="Paste the post’s address" onChange={(e) => setPostUrl(e.target.value)} />
            <button type="submit" className="btn" disabled={!postUrl.trim()}>Mark as deliverable</button>
          </form>
          {b.postKeys.length === 0 ? <p className="muted small">No post marked yet. Paste its address here, or open the post and press “Mark as deliverable” on the Creator Lens panel; each later visit to its page then records its counts.</p> : (
            <ul className="posts">
              {b.postKeys.map((k) => {
                const obs = observations.filter((o) => o.postKey === k).sort((x, y) => x.takenAt - y.takenAt);
                const last = obs.at(-1);
                return (
                  <li key={k} className="spread">
                    <span><code>{k.split(':')[1]}</code> <span className="muted small">{last ? `${last.views !== null ? `${compact(last.views)} views · ` : ''}${last.likes !== null ? `${compact(last.likes)} likes · ` : ''}${obs.length} ${obs.length === 1 ? 'visit' : 'visits'}, last ${dateTime(last.takenAt)}` : 'not visited since marked'}</span></span>
                    <button type="button" className="btn small ghost" aria-label={`Remove ${k.split(":")[1]} from the tracked posts`} onClick={() => void unmarkPost(db, b.id!, k)}>Remove</button>
                  </li>
                );
              })}
            </ul>
          )}
          {observations.length > 0 && posts && <PostChart observations={observations} organic={posts.filter((p) => !b.postKeys.includes(p.key))} platform={b.creatorKey.split(':')[0]!} />}
        </div>
      </div>
      {status && <p className={`small ${status.ok ? 'up' : 'down'}`} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}

/** The delivered posts' views (or likes) at each visit, against the creator's usual post (the median of recent organic posts). */
function PostChart({ observations, organic, platform }: { observations: PostObservation[]; organic: import('@/lib/schema').Post[]; platform: string }) {
  const useViews = observations.some((o) => o.views !== null);
  const metric = useViews ? 'views' : 'likes';
  const recent = recentOf(organic);
  const usual = useViews ? medianViews(recent) : median(organic.map((p) => p.likes).filter((v): v is number => v !== null));
  const keys = [...new Set(observations.map((o) => o.postKey))];
  const t0 = Math.min(...observations.map((o) => o.takenAt));
  const config = useCallback((p: Palette): ChartConfiguration => ({
    type: 'line',
    data: {
      datasets: [
        ...keys.map((k, i) => ({
          label: `Sponsored ${k.split(':')[1]}`,
          data: observations.filter((o) => o.postKey === k && o[metric] !== null).sort((a, b) => a.takenAt - b.takenAt).map((o) => ({ x: (o.takenAt - t0) / DAY, y: o[metric]! })),
          borderColor: i === 0 ? p.accent : p.fg, backgroundColor: i === 0 ? p.accent : p.fg, pointRadius: 4,
        })),
        ...(usual !== null ? [{ label: `Usual post (median of ${organic.length} organic)`, data: [{ x: 0, y: usual }, { x: Math.max(1, (Math.max(...observations.map((o) => o.takenAt)) - t0) / DAY), y: usual }], borderColor: p.good, borderDash: [6, 4], pointRadius: 0 }] : []),
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom' } },
      scales: {
        x: { type: 'linear', title: { display: true, text: `Days since first count (${date(t0)})` } },
        y: { beginAtZero: true, title: { display: true, text: `${metric[0]!.toUpperCase()}${metric.slice(1)} (count)` }, ticks: { callback: (v) => compact(Number(v)) } },
      },
    },
  }), [observations, organic]);
  return <ChartCanvas config={config} height={220} label={`Sponsored posts’ ${metric} at each visit${usual !== null ? `, against the usual ${compact(usual)} ${metric}` : ''} (${platform})`} testId="chart-post" />;
}

function ResultsImport({ campaign, bookings }: { campaign: Campaign; bookings: Booking[] }) {
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
