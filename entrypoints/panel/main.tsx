/**
 * The panel's frame: an extension page the overlay embeds in its shadow root on the sites'
 * pages (web_accessible_resources there only; wxt.config.ts). Wiring only: it takes the
 * channel its tab's content script opens with the token from this frame's address
 * (lib/protocol/panel.ts), draws what comes through it (components/overlay/PanelFrame.tsx),
 * and sends the user's actions to the background, which acts on the creator this tab shows.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PanelFrame } from '@/components/overlay/PanelFrame';
import { FRAME_CSS, OVERLAY_CSS, TOOLS_CSS } from '@/components/overlay/styles';
import type { OverlayActions } from '@/components/overlay/types';
import { sendMessage } from '@/lib/protocol';
import { PANEL_PORT_PREFIX, PANEL_REPORT_EVENT, PANEL_SHOW_EVENT, type PanelReport, type PanelShow } from '@/lib/protocol/panel';

const actions: OverlayActions = {
  save: (creatorKey) => sendMessage('cs→bg:save', { creatorKey }),
  addToList: (creatorKey, list) => sendMessage('cs→bg:add-to-list', { creatorKey, list }),
  keepDeal: (request) => sendMessage('cs→bg:keep-deal', request),
  markPost: (bookingId) => sendMessage('cs→bg:mark-post', { bookingId }),
  openDashboard: (page, creatorKey) => sendMessage('cs→bg:open-dashboard', { page, creatorKey }),
};

const style = document.createElement('style');
style.textContent = OVERLAY_CSS + TOOLS_CSS + FRAME_CSS;
document.head.append(style);

const root = createRoot(document.getElementById('root')!);
const token = location.hash.slice(1);

/** How this frame answers its content script: the port (Chromium) or events on its own document (Firefox); null until connected. */
let answer: ((message: PanelReport) => void) | null = null;
const report = (message: PanelReport) => {
  try {
    answer?.(message);
  } catch {
    /* the content script went away (navigation, extension reload) */
  }
};
const draw = (show: PanelShow | null) => flushSync(() => root.render(<PanelFrame show={show} actions={actions} report={report} />));
draw(null);

const isShow = (m: unknown): m is PanelShow => typeof m === 'object' && m !== null && (m as PanelShow).kind === 'show';
/**
 * Each message arrives as a new copy: the parts equal to what is drawn keep the objects
 * already drawn, so the panel's own state (a list just added, a quote typed) is not reset by
 * an update that did not change them (the components' effects depend on these objects).
 */
let drawn: PanelShow | null = null;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
function keepDrawn(next: PanelShow): PanelShow {
  const before = drawn?.state;
  const after = next.state;
  if (!before || !after || before.kind !== after.kind) return next;
  const reading = same(before.reading, after.reading) ? before.reading : after.reading;
  if (after.kind === 'profile' && before.kind === 'profile') {
    return { ...next, state: { ...after, reading: reading as typeof after.reading, view: same(before.view, after.view) ? before.view : after.view } };
  }
  if (after.kind === 'post' && before.kind === 'post') {
    return { ...next, state: { ...after, reading: reading as typeof after.reading, bookings: same(before.bookings, after.bookings) ? before.bookings : after.bookings } };
  }
  return next;
}

function shown(message: unknown) {
  if (!isShow(message)) return;
  drawn = keepDrawn(message);
  draw(drawn);
}
function gone() {
  answer = null;
  drawn = null;
  draw(null);
}

/**
 * Chromium: the content script connects when this frame has loaded (runtime.connect reaches
 * every page of the extension). Heard: the one port that names this frame's token, from a
 * content script in the top frame of a tab; a second one with it is closed, and the other
 * tabs' panels' ports are left to them.
 */
const portName = `${PANEL_PORT_PREFIX}${token}`;
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== portName) return;
  const sender = port.sender;
  const fromOurContentScript = sender?.id === browser.runtime.id && sender.tab?.id !== undefined && sender.frameId === 0;
  if (!token || answer || !fromOurContentScript) return port.disconnect();
  answer = (message) => port.postMessage(message);
  performance.mark('creator-lens:frame-connected');
  port.onMessage.addListener(shown);
  port.onDisconnect.addListener(gone);
});

/**
 * Firefox runs an extension frame inside a site's page as a content-script-like context (no
 * tabs API, not reached by the content script's runtime.connect), and lets the content
 * script, which holds the extension's principal, into this document: it sends on it with
 * PANEL_SHOW_EVENT and listens for PANEL_REPORT_EVENT. The page cannot reach this document
 * (another origin), so it can neither hear nor send these. The details are JSON text, with
 * the token.
 */
document.addEventListener(PANEL_SHOW_EVENT, (event) => {
  const detail = (event as CustomEvent<unknown>).detail;
  let parsed: { token?: unknown; message?: unknown };
  try {
    parsed = typeof detail === 'string' ? (JSON.parse(detail) as typeof parsed) : {};
  } catch {
    return;
  }
  if (!token || parsed.token !== token) return;
  if (!answer) {
    answer = (message) => document.dispatchEvent(new CustomEvent(PANEL_REPORT_EVENT, { detail: JSON.stringify({ token, message }) }));
    performance.mark('creator-lens:frame-connected');
  }
  shown(parsed.message);
});
