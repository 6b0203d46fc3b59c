/**
 * 2 to 4 creators side by side, across platforms: each against its own benchmark band, and
 * each quoted fee against the market first (expected views, CPM, the usual range, the fair
 * fee; lib/roi/price.ts) — the best value is the fee cheapest against its own platform's
 * usual range, which needs no guess. The return (ROI ranges charted together) only once the
 * order value and margin in the settings are the user's own.
 */
import type { ChartConfiguration } from 'chart.js';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { postsOf } from '@/lib/db/posts';
import { snapshotsOf } from '@/lib/db/snapshots';
import { rowOf } from '@/lib/dashboard/rows';
import { go } from '@/lib/dashboard/route';
import { headlineBand } from '@/lib/metrics/answer';
import { parseFee, POSITION_WORD } from '@/lib/view/creator';
import { toFraction, toPercent } from '@/lib/roi/percent';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import { hasOwnEconomics, quote, type Quote } from '@/lib/roi/quote';
import { priceOf } from '@/lib/roi/price';
import { priceShown } from '@/lib/view/price';
import type { Creator } from '@/lib/schema';
import { count, money as inCurrency, pct, signedPct, signedRange } from '@/lib/view/format';
import { readingFromLibrary } from '@/lib/library/as-reading';
import { defaultDeliverableOf, platformName } from '@/lib/sites/platforms';
import { useLibrary } from './library-context';
import { ChartCanvas, type Palette } from './Chart';

export default function ComparePage({ keys }: { keys: string[] }) {
  const { db, creators, settings } = useLibrary();
  const [fees, setFees] = useState<Record<string, string>>({});
  const [deliverables, setDeliverables] = useState<Record<string, Deliverable>>({});
  const [pick, setPick] = useState('');
  const loaded = useLiveQuery(async () => Promise.all(keys.map(async (key) => {
    const [creator, snapshots, posts, deals] = await Promise.all([db.creators.get(key), snapshotsOf(db, key), postsOf(db, key), db.deals.where('creatorKey').equals(key).sortBy('createdAt')]);
    return { key, creator, snapshots, posts, lastDeal: deals.at(-1) };
  })), [keys.join(',')]);

  const setKeys = (next: string[]) => go(`#/compare?keys=${next.map(encodeURIComponent).join(',')}`);
  const byLabel = useMemo(() => new Map((creators ?? []).map((c) => [`${c.displayName ?? c.handle} (@${c.handle}, ${platformName(c.platform)})`, c.key])), [creators]);
  const options = useMemo(() => {
    const q = pick.toLowerCase();
    return [...byLabel.keys()].filter((l) => l.toLowerCase().includes(q)).slice(0, 200);
  }, [byLabel, pick]);

  const picker = keys.length < 4 && (
    <form className="row" onSubmit={(e) => {
      e.preventDefault();
      const key = byLabel.get(pick);
      if (key && !keys.includes(key)) setKeys([...keys, key]);
      setPick('');
    }}>
      <label className="grow">Add a creator to compare
        <input list="compare-options" value={pick} placeholder="Type a name or @handle" onChange={(e) => setPick(e.target.value)} />
      </label>
      <datalist id="compare-options">{options.map((o) => <option key={o} value={o} />)}</datalist>
      <button type="submit" className="btn" disabled={!byLabel.has(pick)}>Add</button>
    </form>
  );

  if (!settings || !loaded) return <p className="muted" aria-busy="true">Loading…</p>;
  const present = loaded.filter((x): x is typeof x & { creator: Creator } => !!x.creator);
  if (present.length < 2) {
    return (
      <section className="stack-lg">
        <h1>Compare creators</h1>
        <div className="card stack">
          <p>Pick 2 to 4 creators, even from different platforms: each is measured against its own platform’s band, and their quoted fees are projected on the same assumptions.</p>
          <p className="muted small">Select them in the <a href="#/creators">creators table</a> and press Compare, or add them here.</p>
          {present.length === 1 && <p>Comparing <b>{present[0]!.creator.displayName ?? present[0]!.creator.handle}</b> with…</p>}
          {(creators?.length ?? 0) < 2 ? <p className="notice">Save at least two creators first.</p> : picker}
        </div>
      </section>
    );
  }

  const now = Date.now();
  const own = hasOwnEconomics(settings.assumptions);
  const rows = present.map((x) => {
    const reading = readingFromLibrary(x.creator, x.posts);
    const row = rowOf(x.creator, settings, x.snapshots, x.posts, now);
    const feeText = fees[x.key] ?? (x.lastDeal ? String(x.lastDeal.fee) : '');
    const fee = parseFee(feeText, navigator.language);
    const deliverable = deliverables[x.key] ?? x.lastDeal?.deliverable ?? defaultDeliverableOf(x.creator.platform);
    const q: Quote | null = fee === null ? null : quote({ platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable, fee, currency: settings.currency, assumptions: settings.assumptions, tierBoundaries: settings.tierBoundaries, now });
    // The band the row's headline was judged against (YouTube: views per subscriber), so the cell's definition is the figure's.
    const band = headlineBand(x.creator.platform, row.tier, settings.benchmarkOverrides);
    const price = fee === null ? null : priceOf({ platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable, fee, currency: settings.currency, market: settings.marketCpm, now });
    return { ...x, reading, row, feeText, fee, deliverable, q: q?.ok && own ? q : null, qError: q && !q.ok ? q.reason : null, band, price: price?.ok ? price : null, shown: price?.ok ? priceShown(price.judgement, price.base, settings.currency) : null };
  });
  const quoted = rows.filter((r) => r.q);
  const best = (f: (r: (typeof rows)[number]) => number | null | undefined, dir: 1 | -1) => {
    let key: string | null = null;
    let v = -Infinity;
    for (const r of rows) {
      const x = f(r);
      if (x === null || x === undefined || !Number.isFinite(x)) continue;
      if (dir * x > v) { v = dir * x; key = r.key; }
    }
    return key;
  };
  const bestRoi = best((r) => r.q?.range.roi?.p50, 1);
  // The best value: the fee's CPM against the middle of its own platform's usual range (comparable currencies only).
  const bestValue = best((r) => (r.price && r.price.judgement.verdict !== null && Number.isFinite(r.price.judgement.cpm) ? r.price.judgement.cpm / ((r.price.judgement.marketCpm.low + r.price.judgement.marketCpm.high) / 2) : null), -1);
  const bestCpm = best((r) => r.price?.judgement.cpm, -1);
  const bestCpe = best((r) => r.q?.range.expected.cpe, -1);
  const bestEng = best((r) => (r.row.engagement !== null && r.band ? r.row.engagement / r.band.typical : null), 1);
  const money = (v: number | null | undefined) => inCurrency(v, settings.currency);
  const cls = (key: string, bestKey: string | null) => (key === bestKey ? 'best' : undefined);

  return (
    <section className="stack-lg">
      <div className="spread">
        <h1>Compare creators</h1>
        {picker}
      </div>
      <p className="muted small">
        Fees are weighed in {settings.currency} against each platform’s usual CPM range; expected views come from each creator’s own numbers, and the best value is the fee cheapest against its range. {own ? 'The return uses your order value and margin' : 'Add your order value and margin in the '}{own ? <> (<a href="#/settings">settings</a>).</> : <><a href="#/settings">settings</a> to see the return.</>} Engagement is compared with each creator’s own platform and tier band.
      </p>
      <div className="table-wrap card">
        <table className="compare" data-testid="compare">
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">Measure</span></th>
              {rows.map((r) => (
                <th key={r.key} scope="col" className={cls(r.key, bestValue)}>
                  <a href={`#/creator/${encodeURIComponent(r.key)}`}><bdi>{r.creator.displayName ?? `@${r.creator.handle}`}</bdi></a>
                  <div className="muted small">@{r.creator.handle} · {platformName(r.creator.platform)}</div>
                  {r.key === bestValue && <span className="chip verdict-above" data-testid="best-value" title="The fee cheapest against its own platform’s usual CPM range">Best value</span>}
                  <div><button type="button" className="btn small ghost" onClick={() => setKeys(keys.filter((k) => k !== r.key))} aria-label={`Remove ${r.creator.handle} from the comparison`}>Remove</button></div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr><th scope="row">{'Followers / subscribers'}</th>{rows.map((r) => <td key={r.key} className="num">{count(r.row.followers, r.creator.latest?.exact.followers ?? false)} <span className="muted small">{r.row.tier ?? ''}</span></td>)}</tr>
            <tr><th scope="row">Engagement</th>{rows.map((r) => (
              <td key={r.key} className={cls(r.key, bestEng)}>
                {r.row.engagement === null ? <span className="muted">unknown</span> : <b className="num">{pct(r.row.engagement)}</b>}
                {r.row.position && r.band && <div className="small"><span className={`chip verdict-${r.row.position}`}>{POSITION_WORD[r.row.position].toLowerCase()} {pct(r.band.low)}–{pct(r.band.high)}</span></div>}
                {r.band && <div className="muted small">{r.band.definition}</div>}
              </td>
            ))}</tr>
            <tr><th scope="row">Median views of recent posts</th>{rows.map((r) => <td key={r.key} className="num">{count(r.row.medianViews, false)}</td>)}</tr>
            <tr><th scope="row">Growth per week</th>{rows.map((r) => <td key={r.key} className="num">{signedPct(r.row.growthPerWeek, 2)}</td>)}</tr>
            <tr><th scope="row">Quoted fee ({settings.currency})</th>{rows.map((r) => (
              <td key={r.key}>
                <div className="row">
                  <input className="fee" aria-label={`Fee quoted by ${r.creator.handle}`} inputMode="decimal" placeholder="fee" value={r.feeText} onChange={(e) => setFees((f) => ({ ...f, [r.key]: e.target.value }))} />
                  <select aria-label={`Deliverable of ${r.creator.handle}`} value={r.deliverable} onChange={(e) => setDeliverables((d) => ({ ...d, [r.key]: e.target.value as Deliverable }))}>
                    {DELIVERABLES.map((d) => <option key={d} value={d}>{d}</option>)}
                  </select>
                </div>
                {r.qError && <div className="small down">{r.qError}</div>}
                {r.feeText.trim() && r.fee === null && <div className="small down">Type a number.</div>}
              </td>
            ))}</tr>
            <tr><th scope="row">Against the market</th>{rows.map((r) => (
              <td key={r.key} className={cls(r.key, bestValue)} data-testid={`price-${r.key}`}>
                {r.shown ? <><b>{r.shown.verdictText}</b><div className="muted small">fair fee {r.shown.fair}</div></> : '—'}
              </td>
            ))}</tr>
            <tr><th scope="row">Expected views</th>{rows.map((r) => <td key={r.key} className="num">{r.shown ? <>{r.shown.views}<div className="muted small">{r.shown.basis}</div></> : '—'}</td>)}</tr>
            <tr><th scope="row">CPM (usual range)</th>{rows.map((r) => <td key={r.key} className={`num ${cls(r.key, bestCpm) ?? ''}`} data-testid={`cpm-${r.key}`}>{r.shown ? <>{r.shown.cpm}<div className="muted small">usual {r.shown.market}</div></> : '—'}</td>)}</tr>
            {!own && <tr><th scope="row">Return</th><td colSpan={rows.length} className="muted small" data-testid="compare-return-hidden">Add your order value and margin in the <a href="#/settings">settings</a> to see ROI, break-even and the highest fee worth paying.</td></tr>}
            {own && <>
            <tr><th scope="row">ROI, 80 % range</th>{rows.map((r) => <td key={r.key} className={`num ${cls(r.key, bestRoi) ?? ''}`} data-testid={`roi-${r.key}`}>{r.q?.range.roi ? signedRange(r.q.range.roi.p10, r.q.range.roi.p90) : '—'}</td>)}</tr>
            <tr><th scope="row">Median ROI (P50)</th>{rows.map((r) => <td key={r.key} className={`num ${cls(r.key, bestRoi) ?? ''}`}>{signedPct(r.q?.range.roi?.p50)}</td>)}</tr>
            <tr><th scope="row">Chance to break even</th>{rows.map((r) => <td key={r.key} className="num">{pct(r.q?.range.probabilityBreakEven, 0)}</td>)}</tr>
            <tr><th scope="row">Cost per engagement</th>{rows.map((r) => <td key={r.key} className={`num ${cls(r.key, bestCpe) ?? ''}`}>{r.q ? (r.q.range.expected.cpe === null ? 'unknown' : money(r.q.range.expected.cpe)) : '—'}</td>)}</tr>
            <tr><th scope="row">Highest fee worth paying</th>{rows.map((r) => <td key={r.key} className="num">{r.q ? (r.q.range.expected.maxFee > 0 ? money(r.q.range.expected.maxFee) : 'none') : '—'}</td>)}</tr>
            </>}
          </tbody>
        </table>
      </div>
      {own && <figure className="card">
        <figcaption><h2>Projected ROI ranges</h2><p className="muted small">Bars: 10th to 90th percentile; dot: median. Below 0 % the fee is not earned back.</p></figcaption>
        {quoted.length === 0 ? <p className="muted empty-chart">Type the fees the creators quoted to see their ROI ranges side by side.</p>
          : <RoiChart rows={quoted.map((r) => ({ label: `@${r.creator.handle}`, q: r.q!, best: r.key === bestRoi }))} />}
      </figure>}
    </section>
  );
}

function RoiChart({ rows }: { rows: { label: string; q: Extract<Quote, { ok: true }>; best: boolean }[] }) {
  const config = useCallback((p: Palette): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { type: 'bar', label: 'ROI P10–P90', data: rows.map((r) => [toPercent(r.q.range.roi!.p10), toPercent(r.q.range.roi!.p90)]) as unknown as number[], backgroundColor: rows.map((r) => (r.best ? p.good : p.accent)), borderSkipped: false, barPercentage: 0.5 },
        { type: 'scatter', label: 'Median ROI', data: rows.map((r, i) => ({ x: i, y: toPercent(r.q.range.roi!.p50) })), backgroundColor: p.fg, pointRadius: 5 } as never,
      ],
    },
    options: {
      indexAxis: 'x',
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => (Array.isArray(item.raw) ? `P10 ${signedPct(toFraction((item.raw as number[])[0]!))} to P90 ${signedPct(toFraction((item.raw as number[])[1]!))}` : `median ${signedPct(toFraction(item.parsed.y as number))}`) } } },
      scales: {
        x: { title: { display: true, text: 'Creator' } },
        y: { title: { display: true, text: 'Projected ROI (%)' }, grid: { color: (c) => (c.tick.value === 0 ? p.fg : p.line) } },
      },
    },
  }), [JSON.stringify(rows.map((r) => [r.label, r.q.range.roi, r.best]))]);
  return <ChartCanvas config={config} label={rows.map((r) => `${r.label}: ROI ${signedPct(r.q.range.roi!.p10)} to ${signedPct(r.q.range.roi!.p90)}`).join('; ')} testId="chart-roi" />;
}
