/**
 * A fee's price against the market — the first answer a fee gets, needing nothing from the
 * user: the verdict, the expected views and what they stand on, the fee's CPM, the market's
 * usual range with its source, and the fair-fee band. One component for the panel, the
 * popup and the dashboard (words and numbers from lib/view/price.ts). Like CreatorSummary it
 * imports no CSS and carries two sets of class names: the extension pages' and the overlay's (cl-*).
 */
import type { PriceShown } from '@/lib/view/price';

export function PriceAnswer({ shown, cpe }: { shown: PriceShown; cpe?: string | null }) {
  return (
    <div className="price cl-price" data-testid="price" data-verdict={shown.verdict ?? 'none'}>
      <div className="price-verdict cl-price-verdict" data-testid="price-verdict">{shown.verdictText}</div>
      <dl className="kv price-grid cl-results" aria-label="The fee against the market">
        <dt>Expected views</dt>
        <dd data-testid="expected-views">{shown.views} <span className="muted small cl-note">{shown.basis}</span></dd>
        <dt>This fee’s CPM</dt>
        <dd data-testid="quote-cpm">{shown.cpm} <span className="muted small cl-note">per 1,000 views</span></dd>
        <dt>Usual CPM</dt>
        <dd data-testid="market-cpm">{shown.market} <span className="muted small cl-note">{shown.source}</span></dd>
        <dt>Fair fee</dt>
        <dd data-testid="fair-fee">{shown.fair}</dd>
        {cpe && <><dt title="Cost per expected engagement">Cost / engagement</dt><dd data-testid="cpe">{cpe}</dd></>}
      </dl>
    </div>
  );
}
