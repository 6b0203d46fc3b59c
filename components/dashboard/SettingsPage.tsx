/**
 * Settings: the assumptions every quote starts from (low / expected / high), currency and
 * target ROI, the market CPM ranges fees are judged against (the source's, editable and
 * resettable), follower tiers, the benchmark bands (with their source and year; editable and
 * resettable), what is recorded, and the panel per site. Validated by the same schema as
 * the library (an invalid value is named and nothing is saved).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeDbError } from '@/lib/db/errors';
import { updateSettings } from '@/lib/db/settings';
import { DEFAULT_BENCHMARKS, DEFAULT_TIER_BOUNDARIES, TIERS, validateBand, validateBoundaries, type BandOverride, type BenchmarkOverrides, type Tier } from '@/lib/metrics/benchmarks';
import { DEFAULT_AOV, DEFAULT_CTR, DEFAULT_MARGIN, defaultCvr } from '@/lib/roi/assumptions';
import { isCurrencyCode } from '@/lib/roi/money';
import { percentField, toFraction } from '@/lib/roi/percent';
import type { Estimate } from '@/lib/roi/range';
import { DEFAULT_PREFS, prefsKey, type OverlayPrefs } from '@/lib/overlay/prefs';
import { describeIssues, SettingsSchema, type Assumptions, type Settings } from '@/lib/schema';
import type { Platform } from '@/lib/sites/types';
import { money, pct, whole } from '@/lib/view/format';
import { MARKET_CPM } from '@/lib/roi/market';
import { platformName, PLATFORMS } from '@/lib/sites/platforms';
import { useLibrary } from './library-context';

type Key = 'ctr' | 'cvr' | 'aov' | 'margin';
const ASSUMPTIONS: { key: Key; label: string; percent: boolean; def: Estimate & { source: string } }[] = [
  { key: 'ctr', label: 'Click-through rate', percent: true, def: DEFAULT_CTR },
  { key: 'cvr', label: 'Conversion rate', percent: true, def: { ...defaultCvr(null), source: `${defaultCvr(null).source}. By default the expected value follows the creator’s tier.` } },
  { key: 'aov', label: 'Average order value', percent: false, def: DEFAULT_AOV },
  { key: 'margin', label: 'Gross margin', percent: true, def: DEFAULT_MARGIN },
];
const PARTS = ['low', 'expected', 'high'] as const;

const show = (v: number, percent: boolean) => (percent ? percentField(v, 4) : String(v));
/** A band's rate as its field shows it: at most 2 decimals of a percent (the sources' typical values are averages such as 2.6675). */
const showBand = (v: number) => percentField(v, 2);
const read = (t: string, percent: boolean): number | null => {
  const v = Number(t.trim().replace(',', '.'));
  return t.trim() === '' || !Number.isFinite(v) ? null : percent ? toFraction(v) : v;
};

interface Draft {
  currency: string;
  targetRoi: string;
  assumptions: Record<Key, { custom: boolean; low: string; expected: string; high: string }>;
  tiers: string[];
  bands: Record<string, { low: string; typical: string; high: string } | undefined>;
  recordEveryProfile: boolean;
  autoSnapshotHours: string;
  /** The user's market CPM ranges; absent: the source's. */
  market: Partial<Record<Platform, { low: string; high: string; currency: string }>>;
}

function draftOf(s: Settings): Draft {
  const assumptions = Object.fromEntries(ASSUMPTIONS.map(({ key, percent, def }) => {
    const e = s.assumptions[key] ?? def;
    return [key, { custom: s.assumptions[key] !== null, low: show(e.low, percent), expected: show(e.expected, percent), high: show(e.high, percent) }];
  })) as Draft['assumptions'];
  const bands: Draft['bands'] = {};
  for (const p of PLATFORMS) for (const t of TIERS) {
    const o = s.benchmarkOverrides[p]?.[t];
    if (o && Object.keys(o).length) {
      const b = { ...DEFAULT_BENCHMARKS[p][t], ...o };
      bands[`${p}.${t}`] = { low: showBand(b.low), typical: showBand(b.typical), high: showBand(b.high) };
    }
  }
  const market: Draft['market'] = {};
  for (const p of PLATFORMS) {
    const m = s.marketCpm[p];
    if (m) market[p] = { low: String(m.low), high: String(m.high), currency: m.currency };
  }
  return { currency: s.currency, targetRoi: show(s.assumptions.targetRoi, true), assumptions, tiers: s.tierBoundaries.map(String), bands, recordEveryProfile: s.recordEveryProfile, autoSnapshotHours: String(s.autoSnapshotHours), market };
}

/** The draft as settings, or the problems found (named by field). */
export function settingsOf(d: Draft): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isCurrencyCode(d.currency)) errors.push('Currency: a three-letter code such as USD or EUR.');
  const targetRoi = read(d.targetRoi, true);
  if (targetRoi === null) errors.push('Target ROI: a number in %, e.g. 0 to break even.');
  const assumptions: Partial<Assumptions> = { targetRoi: targetRoi ?? 0 };
  for (const { key, label, percent } of ASSUMPTIONS) {
    const a = d.assumptions[key];
    if (!a.custom) { assumptions[key] = null; continue; }
    const [low, expected, high] = PARTS.map((p) => read(a[p], percent)) as [number | null, number | null, number | null];
    if (low === null || expected === null || high === null || low < 0 || high < 0) { errors.push(`${label}: three numbers of 0 or more.`); continue; }
    if (!(low <= expected && expected <= high)) { errors.push(`${label}: low ≤ expected ≤ high.`); continue; }
    if (percent && high > 1) { errors.push(`${label}: at most 100 %.`); continue; }
    assumptions[key] = { low, expected, high };
  }
  const tiers = d.tiers.map((t) => Number(t));
  const tierError = tiers.some((t) => !Number.isInteger(t) || t <= 0) ? 'Tier boundaries are whole numbers of followers.' : validateBoundaries(tiers);
  if (tierError) errors.push(`Tiers: ${tierError}`);
  const overrides: BenchmarkOverrides = {};
  for (const [id, b] of Object.entries(d.bands)) {
    if (!b) continue;
    const [p, t] = id.split('.') as [Platform, Tier];
    const band = { low: read(b.low, true), typical: read(b.typical, true), high: read(b.high, true) };
    const problem = Object.values(band).some((v) => v === null) ? 'three rates in %.' : validateBand(band as Required<BandOverride> & { low: number; typical: number; high: number });
    if (problem) { errors.push(`Band ${platformName(p)} ${t}: ${problem}`); continue; }
    (overrides[p] ??= {})[t] = band as Required<BandOverride>;
  }
  const marketCpm: Settings['marketCpm'] = {};
  for (const [p, m] of Object.entries(d.market) as [Platform, { low: string; high: string; currency: string } | undefined][]) {
    if (!m) continue;
    const low = read(m.low, false);
    const high = read(m.high, false);
    if (low === null || high === null || low <= 0 || high <= 0) { errors.push(`Market CPM ${platformName(p)}: two amounts above 0.`); continue; }
    if (low > high) { errors.push(`Market CPM ${platformName(p)}: low ≤ high.`); continue; }
    if (!isCurrencyCode(m.currency)) { errors.push(`Market CPM ${platformName(p)}: a three-letter currency code such as USD.`); continue; }
    marketCpm[p] = { low, high, currency: m.currency };
  }
  const hours = Number(d.autoSnapshotHours);
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 365) errors.push('Snapshots: hours between automatic snapshots, 0 to 8760.');
  if (errors.length) return { ok: false, errors };
  const parsed = SettingsSchema.safeParse({ recordEveryProfile: d.recordEveryProfile, autoSnapshotHours: hours, currency: d.currency, assumptions, tierBoundaries: tiers, benchmarkOverrides: overrides, marketCpm });
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, errors: [describeIssues(parsed.error)] };
}

export function SettingsPage() {
  const { db, settings } = useLibrary();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string[] } | null>(null);
  useEffect(() => {
    if (settings && !draft) setDraft(draftOf(settings));
  }, [settings]);
  if (!settings || !draft) return <p className="muted" aria-busy="true">Loading…</p>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));
  const patch = (p: Partial<Draft>) => { setDraft({ ...draft, ...p }); setStatus(null); };
  const setA = (key: Key, p: Partial<Draft['assumptions'][Key]>) => patch({ assumptions: { ...draft.assumptions, [key]: { ...draft.assumptions[key], ...p } } });
  const save = async () => {
    const r = settingsOf(draft);
    if (!r.ok) return setStatus({ ok: false, text: r.errors });
    try {
      await updateSettings(db, r.settings);
      setDraft(draftOf(r.settings));
      setStatus({ ok: true, text: ['Settings saved. New quotes use them; deals already kept keep the assumptions they were made with.'] });
    } catch (e) {
      setStatus({ ok: false, text: [describeDbError(e)] });
    }
  };

  return (
    <form className="stack-lg settings" onSubmit={(e) => { e.preventDefault(); void save(); }} aria-labelledby="settings-title">
      <div className="spread savebar">
        <h1 id="settings-title">Settings</h1>
        <div className="row">
          {dirty && <span className="small muted">Unsaved changes</span>}
          <button type="button" className="btn" disabled={!dirty} onClick={() => { setDraft(draftOf(settings)); setStatus(null); }}>Discard</button>
          <button type="submit" className="btn primary" disabled={!dirty}>Save settings</button>
        </div>
      </div>
      {status && <div className={`notice ${status.ok ? 'ok' : 'error'}`} role={status.ok ? 'status' : 'alert'}>{status.text.map((t) => <p key={t}>{t}</p>)}</div>}

      <section className="card stack" aria-labelledby="money-title">
        <h2 id="money-title">Money</h2>
        <div className="row">
          <label>Currency of fees and order values<input value={draft.currency} maxLength={3} size={5} onChange={(e) => patch({ currency: e.target.value.toUpperCase() })} /></label>
          <label>Target ROI for the highest fee worth paying (%)<input inputMode="decimal" value={draft.targetRoi} size={6} onChange={(e) => patch({ targetRoi: e.target.value })} /></label>
        </div>
        <p className="muted small">No conversion happens: every amount is in this currency. 0 % target ROI means “break even”.</p>
      </section>

      <section className="card stack" aria-labelledby="assumptions-title">
        <h2 id="assumptions-title">Assumptions</h2>
        <p className="muted small">Each quote samples between low and high, most often near expected. Without your own figure, Creator Lens’s default (and its source) is used.</p>
        {(!draft.assumptions.aov.custom || !draft.assumptions.margin.custom) && <p className="notice small" data-testid="settings-own-figures">The return (ROI, break-even, the highest fee worth paying) is shown only once the average order value and the gross margin are your own: tick “Yours” for both and enter them.</p>}
        <div className="table-wrap">
          <table className="plain">
            <thead><tr><th scope="col">Assumption</th><th scope="col">Yours</th><th scope="col">Low</th><th scope="col">Expected</th><th scope="col">High</th><th scope="col">Default and source</th></tr></thead>
            <tbody>
              {ASSUMPTIONS.map(({ key, label, percent, def }) => {
                const a = draft.assumptions[key];
                return (
                  <tr key={key}>
                    <th scope="row">{label} {percent ? '(%)' : `(${draft.currency})`}</th>
                    <td><input type="checkbox" aria-label={`Use my own ${label}`} checked={a.custom}
                      onChange={(e) => setA(key, e.target.checked ? { custom: true } : { custom: false, low: show(def.low, percent), expected: show(def.expected, percent), high: show(def.high, percent) })} /></td>
                    {PARTS.map((p) => <td key={p}><input aria-label={`${label}, ${p}`} inputMode="decimal" size={7} disabled={!a.custom} value={a[p]} onChange={(e) => setA(key, { [p]: e.target.value })} /></td>)}
                    <td className="small muted">{percent ? `${pct(def.low)} / ${pct(def.expected)} / ${pct(def.high)}` : `${money(def.low, draft.currency)} / ${money(def.expected, draft.currency)} / ${money(def.high, draft.currency)}`}: {def.source}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card stack" aria-labelledby="market-title">
        <div className="spread">
          <h2 id="market-title">Market CPM ranges</h2>
          <button type="button" className="btn small" disabled={Object.values(draft.market).every((m) => !m)} onClick={() => patch({ market: {} })}>Reset to the source’s figures</button>
        </div>
        <p className="muted small">A quoted fee is judged against what its expected views usually cost: the fair fee is expected views ÷ 1,000 × this range. Use your own range (for instance from your past deals) or the source’s.</p>
        <div className="table-wrap">
          <table className="plain" data-testid="market-cpm">
            <thead><tr><th scope="col">Platform</th><th scope="col">Low, per 1,000 views</th><th scope="col">High</th><th scope="col">Currency</th><th scope="col">Source</th><th scope="col"><span className="visually-hidden">Reset</span></th></tr></thead>
            <tbody>
              {PLATFORMS.map((p) => {
                const base = MARKET_CPM[p];
                const edit = draft.market[p];
                const value = { low: edit?.low ?? String(base.low), high: edit?.high ?? String(base.high), currency: edit?.currency ?? base.currency };
                const set = (k: 'low' | 'high' | 'currency', v: string) => patch({ market: { ...draft.market, [p]: { ...value, [k]: v } } });
                return (
                  <tr key={p} className={edit ? 'edited' : undefined}>
                    <th scope="row">{platformName(p)}</th>
                    <td><input aria-label={`${platformName(p)} market CPM, low`} inputMode="decimal" size={6} value={value.low} onChange={(e) => set('low', e.target.value)} /></td>
                    <td><input aria-label={`${platformName(p)} market CPM, high`} inputMode="decimal" size={6} value={value.high} onChange={(e) => set('high', e.target.value)} /></td>
                    <td><input aria-label={`${platformName(p)} market CPM, currency`} maxLength={3} size={4} value={value.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} /></td>
                    <td className="small">{edit ? <><b>Your setting</b> (source: {money(base.low, base.currency)}–{money(base.high, base.currency)}, {base.source})</> : base.source}</td>
                    <td>{edit && <button type="button" className="btn small ghost" aria-label={`Reset the ${platformName(p)} market CPM`} onClick={() => patch({ market: { ...draft.market, [p]: undefined } })}>Reset</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card stack" aria-labelledby="tiers-title">
        <h2 id="tiers-title">Follower tiers</h2>
        <div className="row">
          {(['micro', 'mid', 'macro', 'mega'] as const).map((t, i) => (
            <label key={t}>{t} from<input inputMode="numeric" size={10} value={draft.tiers[i]} onChange={(e) => patch({ tiers: draft.tiers.map((v, j) => (j === i ? e.target.value.replace(/[^\d]/g, '') : v)) })} /></label>
          ))}
          <button type="button" className="btn small ghost" onClick={() => patch({ tiers: DEFAULT_TIER_BOUNDARIES.map(String) })}>Reset tiers</button>
        </div>
        <p className="muted small">Below the first boundary is nano. Defaults: {DEFAULT_TIER_BOUNDARIES.map((b) => whole(b)).join(' / ')} followers, as in most industry reports.</p>
      </section>

      <section className="card stack" aria-labelledby="bands-title">
        <div className="spread">
          <h2 id="bands-title">Benchmark bands</h2>
          <button type="button" className="btn small" disabled={Object.values(draft.bands).every((b) => !b)} onClick={() => patch({ bands: {} })}>Reset all bands</button>
        </div>
        <p className="muted small">A creator is “within” when their median engagement rate lies between low and high. Edit a band to use your own figures; reset brings back the source’s.</p>
        <div className="table-wrap">
          <table className="plain bands">
            <thead><tr><th scope="col">Platform</th><th scope="col">Tier</th><th scope="col">Low %</th><th scope="col">Typical %</th><th scope="col">High %</th><th scope="col">Source, year</th><th scope="col"><span className="visually-hidden">Reset</span></th></tr></thead>
            <tbody>
              {PLATFORMS.flatMap((p) => TIERS.map((t) => {
                const id = `${p}.${t}`;
                const base = DEFAULT_BENCHMARKS[p][t];
                const edit = draft.bands[id];
                const value = (k: 'low' | 'typical' | 'high') => edit?.[k] ?? showBand(base[k]);
                const set = (k: 'low' | 'typical' | 'high', v: string) => patch({ bands: { ...draft.bands, [id]: { low: value('low'), typical: value('typical'), high: value('high'), [k]: v } } });
                return (
                  <tr key={id} className={edit ? 'edited' : undefined}>
                    <td>{platformName(p)}</td>
                    <td>{t}</td>
                    {(['low', 'typical', 'high'] as const).map((k) => <td key={k}><input aria-label={`${platformName(p)} ${t} band, ${k} (%)`} inputMode="decimal" size={6} value={value(k)} onChange={(e) => set(k, e.target.value)} /></td>)}
                    <td className="small">{edit ? <b>Your setting</b> : null}{edit ? ' (preset: ' : ''}{base.source}, {base.year}{base.yearIsRead ? ' (the year the figures were read)' : ''}{edit ? ')' : ''}<div className="muted">{base.definition}{base.note ? `. ${base.note}` : ''}</div></td>
                    <td>{edit && <button type="button" className="btn small ghost" aria-label={`Reset the ${platformName(p)} ${t} band`} onClick={() => patch({ bands: { ...draft.bands, [id]: undefined } })}>Reset</button>}</td>
                  </tr>
                );
              }))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card stack" aria-labelledby="recording-title">
        <h2 id="recording-title">Recording</h2>
        <label className="switch"><input type="checkbox" checked={draft.recordEveryProfile} onChange={(e) => patch({ recordEveryProfile: e.target.checked })} />Record every profile I visit, not only the creators I save</label>
        <label>Hours between automatic snapshots of a saved creator (a changed number is always recorded)<input inputMode="decimal" size={6} value={draft.autoSnapshotHours} onChange={(e) => patch({ autoSnapshotHours: e.target.value })} /></label>
      </section>

      <OverlaySites />
    </form>
  );
}

function OverlaySites() {
  const [prefs, setPrefs] = useState<Record<Platform, OverlayPrefs> | null>(null);
  useEffect(() => {
    browser.storage.local.get(PLATFORMS.map(prefsKey)).then((got) =>
      setPrefs(Object.fromEntries(PLATFORMS.map((p) => [p, { ...DEFAULT_PREFS, ...((got[prefsKey(p)] as Partial<OverlayPrefs>) ?? {}) }])) as Record<Platform, OverlayPrefs>),
    ).catch(() => setPrefs(null));
  }, []);
  return (
    <section className="card stack" aria-labelledby="overlay-title">
      <h2 id="overlay-title">The panel on profiles</h2>
      <p className="muted small">Changes apply at once, also to open tabs.</p>
      {prefs && PLATFORMS.map((p) => (
        <label key={p} className="switch">
          <input type="checkbox" checked={!prefs[p].hidden} onChange={(e) => {
            const next = { ...prefs[p], hidden: !e.target.checked };
            setPrefs({ ...prefs, [p]: next });
            void browser.storage.local.set({ [prefsKey(p)]: next });
          }} />
          Show on {platformName(p)}
        </label>
      ))}
    </section>
  );
}
