/**
 * Watching a single-page app: one reading per profile view.
 *
 * The sites navigate in-page (pushState) and render counts late (hydration, lazy
 * headers, YouTube rewriting text nodes in place). A view starts when the URL changes;
 * the page is read at once and again on DOM mutations until the reading is complete, or
 * stops improving for `quietMs`, or `maxWaitMs` passes. The first mutation that can carry
 * counts (one that adds nodes or changes text) is read at once, in the observer's callback:
 * the sites render their headers client-side, so that is usually the mutation that brings
 * them, and a trailing throttle added 100 ms to every panel (issue 18: 119–125 ms from the
 * counts to the panel). Later mutations are read at most once per `throttleMs`, on the
 * leading edge and once more after the burst. Then the reading is emitted,
 * once, and observing stops until the next navigation. Everything is tied to the
 * content-script context so an extension reload or update cleans up.
 */
import { unreadable } from './common';
import type { Reading, Site } from './types';

/** The part of WXT's ContentScriptContext the watcher needs (kept small for tests). */
export interface WatchContext {
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): unknown;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: Event) => void): void;
}

export interface WatchOptions {
  ctx: WatchContext;
  site: Site;
  emit(reading: Reading, url: URL): void;
  /** A new view began (the URL changed): whatever was shown for the previous one is stale. */
  onViewStart?(url: URL): void;
  win?: Window;
  /** Give up waiting for late counts after this long (the reading is then emitted as it is). */
  maxWaitMs?: number;
  /** Emit an incomplete reading once it has not improved for this long. */
  quietMs?: number;
  /** At most one re-read per this interval while the page mutates (the first mutation of a view is read at once). */
  throttleMs?: number;
}

export interface Watcher {
  /** Re-check the URL now (navigation events call this). */
  check(): void;
  stop(): void;
}

function score(reading: Reading): number {
  if (reading.kind === 'unreadable') return -1;
  const r = reading as unknown as Record<string, unknown> & { exact: Record<string, boolean> };
  let s = 0;
  for (const [key, exact] of Object.entries(r.exact)) {
    if (r[key] !== null && r[key] !== undefined) s += exact ? 3 : 2;
  }
  return s + (reading.kind === 'profile' ? Math.min(reading.recent.length, 50) / 100 : 0);
}

const WAIT_FOR = new Set<string>(['loading', 'no-stats']);

/** Whether a mutation can bring counts: new nodes or changed text (a removal alone cannot). */
const canCarryCounts = (record: MutationRecord) => record.type === 'characterData' || record.addedNodes.length > 0;

export function isComplete(reading: Reading, site: Site): boolean {
  if (reading.kind === 'post') return reading.likes !== null || reading.views !== null;
  if (reading.kind !== 'profile') return false;
  return site.profileCounts.every((k) => reading[k] !== null);
}

export function watchPage(options: WatchOptions): Watcher {
  const { ctx, site, emit } = options;
  const win = options.win ?? window;
  const doc = win.document;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const quietMs = options.quietMs ?? 800;
  const throttleMs = options.throttleMs ?? 100;

  let viewKey: string | null = null;
  let viewUrl: URL | null = null;
  let observer: MutationObserver | null = null;
  let throttle: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setTimeout> | undefined;
  let deadline = 0;
  let best: Reading | null = null;
  let bestScore = -Infinity;
  let improvedAt = 0;
  /** When a mutation last led to a read in this view (-Infinity: none yet, so the first is read at once). */
  let mutationReadAt = -Infinity;
  let done = true;

  const read = (url: URL): Reading => {
    try {
      return site.read(doc, url);
    } catch (error) {
      return unreadable(site.id, 'no-stats', `The ${site.id} reader failed on this page (${(error as Error)?.message ?? 'error'}).`);
    }
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    clearTimeout(throttle);
    clearTimeout(tick);
    throttle = tick = undefined;
  };

  const finish = (reading: Reading) => {
    if (done) return;
    done = true;
    stopObserving();
    if (!ctx.isInvalid && viewUrl) {
      try {
        emit(reading, viewUrl);
      } catch {
        /* a guest never throws into the page */
      }
    }
  };

  const attempt = () => {
    if (done || !viewUrl || ctx.isInvalid) return;
    const now = Date.now();
    const reading = read(viewUrl);
    if (isComplete(reading, site)) return finish(reading);
    const s = score(reading);
    if (s > bestScore || best === null) {
      if (s > bestScore) improvedAt = now;
      best = reading;
      bestScore = s;
    }
    if (now >= deadline) return finish(best);
    // A settled answer — counts, or a page that says it is private, missing or an error —
    // is emitted once it stops changing; "loading" and "no stats" wait for the deadline.
    const settled = best.kind !== 'unreadable' || !WAIT_FOR.has(best.reason);
    if (settled && now - improvedAt >= quietMs) return finish(best);
    // Mutations may stop before the reading settles: look again when the quiet period ends.
    clearTimeout(tick);
    tick = setTimeout(attempt, Math.min(quietMs, Math.max(0, deadline - now)) + 1);
  };

  const readAfterMutation = () => {
    mutationReadAt = Date.now();
    attempt();
  };

  const schedule = (records: MutationRecord[]) => {
    if (throttle !== undefined || done || !records.some(canCarryCounts)) return;
    const since = Date.now() - mutationReadAt;
    if (since >= throttleMs) return readAfterMutation();
    throttle = setTimeout(() => {
      throttle = undefined;
      readAfterMutation();
    }, throttleMs - since);
  };

  const check = () => {
    if (ctx.isInvalid) return;
    try {
      const url = new URL(win.location.href);
      // A view is what the page shows: its path, and for a post its id (YouTube's /watch?v=…).
      // The rest of a query is not a new view: a page that rewrites ?v=1, ?v=2… every few ms
      // must not turn one profile visit into hundreds (B5 of the reliability report).
      const route = site.route(url);
      const key = `${url.origin}${url.pathname}${route?.kind === 'post' ? `#${route.id}` : ''}`;
      if (key === viewKey) return;
      viewKey = key;
      stopObserving();
      viewUrl = url;
      done = false;
      best = null;
      bestScore = -Infinity;
      improvedAt = Date.now();
      mutationReadAt = -Infinity;
      deadline = improvedAt + maxWaitMs;
      try {
        options.onViewStart?.(url);
      } catch {
        /* a guest never throws into the page */
      }
      if (!site.reads(url)) return finish(unreadable(site.id, 'not-a-profile', 'Not a profile or post page.'));
      attempt();
      if (done) return;
      observer = new MutationObserver(schedule);
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
    } catch {
      /* never into the page */
    }
  };

  const onNavigate = () => check();
  ctx.addEventListener(win, 'wxt:locationchange', onNavigate);
  // Faster than WXT's polling where the browser tells us: the Navigation API (Chromium)
  // reports pushState at once; YouTube announces its own navigations.
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onNavigate);
  win.addEventListener('popstate', onNavigate);
  doc.addEventListener('yt-navigate-finish', onNavigate);

  const stop = () => {
    done = true;
    stopObserving();
    nav?.removeEventListener('navigatesuccess', onNavigate);
    win.removeEventListener('popstate', onNavigate);
    doc.removeEventListener('yt-navigate-finish', onNavigate);
  };
  ctx.onInvalidated(stop);
  check();
  return { check, stop };
}
