/**
 * The panel's quick quote: a fee and a deliverable give, first, the fee against the market
 * (expected views, the fee's CPM, the usual range with its source, the fair-fee band and the
 * verdict; lib/roi/price.ts), which needs nothing from the user. The return (ROI range,
 * break-even, the highest fee worth paying) only once the user's own order value and margin
 * are in the settings; until then the panel says where to add them. "Keep as deal" keeps
 * both. The full form, with every assumption editable, is components/ui/QuoteForm.tsx in the
 * popup and the dashboard; the arithmetic of both is lib/roi/.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseFee, withKnownPosts, type CreatorView } from '@/lib/view/creator';
import { money as formatMoneyAt, pct as formatPct, signedPct, signedRange, whole as formatWhole } from '@/lib/view/format';
import { priceShown } from '@/lib/view/price';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import { priceOf } from '@/lib/roi/price';
import { hasOwnEconomics, quote } from '@/lib/roi/quote';
import type { Platform, ProfileReading } from '@/lib/sites/types';
import { defaultDeliverableOf } from '@/lib/sites/platforms';
import { PriceAnswer } from '../ui/PriceAnswer';
import type { OverlayActions } from './types';
import type { Run } from './use-action';

export interface QuickQuoteProps {
  creatorKey: string;
  platform: Platform;
  reading: ProfileReading;
  view: CreatorView | null;
  locale: string | undefined;
  keepDeal: OverlayActions['keepDeal'];
  /** Opens the dashboard's settings (absent: the words alone). */
  openSettings?: () => void;
  /** The panel's requests share one busy state and one message (ProfilePanel). */
  busy: boolean;
  run: Run;
}

const NO_ASSUMPTIONS = { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 };

export function QuickQuote({ creatorKey, platform, reading: pageReading, view, locale, keepDeal, openSettings, busy, run }: QuickQuoteProps) {
  const id = useId();
  const [fee, setFee] = useState('');
  const [deliverable, setDeliverable] = useState<Deliverable>(defaultDeliverableOf(platform));
  const [kept, setKept] = useState<string | null>(null);
  const keptRef = useRef<HTMLSpanElement>(null);
  // Keeping disables the button: the focus moves to the confirmation once it is drawn, in the panel (Escape still collapses it).
  useEffect(() => {
    if (kept) keptRef.current?.focus();
  }, [kept]);
  const currency = view?.settings.currency ?? 'USD';
  const assumptions = view?.settings.assumptions ?? NO_ASSUMPTIONS;
  const own = hasOwnEconomics(assumptions);
  const feeValue = parseFee(fee, locale);
  const reading = useMemo(() => withKnownPosts(pageReading, view), [pageReading, view]);
  const price = useMemo(() => (feeValue === null ? null : priceOf({ platform, followers: reading.followers, recent: reading.recent, deliverable, fee: feeValue, currency, market: view?.settings.marketCpm })), [feeValue, deliverable, reading, view, currency, platform]);
  const q = useMemo(() => {
    if (feeValue === null || !own) return null;
    return quote({ platform, followers: reading.followers, recent: reading.recent, deliverable, fee: feeValue, currency, assumptions, tierBoundaries: view?.settings.tierBoundaries });
  }, [feeValue, deliverable, reading, view, currency, platform, own]);

  const money = (v: number) => formatMoneyAt(v, currency, locale);
  const pct2 = (v: number) => formatPct(v, 2, locale);
  const whole = (v: number) => formatWhole(v, locale);
  const cpe = q?.ok && q.range.expected.cpe !== null ? money(q.range.expected.cpe) : null;

  return (
    <div className="cl-section">
      <label className="cl-label" htmlFor={`${id}-fee`}>Quoted fee ({currency})</label>
      <div className="cl-fee">
        <input id={`${id}-fee`} className="cl-input" inputMode="decimal" placeholder="e.g. 1500" value={fee} maxLength={20} onChange={(e) => { setFee(e.target.value); setKept(null); }} />
        <select className="cl-select" aria-label="Deliverable" value={deliverable} onChange={(e) => setDeliverable(e.target.value as Deliverable)}>
          {DELIVERABLES.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </div>
      {fee.trim() && feeValue === null && <div className="cl-error">Type the fee as a number, e.g. 1500.</div>}
      {price && !price.ok && <div className="cl-error">{price.reason}</div>}
      {price?.ok && (
        <>
          <PriceAnswer shown={priceShown(price.judgement, price.base, currency, locale)} cpe={cpe} />
          {!own ? (
            <div className="cl-def" data-testid="return-hidden">
              Add your order value and margin to see the return{openSettings ? <> (<button type="button" className="cl-link" onClick={openSettings}>settings ↗</button>)</> : ' (dashboard settings)'}.
            </div>
          ) : q && !q.ok ? (
            <div className="cl-error">{q.reason}</div>
          ) : q?.ok && (
            <>
              <dl className="cl-results" aria-label="Return on your order value and margin" data-testid="return">
                <dt>ROI (P10–P90)</dt>
                <dd data-testid="roi-range">{q.range.roi ? signedRange(q.range.roi.p10, q.range.roi.p90, 0, locale) : '—'}</dd>
                <dt>ROI median</dt>
                <dd>{signedPct(q.range.roi?.p50, 0, locale)}</dd>
                <dt>Break-even</dt>
                <dd>{q.range.expected.breakEvenOrders === null ? '—' : `${whole(Math.ceil(q.range.expected.breakEvenOrders))} orders`}</dd>
                <dt>Chance to break even</dt>
                <dd>{q.range.probabilityBreakEven === null ? '—' : formatPct(q.range.probabilityBreakEven, 0, locale)}</dd>
                <dt>Highest fee worth paying</dt>
                <dd>{q.range.expected.maxFee > 0 ? money(q.range.expected.maxFee) : 'none reaches the target'}</dd>
              </dl>
              <div className="cl-def" data-testid="return-assumed">
                Assumed, not measured: click-through {pct2(q.assumptions.ctr.expected)}, conversion {pct2(q.assumptions.cvr.expected)} (their sources under “Assumptions used”).
              </div>
            </>
          )}
          <div className="cl-actions">
            <button type="button" className="cl-btn" data-variant="ghost" data-testid="keep-deal" disabled={busy || kept !== null}
              onClick={() => void run(() => keepDeal({ creatorKey, fee: feeValue!, currency, deliverable }), () => {
                setKept('Kept as a deal ✓');
              })}>
              Keep as deal
            </button>
            {kept && <span ref={keptRef} tabIndex={-1} className="cl-saved" role="status" data-testid="kept">{kept}</span>}
          </div>
          {q?.ok && (
            <details className="cl-foot">
              <summary>Assumptions used</summary>
              <ul>
                <li>Impressions {whole(q.assumptions.impressions.expected)}: {q.assumptions.impressions.source}</li>
                <li>Click-through {pct2(q.assumptions.ctr.expected)}: {q.assumptions.ctr.source}</li>
                <li>Conversion {pct2(q.assumptions.cvr.expected)}: {q.assumptions.cvr.source}</li>
                <li>Order value {money(q.assumptions.aov.expected)}: {q.assumptions.aov.source}</li>
                <li>Margin {formatPct(q.assumptions.margin.expected, 0, locale)}: {q.assumptions.margin.source}</li>
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
