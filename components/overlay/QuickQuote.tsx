/**
 * The panel's quick quote: a fee and a deliverable give the projection (ROI range, break-even,
 * the highest fee worth paying) on the settings' assumptions, and "Keep as deal". The full
 * form, with every assumption editable, is components/ui/QuoteForm.tsx in the popup and the
 * dashboard; the arithmetic of both is lib/roi/quote.ts.
 */
import { useId, useMemo, useState } from 'react';
import { parseFee, type CreatorView } from '@/lib/view/creator';
import { formatMoney, formatPercent } from '@/lib/roi/money';
import { DELIVERABLES, type Deliverable } from '@/lib/roi/project';
import { quote } from '@/lib/roi/quote';
import type { Platform, ProfileReading } from '@/lib/sites/types';
import { defaultDeliverableOf } from '@/lib/sites/platforms';
import type { OverlayActions } from './types';
import type { Run } from './use-action';

export interface QuickQuoteProps {
  creatorKey: string;
  platform: Platform;
  reading: ProfileReading;
  view: CreatorView | null;
  locale: string | undefined;
  keepDeal: OverlayActions['keepDeal'];
  /** The panel's requests share one busy state and one message (ProfilePanel). */
  busy: boolean;
  run: Run;
}

export function QuickQuote({ creatorKey, platform, reading, view, locale, keepDeal, busy, run }: QuickQuoteProps) {
  const id = useId();
  const [fee, setFee] = useState('');
  const [deliverable, setDeliverable] = useState<Deliverable>(defaultDeliverableOf(platform));
  const [kept, setKept] = useState<string | null>(null);
  const currency = view?.settings.currency ?? 'USD';
  const feeValue = parseFee(fee, locale);
  const q = useMemo(() => {
    if (feeValue === null) return null;
    return quote({
      platform, followers: reading.followers, recent: reading.recent, deliverable, fee: feeValue, currency,
      assumptions: view?.settings.assumptions ?? { ctr: null, cvr: null, aov: null, margin: null, targetRoi: 0 },
      tierBoundaries: view?.settings.tierBoundaries,
    });
  }, [feeValue, deliverable, reading, view, currency, platform]);

  const money = (v: number) => formatMoney(v, currency, locale, { maximumFractionDigits: 0 });
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatPercent(v, locale, 0));
  const pct2 = (v: number) => formatPercent(v, locale, 2);
  const whole = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v);

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
      {q && !q.ok && <div className="cl-error">{q.reason}</div>}
      {q && q.ok && (
        <>
          <dl className="cl-results" aria-label="Projection">
            <dt>ROI (P10–P90)</dt>
            <dd>{q.range.roi ? `${pct(q.range.roi.p10)} to ${pct(q.range.roi.p90)}` : '—'}</dd>
            <dt>ROI median</dt>
            <dd>{pct(q.range.roi?.p50)}</dd>
            <dt>Break-even</dt>
            <dd>{q.range.expected.breakEvenOrders === null ? '—' : `${whole(Math.ceil(q.range.expected.breakEvenOrders))} orders`}</dd>
            <dt>Chance to break even</dt>
            <dd>{pct(q.range.probabilityBreakEven)}</dd>
            <dt>Highest fee worth paying</dt>
            <dd>{q.range.expected.maxFee > 0 ? money(q.range.expected.maxFee) : 'none reaches the target'}</dd>
          </dl>
          <div className="cl-actions">
            <button type="button" className="cl-btn" data-variant="ghost" disabled={busy || kept !== null}
              onClick={() => void run(() => keepDeal({ creatorKey, fee: feeValue!, currency, deliverable }), () => setKept('Kept as a deal ✓'))}>
              Keep as deal
            </button>
            {kept && <span className="cl-saved">{kept}</span>}
          </div>
          <details className="cl-foot">
            <summary>Assumptions used</summary>
            <ul>
              <li>Impressions {whole(q.assumptions.impressions.expected)}: {q.assumptions.impressions.source}</li>
              <li>CTR {pct2(q.assumptions.ctr.expected)}: {q.assumptions.ctr.source}</li>
              <li>CVR {pct2(q.assumptions.cvr.expected)}: {q.assumptions.cvr.source}</li>
              <li>Order value {money(q.assumptions.aov.expected)}: {q.assumptions.aov.source}</li>
              <li>Margin {pct(q.assumptions.margin.expected)}: {q.assumptions.margin.source}</li>
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
