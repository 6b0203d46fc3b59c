/**
 * The quoted fee weighed against one creator: fee, currency and deliverable first, then the
 * first answer, which needs nothing from the user: the fee against the market (expected
 * views and what they stand on, the fee's CPM, the usual range with its source, the fair-fee
 * band, the verdict; lib/roi/price.ts). The return (ROI range, ROAS, break-even, the chance
 * of breaking even, the highest fee worth paying) only once the order value and margin are
 * the user's own — from the settings, or typed here for this quote; click-through and
 * conversion are labelled as assumptions beside it. The assumptions — prefilled from the
 * settings, each low / expected / high — are one click away. Shared by the popup and the
 * dashboard's creator page; the arithmetic is lib/roi/.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import './quote.css';
import { parseFee } from '@/lib/view/creator';
import { isCurrencyCode } from '@/lib/roi/money';
import { percentField, toFraction, toPercent } from '@/lib/roi/percent';
import { money as inCurrency, pct as formatPct, signedPct, signedRange, times, whole as formatWhole } from '@/lib/view/format';
import { priceShown } from '@/lib/view/price';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import { priceOf, type MarketOverrides } from '@/lib/roi/price';
import { hasOwnEconomics, quote, resolveAssumptions, type Quote } from '@/lib/roi/quote';
import { PriceAnswer } from './PriceAnswer';
import type { Estimate } from '@/lib/roi/range';
import type { Assumptions } from '@/lib/schema';
import type { ProfileReading } from '@/lib/sites/types';
import type { TierBoundaries } from '@/lib/metrics/benchmarks';
import { defaultDeliverableOf } from '@/lib/sites/platforms';

type Field = 'impressions' | 'ctr' | 'cvr' | 'aov' | 'margin';
type Part = keyof Estimate;
const FIELDS: { field: Field; label: string; unit: 'count' | 'percent' | 'money' }[] = [
  { field: 'impressions', label: 'Reach (impressions)', unit: 'count' },
  { field: 'ctr', label: 'Click-through rate', unit: 'percent' },
  { field: 'cvr', label: 'Conversion rate', unit: 'percent' },
  { field: 'aov', label: 'Average order value', unit: 'money' },
  { field: 'margin', label: 'Gross margin', unit: 'percent' },
];
const PARTS: Part[] = ['low', 'expected', 'high'];

export interface KeepRequest {
  fee: number;
  currency: string;
  deliverable: Deliverable;
  assumptions: Assumptions;
  impressions: Estimate | null;
}

export interface QuoteFormProps {
  reading: ProfileReading;
  settings: { currency: string; assumptions: Assumptions; tierBoundaries: TierBoundaries; marketCpm?: MarketOverrides };
  locale?: string;
  /** Keeps the quote as a deal; absent where that is not possible. */
  onKeep?(request: KeepRequest): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Called with every successful quote (tests, the benchmark). */
  onQuote?(q: Quote): void;
  compact?: boolean;
  /** Opens the settings, where the order value and margin are kept (the popup: the dashboard's). */
  openSettings?(): void;
}

// Plain digits an input can be edited in (no grouping): at most 3 decimals of a percent, 2 of money, whole reach.
const toShown = (unit: 'count' | 'percent' | 'money', v: number) => (unit === 'percent' ? percentField(v, 3) : unit === 'count' ? String(Math.round(v)) : String(Math.round(v * 100) / 100));
const fromShown = (unit: 'count' | 'percent' | 'money', text: string): number | null => {
  const v = Number(text.trim().replace(',', '.'));
  if (!text.trim() || !Number.isFinite(v) || v < 0) return null;
  return unit === 'percent' ? toFraction(v) : v;
};

export function QuoteForm({ reading, settings, locale, onKeep, onQuote, compact, openSettings }: QuoteFormProps) {
  const id = useId();
  const [feeText, setFeeText] = useState('');
  const [currency, setCurrency] = useState(settings.currency);
  const [deliverable, setDeliverable] = useState<Deliverable>(defaultDeliverableOf(reading.platform));
  const [cells, setCells] = useState<Partial<Record<`${Field}.${Part}`, string>>>({});
  const [targetText, setTargetText] = useState(toShown('percent', settings.assumptions.targetRoi));
  const [kept, setKept] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fee = parseFee(feeText, locale);
  const currencyOk = isCurrencyCode(currency);
  const base = { platform: reading.platform, followers: reading.followers, recent: reading.recent, deliverable, currency: currencyOk ? currency : settings.currency, tierBoundaries: settings.tierBoundaries };
  // What the form starts from: the settings' assumptions (or the defaults) and reach from the page.
  const resolved = useMemo(() => resolveAssumptions({ ...base, fee: 1, assumptions: settings.assumptions }), [reading, deliverable, settings]);

  const edited = (field: Field): { value: Estimate | null; error: string | null } => {
    const parts = PARTS.map((p) => cells[`${field}.${p}`]);
    if (parts.every((p) => p === undefined)) return { value: null, error: null };
    const unit = FIELDS.find((f) => f.field === field)!.unit;
    const start = 'reason' in resolved ? null : resolved[field];
    const values = PARTS.map((p, i) => (parts[i] !== undefined ? fromShown(unit, parts[i]!) : start ? start[p] : null));
    if (values.some((v) => v === null)) return { value: null, error: 'Type a number of 0 or more.' };
    const [low, expected, high] = values as [number, number, number];
    if (!(low <= expected && expected <= high)) return { value: null, error: 'Low ≤ expected ≤ high.' };
    if (unit === 'percent' && high > 1) return { value: null, error: 'At most 100 %.' };
    return { value: { low, expected, high }, error: null };
  };
  const edits = Object.fromEntries(FIELDS.map(({ field }) => [field, edited(field)])) as Record<Field, ReturnType<typeof edited>>;
  const targetRoi = fromShown('percent', targetText);
  const assumptions: Assumptions = {
    ctr: edits.ctr.value ?? settings.assumptions.ctr,
    cvr: edits.cvr.value ?? settings.assumptions.cvr,
    aov: edits.aov.value ?? settings.assumptions.aov,
    margin: edits.margin.value ?? settings.assumptions.margin,
    targetRoi: targetRoi ?? settings.assumptions.targetRoi,
  };
  const formError = FIELDS.map(({ field }) => edits[field].error).find(Boolean) ?? (targetRoi === null ? 'Type the target ROI in %, e.g. 0 to break even.' : null);
  const q = useMemo(() => (fee === null ? null : quote({ ...base, fee, assumptions, impressions: edits.impressions.value, now: Date.now() })), [fee, currency, deliverable, JSON.stringify(cells), targetText, reading, settings]);
  useEffect(() => {
    if (q?.ok) onQuote?.(q);
  }, [q]);

  const money = (v: number) => inCurrency(v, currencyOk ? currency : settings.currency, locale);
  const pct = (v: number | null | undefined, digits = 0) => formatPct(v, digits, locale);
  const whole = (v: number) => formatWhole(v, locale);
  const own = hasOwnEconomics(assumptions);
  const feeCurrency = currencyOk ? currency : settings.currency;
  const price = useMemo(() => (fee === null ? null : priceOf({ ...base, fee, market: settings.marketCpm, now: Date.now() })), [fee, currency, deliverable, reading, settings]);
  // Typing the order value or the margin here sets it for this quote (low = expected = high: the user's own figure).
  const setOwn = (field: 'aov' | 'margin', text: string) => { setCells((c) => ({ ...c, [`${field}.low`]: text, [`${field}.expected`]: text, [`${field}.high`]: text })); setKept(null); };

  return (
    <div className="stack quote" data-testid="quote">
      <div className="quote-inputs">
        <label>
          Quoted fee
          <input id={`${id}-fee`} inputMode="decimal" placeholder="e.g. 1500" value={feeText} maxLength={20} onChange={(e) => { setFeeText(e.target.value); setKept(null); }} />
        </label>
        <label>
          Currency
          <input value={currency} maxLength={3} size={4} onChange={(e) => setCurrency(e.target.value.toUpperCase())} aria-invalid={!currencyOk} />
        </label>
        <label>
          Deliverable
          <select value={deliverable} onChange={(e) => setDeliverable(e.target.value as Deliverable)}>
            {DELIVERABLES.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
      </div>
      {!currencyOk && <p className="notice error small">A currency is a three-letter code such as USD or EUR.</p>}
      {feeText.trim() && fee === null && <p className="notice error small">Type the fee as a number, e.g. 1500.</p>}
      {!feeText.trim() && <p className="muted small">Type the fee the creator quoted to see it against the market.</p>}
      {price && !price.ok && <p className="notice error small" role="alert">{price.reason}</p>}
      {price?.ok && q && !q.ok && <p className="notice error small" role="alert">{q.reason}</p>}
      {price?.ok && (
        <div className="results" aria-live="polite">
          <PriceAnswer shown={priceShown(price.judgement, price.base, feeCurrency, locale)} cpe={q?.ok && q.range.expected.cpe !== null ? money(q.range.expected.cpe) : null} />
          {q?.ok && !own && (
            <div className="return-hidden" data-testid="return-hidden">
              <p className="small"><b>Add your order value and margin to see the return.</b> Creator Lens has no figure for your business, so it shows no ROI until you give yours{openSettings ? <>, here for this quote or once in the <button type="button" className="linklike" onClick={openSettings}>settings</button></> : ', here for this quote or once in the settings'}.</p>
              <div className="own-inputs">
                <label>Order value ({feeCurrency})<input inputMode="decimal" aria-label={`Your average order value (${feeCurrency})`} value={cells['aov.expected'] ?? ''} onChange={(e) => setOwn('aov', e.target.value)} /></label>
                <label>Gross margin (%)<input inputMode="decimal" aria-label="Your gross margin (%)" value={cells['margin.expected'] ?? ''} onChange={(e) => setOwn('margin', e.target.value)} /></label>
              </div>
            </div>
          )}
          {q?.ok && own && (
            <div className="stack" data-testid="return">
              <div className="roi-line">
                <span className="muted small">Projected ROI on your order value and margin, 80 % range (P10 to P90)</span>
                <span className="big" data-testid="roi-range">{q.range.roi ? signedRange(q.range.roi.p10, q.range.roi.p90, 0, locale) : '—'}</span>
                <span className="small">median <b data-testid="roi-median">{signedPct(q.range.roi?.p50, 0, locale)}</b> · chance to break even <b data-testid="p-break-even">{pct(q.range.probabilityBreakEven)}</b></span>
              </div>
              <RoiBar q={q} />
              <dl className="kv results-grid" aria-label="Projection at the expected value of each assumption">
                <dt>ROAS</dt><dd data-testid="roas">{times(q.range.expected.roas, locale)}</dd>
                <dt>Orders</dt><dd>{whole(q.range.expected.orders)}</dd>
                <dt>Break-even</dt><dd data-testid="break-even">{q.range.expected.breakEvenOrders === null ? '—' : `${whole(Math.ceil(q.range.expected.breakEvenOrders))} orders`}</dd>
                <dt>Highest fee{q.assumptions.targetRoi ? ` at ${signedPct(q.assumptions.targetRoi, 0, locale)}` : ''}</dt><dd data-testid="max-fee">{q.range.expected.maxFee > 0 ? money(q.range.expected.maxFee) : 'none'}</dd>
              </dl>
              <p className="muted assumed" data-testid="return-assumed">
                Assumed, not measured: click-through {pct(q.assumptions.ctr.expected, 2)} ({q.assumptions.ctr.source}); conversion {pct(q.assumptions.cvr.expected, 2)} ({q.assumptions.cvr.source}). Edit them under Assumptions.
              </p>
            </div>
          )}
          {q?.ok && onKeep && (
            <div className="row">
              <button type="button" className="btn" disabled={busy || kept !== null || formError !== null}
                onClick={async () => {
                  setBusy(true);
                  try {
                    const r = await onKeep({ fee: fee!, currency, deliverable, assumptions, impressions: edits.impressions.value });
                    setKept(r.ok ? 'Kept as a deal ✓' : r.reason);
                  } catch {
                    setKept('Creator Lens could not reach its background. Try again.');
                  } finally {
                    setBusy(false);
                  }
                }}>
                Keep as deal
              </button>
              {kept && <span className="small" role="status">{kept}</span>}
            </div>
          )}
        </div>
      )}
      <details className="assumptions" open={compact === false}>
        <summary>Assumptions</summary>
        {'reason' in resolved ? (
          <p className="muted small">{resolved.reason}</p>
        ) : (
          <table className="assumption-table">
            <thead>
              <tr><th scope="col">Assumption</th><th scope="col">Low</th><th scope="col">Expected</th><th scope="col">High</th></tr>
            </thead>
            <tbody>
              {FIELDS.map(({ field, label, unit }) => {
                const start = field === 'impressions' ? resolved.impressions : resolved[field];
                return (
                  <tr key={field} title={start.source}>
                    <th scope="row">{label}{unit === 'percent' ? ' (%)' : unit === 'money' ? ` (${currency})` : ''}<div className="muted small source">{edits[field].value ? 'Your estimate for this quote' : start.source}</div></th>
                    {PARTS.map((p) => (
                      <td key={p}>
                        <input aria-label={`${label}, ${p}`} inputMode="decimal" value={cells[`${field}.${p}`] ?? toShown(unit, start[p])}
                          onChange={(e) => { setCells((c) => ({ ...c, [`${field}.${p}`]: e.target.value })); setKept(null); }} />
                      </td>
                    ))}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">Target ROI (%)<div className="muted small source">for the highest fee worth paying</div></th>
                <td colSpan={3}><input aria-label="Target ROI in percent" inputMode="decimal" value={targetText} onChange={(e) => setTargetText(e.target.value)} /></td>
              </tr>
            </tbody>
          </table>
        )}
        {formError && <p className="notice error small">{formError}</p>}
        {Object.keys(cells).length > 0 && <button type="button" className="btn small ghost" onClick={() => setCells({})}>Back to the settings’ assumptions</button>}
      </details>
    </div>
  );
}

/** The ROI range as a bar: P10 to P90, the median marked, 0 % (break-even) as a line. */
export function RoiBar({ q }: { q: Extract<Quote, { ok: true }> }) {
  if (!q.range.roi) return null;
  const { p10, p90 } = q.range.roi;
  const e = q.range.roi.p50;
  const lo = Math.min(p10, 0, e) - 0.1;
  const hi = Math.max(p90, 0, e) + 0.1;
  const x = (v: number) => `${toPercent((v - lo) / (hi - lo))}%`;
  return (
    <div className="roibar" aria-hidden="true">
      <div className="roibar-zero" style={{ left: x(0) }} />
      <div className="roibar-range" style={{ left: x(p10), width: `calc(${x(p90)} - ${x(p10)})` }} data-good={p10 >= 0 ? 'all' : p90 < 0 ? 'none' : 'some'} />
      <div className="roibar-expected" style={{ left: x(e) }} />
    </div>
  );
}
