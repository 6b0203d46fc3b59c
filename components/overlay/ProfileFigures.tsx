/**
 * The page's own numbers on a creator's profile, drawn in the overlay's shadow root (the
 * page has them anyway): the same CreatorSummary as the popup and the dashboard, its verdict
 * a button that shows the band's source. Nothing of the user's is drawn here — no growth
 * since the last visit, no saved state, no lists (those are ProfilePanel, in the frame):
 * `view` is cut down to the settings that say how the figures are judged (tier boundaries,
 * band overrides).
 */
import { memo, useId, useMemo, useState } from 'react';
import { DEFAULT_TIER_BOUNDARIES } from '@/lib/metrics/benchmarks';
import type { CreatorView } from '@/lib/view/creator';
import type { Platform, ProfileReading } from '@/lib/sites/types';
import { CreatorSummary, type VerdictShown } from '../ui/CreatorSummary';

/** The part of a creator's view the shadow root may draw with: its settings, nothing of the library. */
export function figuresView(view: CreatorView | null): CreatorView | null {
  return view && { creatorKey: view.creatorKey, saved: false, lists: [], allLists: [], previous: null, settings: view.settings };
}

/**
 * What of a view changes the figures drawn from it (overlayModel with figuresView's cut): the
 * tier boundaries and this platform's band overrides, with no view and no overrides meaning
 * the defaults. Two views with the same key draw the same figures.
 */
export function figuresKey(view: CreatorView | null, platform: Platform): string {
  return JSON.stringify([view?.settings.tierBoundaries ?? DEFAULT_TIER_BOUNDARIES, view?.settings.benchmarkOverrides?.[platform] ?? {}]);
}

interface ProfileFiguresProps {
  reading: ProfileReading;
  view: CreatorView | null;
  locale: string | undefined;
}

function Figures({ reading, view, locale }: ProfileFiguresProps) {
  const shown = useMemo(() => figuresView(view), [view]);
  return <CreatorSummary reading={reading} view={shown} locale={locale} renderVerdict={(v) => <VerdictButton verdict={v} />} />;
}

/**
 * Drawn again only when what it shows can change (issue 18): the library's answer to a reading
 * usually brings the default settings, which draw the same figures as none, and redrawing
 * them cost the page about 2 ms of its main thread on every load.
 */
export const ProfileFigures = memo(Figures, (a, b) => a.reading === b.reading && a.locale === b.locale && figuresKey(a.view, a.reading.platform) === figuresKey(b.view, b.reading.platform));

/** The verdict against the band as a button: its source shows on hover, focus or a tap (the panel has no room to print it). */
function VerdictButton({ verdict }: { verdict: VerdictShown }) {
  const tipId = useId();
  const [showTip, setShowTip] = useState(false);
  return (
    <>
      <button type="button" className="cl-chip" data-position={verdict.position} aria-describedby={tipId} aria-expanded={showTip}
        onClick={() => setShowTip((v) => !v)} onMouseEnter={() => setShowTip(true)} onMouseLeave={() => setShowTip(false)} onFocus={() => setShowTip(true)} onBlur={() => setShowTip(false)}>
        {verdict.text}
      </button>
      <div id={tipId} className="cl-tip" hidden={!showTip}>
        Band: {verdict.band}, {verdict.definition}. Source: {verdict.source}.
      </div>
    </>
  );
}
