/**
 * The overlay's life on a page: created once in a shadow root (WXT createShadowRootUi,
 * closed, its keyboard events kept inside), shown on profile pages, told at once when a
 * new view starts (so it never shows the previous creator's numbers), removed on pages
 * that are not profiles. Position and collapsed state are remembered per site in
 * storage.local, where the popup can also hide the overlay for a site.
 *
 * The user's part of the panel is a frame (lib/protocol/panel.ts): this file creates it with
 * a fresh token in its address, opens one port named by that token once the frame has
 * loaded, sends the frame what it draws on every change, and sizes the frame from what it
 * reports. A frame that loads a second time (the page navigated it) or is put back after the
 * page removed the panel gets a new token and a new element.
 *
 * Paint (issue 18): the stored preferences and the shadow root are prepared as soon as a view
 * of a page we read starts, in parallel with the reading; once both are there a reading is
 * drawn in the same task it arrives in.
 *
 * The frame is made when the user reaches for the panel (the pointer enters it, focus moves
 * into it, or the "Library & quote" button is pressed), not on every page load: creating it
 * and loading an extension page into it was about half of what the extension cost a page's
 * main thread per load (bench/overlay-late-chromium.ts), and most profiles a user scrolls past
 * are only looked at. Once made it stays for the tab's life. A booked post's panel is all
 * frame, so there it is made at once.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ReadingAck } from '@/lib/protocol';
import { isPanelReport, PANEL_PAGE, PANEL_PORT_PREFIX, PANEL_REPORT_EVENT, PANEL_SHOW_EVENT, panelKey, type PanelReport, type PanelShow, type PanelState } from '@/lib/protocol/panel';
import { pageLocale } from '@/lib/view/creator';
import type { Platform, Reading } from '@/lib/sites/types';
import { DEFAULT_PREFS, prefsKey, type OverlayPrefs } from '@/lib/overlay/prefs';
import { Overlay, type FrameSlot } from './Overlay';
import { figuresKey } from './ProfileFigures';
import { OVERLAY_CSS } from './styles';
import type { OverlayState, Position } from './types';

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

/** The content script's end of the channel to the frame (lib/protocol/panel.ts). */
interface FrameChannel {
  post(message: PanelShow): void;
  close(): void;
}

const randomToken = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The profile or post part of a state: what the frame draws. */
const panelStateOf = (state: OverlayState | null): PanelState | null => (state?.kind === 'profile' || state?.kind === 'post' ? state : null);

/** How often a page that keeps removing the panel gets it back within one view. */
const MAX_REMOUNTS = 5;

export function createOverlay(ctx: ContentScriptContext, platform: Platform): OverlayController {
  let prefs: OverlayPrefs = DEFAULT_PREFS;
  let prefsLoaded: Promise<void> | null = null;
  let prefsReady = false;
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
      .catch(() => undefined)
      .finally(() => {
        prefsReady = true;
      }));

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

  /** The frame is made on the user's first reach for the panel (see the top of this file), never before the numbers are painted. */
  let frameWanted = false;
  /** Whether focus was on the panel's "Library & quote" button when the frame was asked for: then it moves into the frame once shown. */
  let focusFrameWhenShown = false;
  const onPainted = () => {
    if (current && paintedFor !== current) {
      paintedFor = current;
      performance.mark('creator-lens:painted', { detail: { platform } });
    }
  };
  const onIntent = (focusFrame: boolean) => {
    if (focusFrame) focusFrameWhenShown = true;
    if (frameWanted) return;
    wantFrame();
    performance.mark('creator-lens:frame-wanted', { detail: { platform } });
    render();
  };

  // The frame: its address carries a token only this content script and that frame know.
  const panelUrl = browser.runtime.getURL(PANEL_PAGE as '/panel.html');
  // Made with the frame (newFrame), not before: most page loads never make one.
  let token = '';
  let tokenTaken = false;
  let framePort: FrameChannel | null = null;
  let frameSize: { height: number; key: string | null } | null = null;
  let frameLoads = new WeakMap<HTMLIFrameElement, number>();
  let framePaintedFor: Reading | null = null;

  /** A new frame element with a new token (the old one's port, if any, is closed). */
  const newFrame = () => {
    token = randomToken();
    tokenTaken = false;
    frameSize = null;
    framePort?.close();
    framePort = null;
    frameLoads = new WeakMap();
  };

  /** The frame is wanted from now on, with its token. */
  function wantFrame() {
    frameWanted = true;
    if (!token) newFrame();
  }

  const onFrameLoad = (el: HTMLIFrameElement) => {
    const loads = (frameLoads.get(el) ?? 0) + 1;
    frameLoads.set(el, loads);
    // Our frame loads once: then, and only then, its port is opened.
    if (loads === 1) return connectFrame(el);
    // A second load is a navigation we did not make: a new frame, a new token.
    if (remounts < MAX_REMOUNTS) {
      remounts++;
      newFrame();
      render();
    }
  };

  const frameSlot = (): FrameSlot => {
    const key = panelKey(panelStateOf(state));
    const shown = key !== null && frameSize?.key === key && !prefs.collapsed;
    return { src: frameWanted ? `${panelUrl}#${token}` : null, height: frameSize?.height ?? 0, shown, onLoad: onFrameLoad, onIntent };
  };

  let lastSent = '';
  const sendToFrame = () => {
    if (!framePort) return;
    const panel = panelStateOf(state);
    const show: PanelShow = { kind: 'show', key: panelKey(panel), platform, locale: locale(), theme: themeOf(), state: panel };
    // Only what changed: each message is a new copy on the other side, and the panel's inputs keep their state across the same view.
    const text = JSON.stringify(show);
    if (text === lastSent) return;
    try {
      framePort.post(show);
      lastSent = text;
    } catch {
      framePort = null;
    }
  };

  const onReport = (message: unknown) => {
    if (ctx.isInvalid || !isPanelReport(message)) return;
    const report: PanelReport = message;
    if (report.kind === 'collapse') {
      savePrefs({ collapsed: true });
      requestAnimationFrame(() => ui?.shadow.querySelector<HTMLElement>('.cl-pill')?.focus());
      return;
    }
    const changed = frameSize?.height !== report.height || frameSize?.key !== report.key;
    frameSize = { height: report.height, key: report.key };
    if (current && framePaintedFor !== current && report.key !== null && report.key === panelKey(panelStateOf(state))) {
      framePaintedFor = current;
      performance.mark('creator-lens:frame-painted', { detail: { platform } });
    }
    if (changed) render();
    if (focusFrameWhenShown && frameSlot().shown) {
      focusFrameWhenShown = false;
      // The button that asked for the frame is gone: focus goes where its content now is.
      requestAnimationFrame(() => ui?.shadow.querySelector<HTMLIFrameElement>('iframe')?.focus());
    }
  };

  /**
   * Opens the channel to the frame, once per token, when the frame has loaded
   * (lib/protocol/panel.ts): in Firefox, events on the frame's document, which this content
   * script may reach and the page may not; elsewhere a runtime port, which only the frame
   * whose address holds this token takes (entrypoints/panel/main.tsx). A frame made after this
   * moment never sees it.
   */
  function connectFrame(el: HTMLIFrameElement) {
    if (ctx.isInvalid || tokenTaken) return;
    tokenTaken = true;
    const opened = token;
    let doc: Document | null = null;
    try {
      doc = el.contentDocument;
      if (doc && !String(doc.location?.href).startsWith(`${panelUrl}#${opened}`)) doc = null;
    } catch {
      doc = null;
    }
    if (doc) {
      const frameDoc = doc;
      const FrameEvent = (el.contentWindow as (Window & typeof globalThis) | null)?.CustomEvent ?? CustomEvent;
      frameDoc.addEventListener(PANEL_REPORT_EVENT, (event) => {
        if (opened !== token) return;
        const detail = (event as CustomEvent<unknown>).detail;
        try {
          const parsed = typeof detail === 'string' ? (JSON.parse(detail) as { token?: unknown; message?: unknown }) : null;
          if (parsed?.token === opened) onReport(parsed.message);
        } catch {
          /* not ours */
        }
      });
      const channel: FrameChannel = {
        post: (message) => void frameDoc.dispatchEvent(new FrameEvent(PANEL_SHOW_EVENT, { detail: JSON.stringify({ token: opened, message }) })),
        close: () => undefined,
      };
      framePort = channel;
    } else {
      let port: Browser.runtime.Port;
      try {
        port = browser.runtime.connect({ name: `${PANEL_PORT_PREFIX}${opened}` });
      } catch {
        return;
      }
      const channel: FrameChannel = { post: (message) => port.postMessage(message), close: () => port.disconnect() };
      framePort = channel;
      port.onMessage.addListener(onReport);
      port.onDisconnect.addListener(() => {
        if (framePort === channel) framePort = null;
      });
    }
    lastSent = '';
    sendToFrame();
  }
  ctx.onInvalidated(() => framePort?.close());

  const locale = () => pageLocale(document.documentElement.lang) ?? pageLocale(navigator.language);
  /** The page's theme, looked up once per reading: getComputedStyle makes the browser bring the page's style up to date there and then. */
  let theme: 'light' | 'dark' | null = null;
  const themeOf = () => (theme ??= pageTheme(document));

  /** The root last drawn into and what it was drawn from (see draw). */
  let drawn: { root: Root; key: string; reading: Reading | null } | null = null;

  function draw(u: ShadowRootContentScriptUi<Root>, shown: OverlayState) {
    // A booked post's panel is all frame (its bookings are the user's): nothing to paint first.
    if (shown.kind === 'post' && !frameWanted) wantFrame();
    // Before the panel goes in: looked up then, the page's style is brought up to date without the panel's.
    const pageIs = themeOf();
    // The page removed the panel: it comes back (at most a few times a view, so a page fighting it cannot make us loop).
    if (u.mounted && !u.shadowHost.isConnected) {
      if (remounts >= MAX_REMOUNTS) return;
      remounts++;
      u.remove();
      newFrame();
    }
    if (!u.mounted) u.mount();
    watchRemoval(u);
    const root = u.mounted;
    if (!root) return;
    const lang = locale();
    const frame = frameSlot();
    // What the shadow root draws from (the library's answer changes only the frame's part, save
    // for the settings that judge the figures): the same again is not drawn again (issue 18;
    // each such draw was about 0.5 ms of the page's main thread, one per load on the three sites' fixtures).
    const drawKey = JSON.stringify([shown.kind, shown.kind === 'unreadable' ? shown.message : null, shown.kind === 'profile' ? figuresKey(shown.view, platform) : null,
      lang ?? null, pageIs, prefs.collapsed, prefs.right, prefs.bottom, frame.src, frame.height, frame.shown]);
    const drawnReading = shown.kind === 'profile' || shown.kind === 'post' ? shown.reading : null;
    if (drawn && drawn.root === root && drawn.key === drawKey && drawn.reading === drawnReading) {
      sendToFrame();
      return;
    }
    drawn = { root, key: drawKey, reading: drawnReading };
    const element = (
      <Overlay
        platform={platform}
        state={shown}
        locale={lang}
        theme={pageIs}
        collapsed={prefs.collapsed}
        position={{ right: prefs.right, bottom: prefs.bottom }}
        onCollapse={(collapsed) => savePrefs({ collapsed })}
        onMove={(p: Position) => savePrefs(p)}
        frame={frame}
        onPainted={onPainted}
      />
    );
    // Synchronously, so the numbers are on screen in the same frame as the reading.
    flushSync(() => root.render(element));
    sendToFrame();
  }

  function render() {
    if (ctx.isInvalid) return;
    if (!state || prefs.hidden) {
      if (ui?.mounted) ui.remove();
      return;
    }
    const shown = state;
    // Both ready (the usual case once a view has started): drawn now, in this task.
    if (prefsReady && ui) {
      if (!prefs.hidden) draw(ui, shown);
      return;
    }
    void Promise.all([loadPrefs(), ensureUi()])
      .then(([, u]) => {
        if (ctx.isInvalid || state !== shown || prefs.hidden) return;
        draw(u, shown);
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
      theme = null;
      // A page we read: the preferences and the shell get ready while the page is read.
      if (isProfile) {
        void loadPrefs();
        void ensureUi().catch(() => undefined);
      }
      state = isProfile && state ? { kind: 'reading' } : null;
      render();
    },
    showReading(reading) {
      current = reading;
      theme = null; // looked up again with each reading (the page may have themed itself since), not on every draw
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
