/**
 * The panel on a site's page: a header to drag it by and collapse it (Escape, or the
 * button; the pill expands it again), and a body for the page it is on: reading, cannot be
 * read, a creator's profile (ProfilePanel.tsx) or a booked creator's post (PostPanel.tsx).
 * Untrusted text from the page (names, handles) is only ever rendered as text.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { overlayModel } from '@/lib/view/creator';
import type { Platform } from '@/lib/sites/types';
import { PostPanel } from './PostPanel';
import { ProfilePanel } from './ProfilePanel';
import type { OverlayActions, OverlayState, Position } from './types';
import { useDrag } from './use-drag';

export interface OverlayProps {
  platform: Platform;
  state: OverlayState;
  locale: string | undefined;
  theme: 'light' | 'dark';
  collapsed: boolean;
  position: Position;
  onCollapse(collapsed: boolean): void;
  onMove(position: Position): void;
  actions: OverlayActions;
  /** Called after every render that shows a reading (performance marks). */
  onPainted?(): void;
}

export function Overlay(props: OverlayProps) {
  const { state, locale, theme, collapsed, position, onCollapse, onMove, platform, actions } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { where, handlers } = useDrag(rootRef, position, onMove);

  useEffect(() => {
    if (state.kind === 'profile') props.onPainted?.();
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !collapsed) {
      e.stopPropagation();
      onCollapse(true);
      requestAnimationFrame(() => pillRef.current?.focus());
    }
  };

  // The title and the collapsed pill's summary; the body's figures are CreatorSummary's.
  const model = useMemo(() => (state.kind === 'profile' ? overlayModel(state.reading, state.view, locale) : null), [state, locale]);
  const title = state.kind === 'profile' && model ? model.title : state.kind === 'post' && state.reading.handle ? `Post by @${state.reading.handle}` : 'Creator Lens';
  const style = { right: `${where.right}px`, bottom: `${where.bottom}px` };

  if (collapsed) {
    const summary = model ? [model.followers?.text, model.engagement && 'text' in model.engagement ? model.engagement.text : null].filter(Boolean).join(' · ') : '';
    return (
      <div ref={rootRef} className="cl-root" data-theme={theme} data-collapsed="true" style={style} role="region" aria-label="Creator Lens" {...handlers}>
        <button ref={pillRef} type="button" className="cl-pill" aria-expanded="false" aria-label={`Expand Creator Lens${summary ? `: ${summary}` : ''}`}
          onClick={() => {
            onCollapse(false);
            requestAnimationFrame(() => toggleRef.current?.focus());
          }}>
          <span className="cl-logo" aria-hidden="true" />
          <span>{summary || 'Creator Lens'}</span>
        </button>
      </div>
    );
  }

  return (
    <div ref={rootRef} className="cl-root" data-theme={theme} data-collapsed="false" style={style} role="region" aria-label="Creator Lens" onKeyDown={onKeyDown}>
      <div className="cl-head" {...handlers}>
        <span className="cl-logo" aria-hidden="true" />
        <span className="cl-title">
          <bdi>{title}</bdi>
          {model && <small>@{model.handle}</small>}
        </span>
        <button ref={toggleRef} type="button" className="cl-iconbtn" aria-expanded={!collapsed} aria-label="Collapse Creator Lens" title="Collapse (Esc)" onClick={() => onCollapse(true)}>
          –
        </button>
      </div>
      <div className="cl-body" aria-live="polite">
        {state.kind === 'reading' && <div className="cl-unknown">Reading this page…</div>}
        {state.kind === 'unreadable' && (
          <div className="cl-section">
            <div className="cl-value">Couldn’t read this page</div>
            <div className="cl-def">{state.message}</div>
          </div>
        )}
        {state.kind === 'post' && <PostPanel key={`${state.reading.platform}:${state.reading.id}`} state={state} locale={locale} actions={actions} />}
        {state.kind === 'profile' && <ProfilePanel key={`${state.reading.platform}:${state.reading.handle}`} state={state} platform={platform} locale={locale} actions={actions} />}
      </div>
    </div>
  );
}
