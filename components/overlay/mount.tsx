/**
 * The overlay's life on a page: created once in a shadow root (WXT createShadowRootUi,
 * closed, its keyboard events kept inside), shown on profile pages, told at once when a
 * new view starts (so it never shows the previous creator's numbers), removed on pages
 * that are not profiles. Position and collapsed state are remembered per site in
 * storage.local, where the popup can also hide the overlay for a site.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sendMessage, type ReadingAck } from '@/lib/protocol';
import { pageLocale } from '@/lib/view/creator';
import type { Platform, Reading } from '@/lib/sites/types';
import { DEFAULT_PREFS, prefsKey, type OverlayPrefs } from '@/lib/overlay/prefs';
import { Overlay } from './Overlay';
import { OVERLAY_CSS } from './styles';
import type { OverlayActions, OverlayState, Position } from './types';

/** Light or dark, from the page's own background (the sites theme themselves, not only by media query). */
export function pageTheme(doc: Document): 'light' | 'dark' {
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(getComputedStyle(el).backgroundColor);
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export interface OverlayController {
  viewStarted(isProfile: boolean): void;
  showReading(reading: Reading): void;
  applyAck(reading: Reading, ack: ReadingAck): void;
}

const actions: OverlayActions = {
  save: (creatorKey) => sendMessage('cs→bg:save', { creatorKey }),
  addToList: (creatorKey, list) => sendMessage('cs→bg:add-to-list', { creatorKey, list }),
  keepDeal: (request) => sendMessage('cs→bg:keep-deal', request),
  markPost: (bookingId) => sendMessage('cs→bg:mark-post', { bookingId }),
  openDashboard: (page, creatorKey) => sendMessage('cs→bg:open-dashboard', { page, creatorKey }),
};

/** How often a page that keeps removing the panel gets it back within one view. */
const MAX_REMOUNTS = 5;

export function createOverlay(ctx: ContentScriptContext, platform: Platform): OverlayController {
  let prefs: OverlayPrefs = DEFAULT_PREFS;
  let prefsLoaded: Promise<void> | null = null;
  let ui: ShadowRootContentScriptUi<Root> | null = null;
  let creating: Promise<ShadowRootContentScriptUi<Root>> | null = null;
  let state: OverlayState | null = null;
  let current: Reading | null = null;
  let paintedFor: Reading | null = null;

  const loadPrefs = () =>
    (prefsLoaded ??= browser.storage.local
      .get(prefsKey(platform))
      .then((got) => {
        prefs = { ...DEFAULT_PREFS, ...((got[prefsKey(platform)] as Partial<OverlayPrefs> | undefined) ?? {}) };
      })
      .catch(() => undefined));

  const savePrefs = (patch: Partial<OverlayPrefs>) => {
    prefs = { ...prefs, ...patch };
    browser.storage.local.set({ [prefsKey(platform)]: prefs }).catch(() => undefined);
    render();
  };

  // The popup can hide the overlay for this site; the change applies at once.
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[prefsKey(platform)];
    if (area !== 'local' || !change || ctx.isInvalid) return;
    prefs = { ...DEFAULT_PREFS, ...((change.newValue as Partial<OverlayPrefs> | undefined) ?? {}) };
    render();
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  // A name the page cannot know before we create it: a page that defines our element's name
  // first gets our closed shadow root through attachInternals() (B1 of the reliability
  // report). Defined later, the upgrade gives it no access (the root was attached before).
  const hostName = `creator-lens-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => 'abcdefghijklmnopqrstuvwxyz'[b % 26]).join('')}`;
  const ensureUi = () =>
    (creating ??= createShadowRootUi<Root>(ctx, {
      name: hostName,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      mode: 'closed',
      isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'],
      css: OVERLAY_CSS,
      onMount: (container) => createRoot(container),
      onRemove: (root) => root?.unmount(),
    }).then((created) => {
      ui = created;
      // Only this extension's isolated world can see it (the browser tests use it; the page cannot).
      (globalThis as { __creatorLensOverlay?: ShadowRoot }).__creatorLensOverlay = created.shadow;
      return created;
    }));

  const onPainted = () => {
    if (current && paintedFor !== current) {
      paintedFor = current;
      performance.mark('creator-lens:painted', { detail: { platform } });
    }
  };

  function render() {
    if (ctx.isInvalid) return;
    if (!state || prefs.hidden) {
      if (ui?.mounted) ui.remove();
      return;
    }
    const shown = state;
    void loadPrefs()
      .then(ensureUi)
      .then((u) => {
        if (ctx.isInvalid || state !== shown || prefs.hidden) return;
        // The page removed the panel: it comes back (at most a few times a view, so a page fighting it cannot make us loop).
        if (u.mounted && !u.shadowHost.isConnected) {
          if (remounts >= MAX_REMOUNTS) return;
          remounts++;
          u.remove();
        }
        if (!u.mounted) u.mount();
        watchRemoval(u);
        const root = u.mounted;
        if (!root) return;
        const element = (
          <Overlay
            platform={platform}
            state={shown}
            locale={pageLocale(document.documentElement.lang) ?? pageLocale(navigator.language)}
            theme={pageTheme(document)}
            collapsed={prefs.collapsed}
            position={{ right: prefs.right, bottom: prefs.bottom }}
            onCollapse={(collapsed) => savePrefs({ collapsed })}
            onMove={(p: Position) => savePrefs(p)}
            actions={actions}
            onPainted={onPainted}
          />
        );
        // Synchronously, so the numbers are on screen in the same frame as the reading.
        flushSync(() => root.render(element));
      })
      .catch(() => {
        /* a guest never throws into the page */
      });
  }

  let remounts = 0;
  let removalWatch: MutationObserver | null = null;
  /** Re-renders once the page takes the panel's host out of the document. */
  function watchRemoval(u: ShadowRootContentScriptUi<Root>) {
    if (removalWatch || !u.shadowHost.parentNode) return;
    removalWatch = new MutationObserver(() => {
      if (!u.shadowHost.isConnected && u.mounted) render();
    });
    removalWatch.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => removalWatch?.disconnect());
  }

  return {
    viewStarted(isProfile) {
      remounts = 0;
      current = null;
      state = isProfile && state ? { kind: 'reading' } : null;
      render();
    },
    showReading(reading) {
      current = reading;
      // The same creator again (more of their posts arrived): what the library said stays until its next answer, no flicker.
      const same = reading.kind === 'profile' && state?.kind === 'profile' && state.reading.platform === reading.platform && state.reading.handle === reading.handle;
      if (reading.kind === 'profile') state = same && state?.kind === 'profile' ? { ...state, reading } : { kind: 'profile', reading, view: null, libraryError: null };
      else if (reading.kind === 'unreadable' && reading.reason !== 'not-a-profile') state = { kind: 'unreadable', message: reading.message };
      else state = null; // post pages wait for the background (see applyAck); other pages: no panel
      render();
    },
    applyAck(reading, ack) {
      // A post page gets a panel only when its creator is booked in a campaign (to mark it as a deliverable).
      if (reading === current && reading.kind === 'post') {
        state = ack.ok && ack.bookings?.length ? { kind: 'post', reading, bookings: ack.bookings } : null;
        render();
        return;
      }
      if (reading !== current || reading.kind !== 'profile' || state?.kind !== 'profile') return;
      if (!ack.ok) state = { ...state, libraryError: null };
      else state = { ...state, view: ack.view, libraryError: ack.library.ok ? null : ack.library.reason };
      render();
    },
  };
}
