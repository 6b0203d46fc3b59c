/**
 * The panel's two halves and what passes between them (issue 15, B2). The overlay draws the
 * page's own numbers in its closed shadow root; the user's part of the panel (saved, lists,
 * growth since the last visit, the quote, the campaign bookings and every button and input)
 * is an extension page, `panel.html`, in a frame inside that shadow root. The page can see
 * that a frame is there; it cannot read into it, hear the keys typed in it, or see what is
 * selected there.
 *
 * The channel is opened by the content script once the frame has loaded, and never goes
 * through anything the page can read or send into (window.postMessage can be watched and
 * forged by the page):
 * - Chromium: a runtime port (`runtime.connect({ name })`, which reaches the extension's own
 *   pages, the frame among them);
 * - Firefox, which runs an extension frame inside a site's page as a content-script-like
 *   context that the content script's runtime.connect does not reach, but lets the content
 *   script (it holds the extension's principal) into the frame's document: events on that
 *   document (PANEL_SHOW_EVENT in, PANEL_REPORT_EVENT out), JSON text. The page cannot reach
 *   that document (another origin).
 * Both carry a token the content script put in the frame's address, a new one for every
 * frame element and used once; only the frame the content script created knows it, so a
 * panel.html the page frames itself gets nothing, and one made after the channel was opened
 * never sees it.
 * The frame acts through the background like a content script: `cs→bg:save` and its
 * siblings, accepted from the sender kind `panel` (lib/background/handlers.ts), for the
 * creator the frame's own tab shows.
 *
 * Plain data and types only: the content script and the frame both import this file.
 */
import type { CreatorView, PostBooking } from './payloads';
import type { Platform, PostReading, ProfileReading } from '../sites/types';

/** The frame's page, as `browser.runtime.getURL` takes it. */
export const PANEL_PAGE = '/panel.html';

/** The port's name: this prefix and the frame's token. */
export const PANEL_PORT_PREFIX = 'creator-lens:panel:';

/** Firefox's channel: events on the frame's document, `{ token, message }` as JSON text. */
export const PANEL_SHOW_EVENT = 'creator-lens:panel-show';
export const PANEL_REPORT_EVENT = 'creator-lens:panel-report';

/** What the frame shows: a creator's profile or a booked creator's post (anything else: nothing). */
export type PanelState =
  | { kind: 'profile'; reading: ProfileReading; view: CreatorView | null; libraryError: string | null }
  | { kind: 'post'; reading: PostReading; bookings: PostBooking[] };

/** Content script → frame: everything the frame draws, sent again on every change. */
export interface PanelShow {
  kind: 'show';
  /** Which creator or post `state` is about (the frame reports it back with its size). */
  key: string | null;
  platform: Platform;
  locale: string | undefined;
  theme: 'light' | 'dark';
  state: PanelState | null;
}

/** Frame → content script. */
export type PanelReport =
  /** The frame's content is this tall now, drawn for `key`. */
  | { kind: 'size'; height: number; key: string | null }
  /** Escape in the frame: collapse the panel. */
  | { kind: 'collapse' };

/** The key the frame's size is reported for: a profile's creator key, a post's platform and id. */
export function panelKey(state: PanelState | null): string | null {
  if (!state) return null;
  return state.kind === 'profile' ? `${state.reading.platform}:${state.reading.handle}` : `${state.reading.platform}:post:${state.reading.id}`;
}

/** A report from the frame, checked field by field (the content script trusts nothing it did not make). */
export function isPanelReport(m: unknown): m is PanelReport {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.kind === 'collapse') return true;
  return r.kind === 'size' && typeof r.height === 'number' && Number.isFinite(r.height) && r.height >= 0 && r.height < 10_000 && (r.key === null || typeof r.key === 'string');
}
