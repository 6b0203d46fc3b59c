/**
 * The panel's frame (entrypoints/panel): the user's part of the panel, in an extension page
 * inside the overlay's shadow root, so what is typed, selected or shown here stays out of the
 * site's reach (lib/protocol/panel.ts). It draws what the content script sends (`show`),
 * reports its height so the frame fits its content, and hands Escape to the panel (which
 * collapses it, as Escape anywhere in the panel does).
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { PanelReport, PanelShow } from '@/lib/protocol/panel';
import { panelKey } from '@/lib/protocol/panel';
import { PostPanel } from './PostPanel';
import { ProfilePanel } from './ProfilePanel';
import type { OverlayActions } from './types';

export interface PanelFrameProps {
  show: PanelShow | null;
  actions: OverlayActions;
  report(message: PanelReport): void;
}

export function PanelFrame({ show, actions, report }: PanelFrameProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const state = show?.state ?? null;
  const key = panelKey(state);
  const reportRef = useRef(report);
  reportRef.current = report;

  // The frame's height follows its content (the shadow root sizes the frame from it).
  useLayoutEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const send = () => {
      // A collapsed panel hides the frame: nothing to measure then.
      if (innerWidth === 0) return;
      reportRef.current({ kind: 'size', height: Math.ceil(el.getBoundingClientRect().height), key });
    };
    send();
    const observer = new ResizeObserver(send);
    observer.observe(el);
    return () => observer.disconnect();
  }, [key]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      report({ kind: 'collapse' });
    }
  };

  return (
    <div ref={rootRef} className="cl-root cl-frame" data-theme={show?.theme ?? 'light'} onKeyDown={onKeyDown}>
      {state?.kind === 'profile' && show && <ProfilePanel key={key} state={state} platform={show.platform} locale={show.locale} actions={actions} />}
      {state?.kind === 'post' && show && <PostPanel key={key} state={state} locale={show.locale} actions={actions} />}
    </div>
  );
}
