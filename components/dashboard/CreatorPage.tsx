/**
 * One creator: the latest numbers and engagement against the band, history charts
 * (followers over time, engagement of recent posts against the band, growth per week),
 * a quote form, the deals kept (with the assumptions used), lists, tags, notes and every
 * snapshot.
 */
import type { ChartConfiguration } from 'chart.js';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { dealOf } from '@/lib/roi/deal';
import { postsOf } from '@/lib/db/buckets';
import { describeDbError } from '@/lib/db/errors';
import { addToList, history, removeFromList, setNotes, setTags } from '@/lib/db/library';
import { benchmarkFor, tierOf } from '@/lib/metrics/benchmarks';
import { engagement } from '@/lib/metrics/engagement';
import { weeklyGrowthSeries } from '@/lib/metrics/growth';
import { formatCount, type CreatorView } from '@/lib/overlay/model';
import { formatMoney } from '@/lib/roi/money';
import { toFraction, toPercent } from '@/lib/roi/percent';
import { quote } from '@/lib/roi/quote';
import { DealSchema, describeIssues, type Deal, type Post, type Snapshot } from '@/lib/schema';
import { compact, date, dateTime, pct, signedPct } from '@/lib/ui/format';
import { readingFromLibrary, recentOf } from '@/lib/ui/subject';
import type { Platform } from '@/lib/sites/types';
import { CreatorSummary, PLATFORM_NAME } from '../ui/CreatorSummary';
import { QuoteForm } from '../ui/QuoteForm';
import { useLibrary } from './library-context';
import { ChartCanvas, type Palette } from './Chart';
import { ConfirmDialog } from './ConfirmDialog';

export default function CreatorPage({ creatorKey }: { creatorKey: string }) {
  const { db, settings } = useLibrary();
  const creator = useLiveQuery(() => db.creators.get(creatorKey), [creatorKey]);
  const snapshots = useLiveQuery(() => history(db, creatorKey), [creatorKey]);
  const posts = useLiveQuery(() => postsOf(db, creatorKey), [creatorKey]);
  const deals = useLiveQuery(() => db.deals.where('creatorKey').equals(creatorKey).reverse().sortBy('createdAt'), [creatorKey]);
  const allLists = useLiveQuery(() => db.creators.orderBy('lists').uniqueKeys(), []) as string[] | undefined;

  if (creator === undefined && snapshots === undefined) return <p className="muted" aria-busy="true">Loading…</p>;
  if (!creator) {
    return (
      <section className="empty card stack">
        <h1>Not in the library</h1>
        <p>No creator “{creatorKey}” is saved. It may have been deleted. <a href="#/creators">Back to all creators</a>.</p>
      </section>
    );
  }
  if (!settings || !snapshots || !posts) return <p className="muted" aria-busy="true">Loading…</p>;

  const reading = readingFromLibrary(creator, snapshots.at(-1), posts);
  const view: CreatorView = {
    creatorKey, saved: creator.savedAt !== null, lists: creator.lists, allLists: allLists ?? [],
    previous: snapshots.at(-2) ? { takenAt: snapshots.at(-2)!.takenAt, followers: snapshots.at(-2)!.followers } : null,
    settings: { currency: settings.currency, assumptions: settings.assumptions, tierBoundaries: settings.tierBoundaries, benchmarkOverrides: settings.benchmarkOverrides },
  };
  const name = creator.displayName ?? `@${creator.handle}`;

  return (
    <article className="stack-lg creator-page" aria-labelledby="creator-title">
      <nav className="small" aria-label="Breadcrumb"><a href="#/creators">Creators</a> / {name}</nav>
      <header className="spread">
        <div>
          <h1 id="creator-title">{name}</h1>
          <p className="muted">
            @{creator.handle} · {PLATFORM_NAME[creator.platform]} · {creator.savedAt ? `saved ${date(creator.savedAt)}` : 'recorded, not saved'} · last seen {dateTime(creator.lastSeenAt)}
          </p>
        </div>
        <a className="btn" href={creator.url} target="_blank" rel="noreferrer noopener">Open profile ↗</a>
      </header>

      <div className="two-col">
        <section className="card" aria-label="Latest numbers">
          <p className="muted small">Latest snapshot{creator.latest ? `, ${dateTime(creator.latest.takenAt)}` : ''}</p>
          <CreatorSummary reading={reading} view={view} locale={navigator.language} />
        </section>
        <section className="card stack" aria-labelledby="quote-title">
          <h2 id="quote-title">Weigh a quoted fee</h2>
          <QuoteForm reading={reading} settings={view.settings} locale={navigator.language}
            onKeep={async (r) => {
              const q = quote({ platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable: r.deliverable, fee: r.fee, currency: r.currency, assumptions: r.assumptions, impressions: r.impressions, tierBoundaries: settings.tierBoundaries });
              if (!q.ok) return q;
              const checked = DealSchema.safeParse(dealOf(creatorKey, q, Date.now()));
              if (!checked.success) return { ok: false, reason: describeIssues(checked.error) };
              try {
                await db.deals.add(checked.data);
                return { ok: true };
              } catch (e) {
                return { ok: false, reason: describeDbError(e) };
              }
            }} />
        </section>
      </div>

      <Charts snapshots={snapshots} posts={posts} platform={creator.platform} followers={reading.followers} />

      <Deals deals={deals ?? []} />

      <div className="two-col">
        <Labels creatorKey={creatorKey} lists={creator.lists} tags={creator.tags} allLists={allLists ?? []} />
        <Notes creatorKey={creatorKey} notes={creator.notes} />
      </div>

      <Snapshots snapshots={snapshots} platform={creator.platform} />
    </article>
  );
}

function Charts({ snapshots, posts, platform, followers }: { snapshots: Snapshot[]; posts: Post[]; platform: Platform; followers: number | null }) {
  const settings = useLibrary().settings!;
  const now = Date.now();
  const points = snapshots.filter((s) => s.followers !== null);
  const tier = tierOf(followers, settings.tierBoundaries);
  const band = tier ? benchmarkFor(platform, tier, settings.benchmarkOverrides) : null;
  const perPost = recentOf(posts)
    .map((p, i) => ({ p, i, rate: engagement({ platform, followers, posts: [p], now }).engagement.median }))
    .filter((x) => x.rate !== null)
    .slice(0, 24)
    .reverse();
  const weekly = weeklyGrowthSeries(snapshots);
  const word = platform === 'youtube' ? 'Subscribers' : 'Followers';

  const followersConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'line',
    data: { datasets: [{ label: word, data: points.map((s) => ({ x: s.takenAt, y: s.followers! })), borderColor: p.accent, backgroundColor: p.accent, pointRadius: points.length > 60 ? 0 : 3, tension: 0.2 }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: (items) => dateTime(items[0]!.parsed.x as number), label: (item) => `${word}: ${compact(item.parsed.y as number)}` } } },
      scales: {
        x: { type: 'linear', min: points[0]?.takenAt, max: points.at(-1)?.takenAt, title: { display: true, text: 'Date of snapshot' }, ticks: { callback: (v) => date(Number(v), 'short'), maxTicksLimit: 6 } },
        y: { title: { display: true, text: `${word} (count)` }, ticks: { callback: (v) => compact(Number(v)) } },
      },
    },
  }), [snapshots]);

  const engagementConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: perPost.map((x) => x.p.publishedText ?? `post ${x.i + 1}`),
      datasets: [{ label: 'Engagement rate', data: perPost.map((x) => toPercent(x.rate!)), backgroundColor: p.accent, maxBarThickness: 48 }],
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item: { parsed: { y: number } }) => `Engagement ${item.parsed.y.toFixed(2)} %` } },
        ...(band && { band: { low: toPercent(band.low), high: toPercent(band.high), fill: p.band, stroke: p.good } }),
      } as never,
      scales: {
        x: { title: { display: true, text: 'Recent posts, oldest to newest' } },
        y: { beginAtZero: true, suggestedMax: Math.max(...perPost.map((x) => toPercent(x.rate!)), band ? toPercent(band.high) * 1.25 : 0), title: { display: true, text: 'Engagement rate (%)' } },
      },
    },
  }), [posts]);

  const growthConfig = useCallback((p: Palette): ChartConfiguration => ({
    type: 'bar',
    data: { labels: weekly.map((w) => date(w.takenAt, 'short')), datasets: [{ label: 'Growth per week', data: weekly.map((w) => toPercent(w.rate)), backgroundColor: weekly.map((w) => (w.rate < 0 ? p.bad : p.good)) }] },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${signedPct(toFraction(item.parsed.y as number), 2)} per week` } } },
      scales: { x: { title: { display: true, text: 'Snapshot date (interval ending)' } }, y: { title: { display: true, text: `${word} growth (% per week)` } } },
    },
  }), [snapshots]);

  return (
    <section className="charts" aria-label="History">
      <figure className="card">
        <figcaption><h2>{word} over time</h2></figcaption>
        {points.length < 2 ? <p className="muted empty-chart">One snapshot so far. Each later visit to the profile adds one, and the line appears with the second.</p>
          : <ChartCanvas config={followersConfig} label={`${word} from ${compact(points[0]!.followers)} on ${date(points[0]!.takenAt)} to ${compact(points.at(-1)!.followers)} on ${date(points.at(-1)!.takenAt)}`} testId="chart-followers" />}
      </figure>
      <figure className="card">
        <figcaption><h2>Engagement of recent posts</h2><p className="muted small">{band ? <>Shaded: the {tier} band {pct(band.low)}–{pct(band.high)}, {band.definition} ({band.source}, {band.year}).</> : 'No band: the follower count is unknown.'}</p></figcaption>
        {perPost.length === 0 ? <p className="muted empty-chart">{posts.length ? 'The pages showed no likes or comments for these posts, so their engagement is unknown.' : 'No posts seen yet. Posts are recorded from the profile’s grid when it shows their counts.'}</p>
          : <ChartCanvas config={engagementConfig} label={`Engagement of ${perPost.length} recent posts, median ${pct(engagement({ platform, followers, posts: recentOf(posts), now }).engagement.median)}`} testId="chart-engagement" />}
      </figure>
      <figure className="card">
        <figcaption><h2>Growth rate</h2></figcaption>
        {weekly.length === 0 ? <p className="muted empty-chart">Growth needs two snapshots at least a day apart.</p>
          : <ChartCanvas config={growthConfig} label={`Follower growth per week between ${weekly.length + 1} snapshots`} testId="chart-growth" />}
      </figure>
    </section>
  );
}

function Deals({ deals }: { deals: Deal[] }) {
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
          onConfirm={() => { void db.deals.delete(removing.id!); setRemoving(null); }}>
          The quote of {dateTime(removing.createdAt)} and its projection are deleted.
        </ConfirmDialog>
      )}
    </section>
  );
}

function Labels({ creatorKey, lists, tags, allLists }: { creatorKey: string; lists: string[]; tags: string[]; allLists: string[] }) {
  const { db } = useLibrary();
  const [list, setList] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (f: () => Promise<unknown>) => f().then(() => setError(null), (e) => setError(e instanceof RangeError ? e.message : describeDbError(e)));
  return (
    <section className="card stack" aria-labelledby="labels-title">
      <h2 id="labels-title">Lists and tags</h2>
      <div className="row" aria-label="Lists">
        {lists.length === 0 && <span className="muted small">In no list.</span>}
        {lists.map((l) => <span key={l} className="chip">{l}<button type="button" className="chip-x" aria-label={`Remove from ${l}`} onClick={() => run(() => removeFromList(db, [creatorKey], l))}>×</button></span>)}
      </div>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (list.trim()) void run(() => addToList(db, [creatorKey], list)).then(() => setList('')); }}>
        <input aria-label="Add to list" placeholder="Add to list…" list="creator-lists" value={list} maxLength={100} onChange={(e) => setList(e.target.value)} />
        <datalist id="creator-lists">{allLists.map((l) => <option key={l} value={l} />)}</datalist>
        <button type="submit" className="btn" disabled={!list.trim()}>Add</button>
      </form>
      <div className="row" aria-label="Tags">
        {tags.length === 0 && <span className="muted small">No tags.</span>}
        {tags.map((t) => <span key={t} className="chip">#{t}<button type="button" className="chip-x" aria-label={`Remove tag ${t}`} onClick={() => run(() => setTags(db, creatorKey, tags.filter((x) => x !== t)))}>×</button></span>)}
      </div>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) void run(() => setTags(db, creatorKey, [...tags, tag])).then(() => setTag('')); }}>
        <input aria-label="Add a tag" placeholder="Add a tag…" value={tag} maxLength={100} onChange={(e) => setTag(e.target.value)} />
        <button type="submit" className="btn" disabled={!tag.trim()}>Tag</button>
      </form>
      {error && <p className="notice error small" role="alert">{error}</p>}
    </section>
  );
}

function Notes({ creatorKey, notes }: { creatorKey: string; notes: string }) {
  const { db } = useLibrary();
  const [text, setText] = useState(notes);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="card stack" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      <textarea aria-labelledby="notes-title" rows={6} maxLength={20_000} value={text} placeholder="Rates, contacts, audience, past work…" onChange={(e) => { setText(e.target.value); setStatus(null); }} />
      <div className="row">
        <button type="button" className="btn" disabled={text === notes}
          onClick={() => setNotes(db, creatorKey, text).then(() => setStatus('Saved.'), (e) => setStatus(e instanceof RangeError ? e.message : describeDbError(e)))}>Save notes</button>
        {status && <span className="small" role="status">{status}</span>}
      </div>
    </section>
  );
}

function Snapshots({ snapshots, platform }: { snapshots: Snapshot[]; platform: keyof typeof PLATFORM_NAME }) {
  const [all, setAll] = useState(false);
  const newest = useMemo(() => [...snapshots].reverse(), [snapshots]);
  const shown = all ? newest : newest.slice(0, 50);
  const cell = (s: Snapshot, k: 'followers' | 'following' | 'posts' | 'likes' | 'views') => (s[k] === null ? '—' : formatCount(s[k]!, !s.exact[k], navigator.language));
  return (
    <section className="card stack" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">Snapshots <span className="muted count">{snapshots.length}</span></h2>
      <p className="muted small">Numbers as the page showed them; “≈” where it showed only an abbreviation, “—” where it showed nothing.</p>
      <div className="table-wrap">
        <table className="plain" data-testid="snapshots">
          <thead><tr><th scope="col">Taken</th><th scope="col">How</th><th scope="col" className="n">{platform === 'youtube' ? 'Subscribers' : 'Followers'}</th><th scope="col" className="n">Following</th><th scope="col" className="n">{platform === 'instagram' ? 'Posts' : 'Videos'}</th><th scope="col" className="n">Likes</th><th scope="col" className="n">Views</th></tr></thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.takenAt}>
                <td>{dateTime(s.takenAt)}</td>
                <td>{s.source === 'manual' ? 'saved' : 'visit'}</td>
                <td className="n num">{cell(s, 'followers')}</td>
                <td className="n num">{cell(s, 'following')}</td>
                <td className="n num">{cell(s, 'posts')}</td>
                <td className="n num">{cell(s, 'likes')}</td>
                <td className="n num">{cell(s, 'views')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && newest.length > 50 && <button type="button" className="btn" onClick={() => setAll(true)}>Show all {newest.length}</button>}
    </section>
  );
}
