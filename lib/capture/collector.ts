/**
 * The isolated content script's capture: the responses the page world forwards (bridge.ts)
 * and the data a full load embedded, run through the site's extractor for the creator the
 * page shows, kept per creator (store.ts).
 *
 * Whose posts: the extractors keep only posts whose own owner fields name the creator they
 * are asked for, so a response can never add another account's post. A response is asked
 * only for the creator of the view it arrived in — the URL at arrival — and, when it came
 * in the few seconds before an in-page navigation and holds more of the next view's
 * creator's posts than of its own view's, for the next creator too (the app may request a
 * profile before its URL changes). A view whose URL does not name its creator (a YouTube video, /c/<name>) waits
 * for `identify`. So a previous profile's responses never feed the next one, and another
 * profile's suggested posts never feed that profile's sample.
 *
 * Memory: the texts of the current and previous view only (at most RING entries / RING_CHARS),
 * the extracted posts per creator (store.ts limits). Nothing is written anywhere.
 */
import { normalHandle } from '../sites/posts/extract';
import type { ExtractContext, SkipReason } from '../sites/posts/types';
import { listenToPage, type Bridge, type PagePayload, type Rejection } from './bridge';
import { MAX_TEXT } from './page-world';
import type { CaptureSite } from './site';
import { creatorKey, PostStore, STORE_LIMITS, type CaptureSource, type CapturedPost, type StoreLimits } from './store';

/** Responses kept for re-reading (identify, the next view): this many, this many UTF-16 units. */
export const RING = 8;
export const RING_CHARS = 8 * 1024 * 1024;
/** A response this long before an in-page navigation may be the next profile's, requested early. */
export const PREFETCH_MS = 3000;

/** The part of WXT's ContentScriptContext the collector uses (kept small for tests). */
export interface CaptureContext {
  onInvalidated(callback: () => void): unknown;
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: Event) => void): void;
}

export interface CollectorOptions {
  doc?: Document;
  win?: Window;
  ctx?: CaptureContext;
  now?: () => number;
  /** How the bridge and the embedded reading defer their work (default: idle time). */
  schedule?: (run: () => void) => void;
  limits?: StoreLimits;
}

export interface CaptureStats {
  /** Responses the bridge took / refused, by reason. */
  accepted: number;
  rejected: Partial<Record<Rejection, number>>;
  /** Response texts read (network and embedded). */
  responses: number;
  /** Extractor runs and their total time on the page's thread. */
  extractions: number;
  extractMs: number;
  /** What the extractors skipped, by reason (other accounts, malformed bodies, …). */
  skipped: Partial<Record<SkipReason, number>>;
}

export interface Collector {
  /** The posts held for a creator (handle, or YouTube channel id), in the order first seen. */
  postsFor(handle: string): CapturedPost[];
  /** The creators posts are held for, the most recently updated last. */
  creators(): string[];
  /** The creator the current view's posts are read for (from its URL, or `identify`); null while unknown. */
  viewSubject(): ExtractContext | null;
  /** Names the current view's creator where the URL does not (or adds its owner id): its
   * responses are read for them. */
  identify(ctx: ExtractContext): void;
  /** Called after a creator's posts changed (its key), or with null when a response arrived
   * for a view whose creator is not known yet. Returns the unsubscribe function. */
  onChange(listener: (creator: string | null) => void): () => void;
  stats(): CaptureStats;
  stop(): void;
}

interface View {
  key: string;
  seq: number;
  subject: ExtractContext | null;
  startedAt: number;
}

interface Entry {
  text: string;
  source: CaptureSource;
  at: number;
  view: number;
  /** Own posts found for its view's creator (-1: not read for one yet). */
  own: number;
  done: Set<string>;
}

const viewKey = (href: string) => {
  try {
    const u = new URL(href);
    return `${u.origin}${u.pathname}${u.search}`;
  } catch {
    return href;
  }
};

export function createCollector(site: CaptureSite, options: CollectorOptions = {}): Collector {
  const doc = options.doc ?? document;
  const win = options.win ?? doc.defaultView ?? window;
  const now = options.now ?? Date.now;
  const store = new PostStore(options.limits ?? STORE_LIMITS);
  const listeners = new Set<(creator: string | null) => void>();
  const stats: CaptureStats = { accepted: 0, rejected: {}, responses: 0, extractions: 0, extractMs: 0, skipped: {} };
  let ring: Entry[] = [];
  let stopped = false;

  const subjectOf = (href: string): ExtractContext | null => {
    try {
      return site.subject(new URL(href), doc);
    } catch {
      return null;
    }
  };
  let view: View = { key: viewKey(win.location.href), seq: 0, subject: subjectOf(win.location.href), startedAt: now() };

  const notify = (creator: string | null) => {
    for (const listener of listeners) {
      try {
        listener(creator);
      } catch {
        /* a listener's bug never reaches the page */
      }
    }
  };

  /**
   * Reads an entry for a creator once and keeps their posts — when it holds more than
   * `moreThan` of them (a response from before the view: more of theirs than of the creator
   * it arrived for). Returns how many it held.
   */
  const extractFor = (entry: Entry, ctx: ExtractContext, moreThan = -1): number => {
    const key = creatorKey(ctx);
    const done = `${key}\u0000${ctx.ownerId ?? ''}`;
    if (!key || entry.done.has(done)) return 0;
    entry.done.add(done);
    const t0 = performance.now();
    const x = site.extract(entry.text, ctx);
    stats.extractMs += performance.now() - t0;
    stats.extractions++;
    for (const s of x.skipped) stats.skipped[s.reason] = (stats.skipped[s.reason] ?? 0) + s.count;
    if (x.posts.length > moreThan && store.add(key, x.posts, entry.source, entry.at) > 0) notify(key);
    return x.posts.length;
  };

  /** A response the previous view saw shortly before this one began. */
  const earlyForNext = (entry: Entry, current: View) => entry.view === current.seq - 1 && entry.source === 'network' && entry.at >= current.startedAt - PREFETCH_MS;

  const currentView = (): View => {
    const key = viewKey(win.location.href);
    if (key === view.key) return view;
    view = { key, seq: view.seq + 1, subject: subjectOf(win.location.href), startedAt: now() };
    ring = ring.filter((e) => e.view >= view.seq - 1);
    if (view.subject) for (const e of ring) if (earlyForNext(e, view)) extractFor(e, view.subject, e.own);
    return view;
  };

  const arrive = (text: string, source: CaptureSource, at: number) => {
    if (stopped) return;
    if (text.length > MAX_TEXT) {
      stats.skipped['too-large'] = (stats.skipped['too-large'] ?? 0) + 1;
      return;
    }
    const v = currentView();
    const entry: Entry = { text, source, at, view: v.seq, own: -1, done: new Set() };
    stats.responses++;
    ring.push(entry);
    let chars = ring.reduce((n, e) => n + e.text.length, 0);
    while (ring.length > RING || chars > RING_CHARS) chars -= ring.shift()!.text.length;
    if (v.subject) entry.own = extractFor(entry, v.subject);
    else notify(null);
  };

  // A full load's embedded data, read once now (it describes the first URL only).
  const embedded = (() => {
    try {
      return site.embedded(doc);
    } catch {
      return [];
    }
  })();
  const schedule = options.schedule ?? ((run: () => void) => void setTimeout(run, 0));
  if (embedded.length > 0) {
    const at = now();
    schedule(() => {
      for (const text of embedded) arrive(text, 'embedded', at);
    });
  }

  const bridge: Bridge = listenToPage({
    doc,
    config: site.page,
    now,
    ...(options.schedule && { schedule: options.schedule }),
    onPayload: (p: PagePayload) => arrive(p.text, 'network', p.at),
  });

  const onNavigate = () => {
    if (!stopped) currentView();
  };
  options.ctx?.addEventListener(win as Window, 'wxt:locationchange', onNavigate);
  win.addEventListener('popstate', onNavigate);

  const stop = () => {
    stopped = true;
    bridge.stop();
    win.removeEventListener('popstate', onNavigate);
    ring = [];
    listeners.clear();
  };
  options.ctx?.onInvalidated(stop);

  return {
    postsFor(handle) {
      if (!stopped) currentView();
      return store.postsFor(creatorKey({ handle: normalHandle(handle) }));
    },
    creators: () => store.creators(),
    viewSubject() {
      if (stopped) return null;
      const s = currentView().subject;
      return s && { ...s };
    },
    identify(ctx) {
      if (stopped) return;
      const v = currentView();
      v.subject = { ...ctx, lang: ctx.lang ?? v.subject?.lang ?? doc.documentElement?.getAttribute('lang') ?? null };
      for (const e of ring) {
        if (e.view === v.seq) {
          const n = extractFor(e, v.subject);
          if (e.own < 0) e.own = n;
        } else if (earlyForNext(e, v)) extractFor(e, v.subject, e.own);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ ...stats, accepted: bridge.accepted, rejected: { ...bridge.rejected }, skipped: { ...stats.skipped } }),
    stop,
  };
}

/**
 * Starts the capture in a content script and lets the browser tests read it from the
 * isolated world (`globalThis.__creatorLensCapture`; the page cannot see the isolated
 * world's globals). Nothing is sent or shown yet: the lead wires the posts into the reading.
 */
export function startCapture(ctx: CaptureContext, site: CaptureSite): Collector | null {
  try {
    const collector = createCollector(site, { ctx });
    (globalThis as { __creatorLensCapture?: Collector }).__creatorLensCapture = collector;
    return collector;
  } catch {
    return null; // the capture is an extra: the rest of the content script runs without it
  }
}
