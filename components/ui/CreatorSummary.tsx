/**
 * A creator's headline: name, the numbers as the page showed them, growth, and engagement
 * against the band for its platform and tier, with the band's source. The same view model
 * as the overlay (lib/overlay/model.ts), so both say the same thing.
 */
import { useMemo } from 'react';
import './quote.css';
import { overlayModel, POSITION_WORD, type CreatorView } from '@/lib/overlay/model';
import type { ProfileReading } from '@/lib/sites/types';

export function CreatorSummary({ reading, view, locale, now }: { reading: ProfileReading; view: CreatorView | null; locale?: string; now?: number }) {
  const model = useMemo(() => overlayModel(reading, view, locale, now), [reading, view, locale, now]);
  return (
    <div className="stack summary" data-testid="summary">
      <div>
        {model.followers ? (
          <div className="big" data-testid="followers">
            {model.followers.text} <span className="small muted" style={{ fontWeight: 400 }}>{model.followers.label}</span>
            {model.followers.approx && <span className="visually-hidden"> (approximate: the page shows only an abbreviation)</span>}
          </div>
        ) : (
          <div className="muted">Followers not shown on the page</div>
        )}
        {model.others.length > 0 && (
          <div className="row small muted">
            {model.others.map((f) => (
              <span key={f.label}>
                <b style={{ color: 'var(--fg)' }}>{f.text}</b> {f.label}
              </span>
            ))}
          </div>
        )}
        {model.growth && <div className={`small ${model.growth.up === true ? 'up' : model.growth.up === false ? 'down' : 'muted'}`}>{model.growth.text}</div>}
      </div>
      <div className="engagement">
        <div className="spread">
          <span className="muted small">Engagement</span>
          {model.tier && <span className="muted small">Tier: {model.tier.label}</span>}
        </div>
        {'text' in model.engagement ? (
          <div className="row">
            <b className="num" style={{ fontSize: 18 }} data-testid="engagement">{model.engagement.text}</b>
            {model.verdict && (
              <span className={`chip verdict-${model.verdict.position}`} title={`Band ${model.verdict.band}, ${model.verdict.definition}. Source: ${model.verdict.source}.`} data-testid="verdict">
                {POSITION_WORD[model.verdict.position]} the {model.tier?.tier} band ({model.verdict.band})
              </span>
            )}
          </div>
        ) : (
          <p className="small" data-testid="engagement-unknown">Unknown: {model.engagement.unknown}</p>
        )}
        <p className="muted small">
          {'text' in model.engagement && `Median of ${model.engagement.postsUsed} recent ${model.engagement.postsUsed === 1 ? 'post' : 'posts'}, ${model.engagement.definition}. `}
          {model.verdict && `Band: ${model.verdict.source}.`}
        </p>
        {(model.medianViews || model.reach) && (
          <div className="row small">
            {model.medianViews && <span><b>{model.medianViews.text}</b> {model.medianViews.label}</span>}
            {model.reach && <span><b>{model.reach.text}</b> {model.reach.definition}</span>}
          </div>
        )}
      </div>
    </div>
  );
}
