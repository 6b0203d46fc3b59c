/**
 * A creator's figures: the numbers as the page showed them, growth, and engagement against
 * the band for its platform and tier, with the band's source. One component for the popup,
 * the dashboard and the overlay, on one view model (lib/view/creator.ts), so all three say
 * the same thing. It imports no CSS, because the overlay renders it in a content script (a
 * CSS import there would land on the host page). Each element carries two sets of class
 * names: the extension pages' (big, small, muted, row; theme.css and summary.css) and the
 * overlay's (cl-*; its shadow root's CSS, components/overlay/styles.ts). Each stylesheet
 * ignores the other's.
 */
import { useMemo, type ReactNode } from 'react';
import { overlayModel, POSITION_WORD, type CreatorView, type OverlayModel } from '@/lib/view/creator';
import type { ProfileReading } from '@/lib/sites/types';
import { vocabularyOf } from '@/lib/sites/platforms';
import { capital } from '@/lib/view/format';

/** The verdict against the band, with its words. */
export type VerdictShown = NonNullable<OverlayModel['verdict']> & { text: string };

export interface CreatorSummaryProps {
  reading: ProfileReading;
  view: CreatorView | null;
  locale?: string;
  now?: number;
  /**
   * Draws the verdict in place of the chip whose band source is printed under the rate (the
   * extension pages). The overlay, with no room for the source, passes a button that shows it.
   */
  renderVerdict?(verdict: VerdictShown): ReactNode;
}

export function CreatorSummary({ reading, view, locale, now, renderVerdict }: CreatorSummaryProps) {
  const model = useMemo(() => overlayModel(reading, view, locale, now), [reading, view, locale, now]);
  const verdict: VerdictShown | null = model.verdict && { ...model.verdict, text: `${POSITION_WORD[model.verdict.position]} the ${model.tier?.tier} band (${model.verdict.band})` };
  return (
    <div className="stack summary cl-summary" data-testid="summary">
      <div>
        {model.followers ? (
          <div className="big cl-big" data-testid="followers">
            {model.followers.text} <span className="small muted cl-big-label">{model.followers.label}</span>
            {model.followers.approx && <span className="visually-hidden"> (approximate: the page shows only an abbreviation)</span>}
          </div>
        ) : (
          <div className="muted cl-unknown">{capital(vocabularyOf(reading.platform).followers)} not shown on the page</div>
        )}
        {model.others.length > 0 && (
          <div className="row small muted cl-row">
            {model.others.map((f) => (
              <span key={f.label}>
                <b>{f.text}</b> {f.label}
              </span>
            ))}
          </div>
        )}
        {model.growth && <div className={`small ${model.growth.up === true ? 'up cl-up' : model.growth.up === false ? 'down cl-down' : 'muted cl-def'}`}>{model.growth.text}</div>}
      </div>
      <div className="engagement cl-section cl-engagement">
        <div className="spread cl-contents">
          <span className="muted small cl-label">{model.engagement.label}</span>
          {model.tier && <span className="muted small cl-def cl-tier">Tier: {model.tier.label}</span>}
        </div>
        {'text' in model.engagement ? (
          <div className="row cl-contents">
            <b className="num rate cl-value" data-testid="engagement">{model.engagement.text}</b>
            {verdict && (renderVerdict ? renderVerdict(verdict) : (
              <span className={`chip verdict-${verdict.position}`} title={`Band ${verdict.band}, ${verdict.definition}. Source: ${verdict.source}.`} data-testid="verdict">
                {verdict.text}
              </span>
            ))}
          </div>
        ) : (
          <p className="small cl-unknown" data-testid="engagement-unknown">Unknown: {model.engagement.unknown}</p>
        )}
        <p className="muted small definition cl-def cl-definition" data-testid="sample">
          {'text' in model.engagement && `${capital(model.engagement.sample)} · ${model.engagement.definition}`}
          {verdict && !renderVerdict && `. Band: ${verdict.source}.`}
        </p>
        {model.verdictNote && <p className="small muted cl-def cl-note" data-testid="verdict-note">{model.verdictNote}</p>}
        {(model.medianViews || model.second) && (
          <div className="row small cl-row">
            {model.medianViews && <span><b>{model.medianViews.text}</b> {model.medianViews.label}</span>}
            {model.second && <span title={model.second.sample}><b>{model.second.text}</b> {model.second.definition} <span className="muted cl-def">({model.second.sample})</span></span>}
          </div>
        )}
        {model.sponsored && (
          <p className="small cl-def cl-sponsored" data-testid="sponsored">
            Sponsored posts apart: <b>{model.sponsored.text}</b> ({model.sponsored.sample}){model.sponsored.vsOrganic && `, ${model.sponsored.vsOrganic}`}
          </p>
        )}
        {model.cadence && <p className="small muted cl-def cl-cadence" data-testid="cadence">Posting: {model.cadence}</p>}
      </div>
    </div>
  );
}
