/**
 * The panel on a site's page, in the overlay's shadow root: a header to drag it by and
 * collapse it (Escape, or the button; the pill expands it again), and a body for the page it
 * is on: reading, cannot be read, or a creator's figures as the page shows them
 * (ProfileFigures.tsx). Below them, the panel's frame: the user's part (save, lists, growth,
 * the quote; a booked creator's post), an extension page the site cannot read or listen to
 * (PanelFrame.tsx, lib/protocol/panel.ts). It is made when the user reaches for the panel
 * (pointer, focus, or the "Library & quote" button shown until then; mount.tsx says why),
 * and stays in the tree while the panel is collapsed or between views (hidden), so it is
 * loaded once per panel, not per view.
 * Untrusted text from the page (names, handles) is only ever rendered as text.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { overlayModel } from '@/lib/view/creator';
import type { Platform } from '@/lib/sites/types';
import { figuresView, ProfileFigures } from './ProfileFigures';
import type { OverlayState, Position } from './types';
import { useDrag } from './use-drag';

/** The panel's frame as mount.tsx keeps it: its address (a new one loads a new frame; null: not yet, the numbers are painted first), height, and whether it shows this view. */
export interface FrameSlot {
  src: string | null;
  height: number;
  shown: boolean;
  onLoad(frame: HTMLIFrameElement): void;
  /** The user reached for the panel: the frame is wanted (`focus`: and focus goes into it once shown). */
  onIntent(focus: boolean): void;
}

export interface OverlayProps {
  platform: Platform;
  state: OverlayState;
  locale: string | undefined;
  theme: 'light' | 'dark';
  collapsed: boolean;
  position: Position;
  onCollapse(collapsed: boolean): void;
  onMove(position: Position): void;
  frame: FrameSlot;
  /** Called after every render that shows a reading (performance marks). */
  onPainted?(): void;
}

export function Overlay(props: OverlayProps) {
  const { state, locale, theme, collapsed, position, onCollapse, onMove, frame } = props;
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

  // The title; the collapsed pill's summary (the whole model only then: expanded, the body's figures are CreatorSummary's, which makes its own).
  const model = useMemo(() => (collapsed && state.kind === 'profile' ? overlayModel(state.reading, figuresView(state.view), locale) : null), [collapsed, state, locale]);
  const title = state.kind === 'profile' ? (state.reading.displayName ?? `@${state.reading.handle}`) : state.kind === 'post' && state.reading.handle ? `Post by @${state.reading.handle}` : 'Creator Lens';
  const style = { right: `${where.right}px`, bottom: `${where.bottom}px` };

  const summary = collapsed && model ? [model.followers?.text, model.engagement && 'text' in model.engagement ? model.engagement.text : null].filter(Boolean).join(' · ') : '';

  return (
    <div ref={rootRef} className="cl-root" data-theme={theme} data-collapsed={collapsed ? 'true' : 'false'} style={style} role="region" aria-label="Creator Lens" onKeyDown={onKeyDown}
      onPointerEnter={() => frame.onIntent(false)} onFocusCapture={(e) => frame.onIntent(e.target instanceof Element && e.target.classList.contains('cl-tools'))} {...(collapsed ? handlers : {})}>
      {collapsed ? (
        <button key="pill" ref={pillRef} type="button" className="cl-pill" aria-expanded="false" aria-label={`Expand Creator Lens${summary ? `: ${summary}` : ''}`}
          onClick={() => {
            onCollapse(false);
            requestAnimationFrame(() => toggleRef.current?.focus());
          }}>
          <span className="cl-logo" aria-hidden="true" />
          <span>{summary || 'Creator Lens'}</span>
        </button>
      ) : (
        <div key="head" className="cl-head" {...handlers}>
          <span className="cl-logo" aria-hidden="true" />
          <span className="cl-title">
            <bdi>{title}</bdi>
            {state.kind === 'profile' && <small>@{state.reading.handle}</small>}
          </span>
          <button ref={toggleRef} type="button" className="cl-iconbtn" aria-expanded={!collapsed} aria-label="Collapse Creator Lens" title="Collapse (Esc)" onClick={() => onCollapse(true)}>
            –
          </button>
        </div>
      )}
      <div key="body" className="cl-body" aria-live="polite" hidden={collapsed}>
        {state.kind === 'reading' && <div className="cl-unknown">Reading this page…</div>}
        {state.kind === 'unreadable' && (
          <div className="cl-section">
            <div className="cl-value">Couldn’t read this page</div>
            <div className="cl-def">{state.message}</div>
          </div>
        )}
        {state.kind === 'profile' && <ProfileFigures key={`${state.reading.platform}:${state.reading.handle}`} reading={state.reading} view={state.view} locale={locale} />}
        {state.kind === 'profile' && !frame.shown && (
          <button type="button" className="cl-btn cl-tools" data-variant="ghost" aria-busy={frame.src !== null} title="Saved state, lists and a quote for this creator, in a part of the panel the site cannot read"
            onClick={() => frame.onIntent(true)}>
            {frame.src === null ? 'Library & quote ▸' : 'Opening…'}
          </button>
        )}
        {frame.src !== null && <iframe key={frame.src} className="cl-frame-el" src={frame.src} title="Save, lists and quote" data-shown={frame.shown ? 'true' : 'false'} tabIndex={frame.shown ? 0 : -1}
          style={{ height: `${frame.shown ? frame.height : 0}px` }} onLoad={(e) => frame.onLoad(e.currentTarget)} />}
      </div>
    </div>
  );
}
