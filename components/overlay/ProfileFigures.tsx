/**
 * The page's own numbers on a creator's profile, drawn in the overlay's shadow root (the
 * page has them anyway): the same CreatorSummary as the popup and the dashboard, its verdict
 * a button that shows the band's source. Nothing of the user's is drawn here — no growth
 * since the last visit, no saved state, no lists (those are ProfilePanel, in the frame):
 * `view` is cut down to the settings that say how the figures are judged (tier boundaries,
 * band overrides).
 */
import { useId, useMemo, useState } from 'react';
import type { CreatorView } from '@/lib/view/creator';
import type { ProfileReading } from '@/lib/sites/types';
import { CreatorSummary, type VerdictShown } from '../ui/CreatorSummary';

/** The part of a creator's view the shadow root may draw with: its settings, nothing of the library. */
export function figuresView(view: CreatorView | null): CreatorView | null {
  return view && { creatorKey: view.creatorKey, saved: false, lists: [], allLists: [], previous: null, settings: view.settings };
}

export function ProfileFigures({ reading, view, locale }: { reading: ProfileReading; view: CreatorView | null; locale: string | undefined }) {
  const shown = useMemo(() => figuresView(view), [view]);
  return <CreatorSummary reading={reading} view={shown} locale={locale} renderVerdict={(v) => <VerdictButton verdict={v} />} />;
}

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
