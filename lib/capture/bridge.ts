/**
 * The isolated side of the capture's bridge: listens for the page world's response events
 * (page-world.ts), says it is ready (the page world then replays what it buffered), and hands
 * each response on — validated, capped and later, never inside the page's own event.
 *
 * Everything here arrives from the page's world, which the page controls as fully as its DOM:
 * the page can dispatch these events itself, with any detail. So nothing is trusted more than
 * the DOM is: the detail must be a string in our format, at most MAX_TEXT long, from a URL of
 * the page's own origin on the site's list (for the navigation event: the page's own URL), with
 * the list's root keys; at most RATE per second are taken and at most QUEUE wait. What passes
 * is still page-controlled text: the extractors parse it defensively and never throw.
 */
import { carriesKeys, HELLO_EVENT, matchRoute, MAX_TEXT, READY_EVENT, RESPONSE_EVENT, WIRE, type CaptureKind, type PageCaptureConfig } from './page-world';

export interface PagePayload {
  kind: CaptureKind;
  /** The response's absolute URL (for `navigate`: the page's URL when the app navigated). */
  url: string;
  text: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export type Rejection =
  | 'not-a-string' // a detail of another type (a page object, null)
  | 'not-ours' // a string without our format's first line
  | 'malformed' // our first line, but no kind or URL after it
  | 'too-large' // over MAX_TEXT
  | 'not-allowed' // another origin, a path not on the list, no root key, a navigation the site has not
  | 'rate' // over RATE per second
  | 'queue-full'; // the oldest waiting response dropped for a newer one

/** At most this many responses per second are taken (research §3.4: a page could flood us). */
export const RATE = 20;
/** At most this many wait to be handled; the oldest is dropped. */
export const QUEUE = 16;
const MAX_HEADER = 8 * 1024;
const KINDS: readonly CaptureKind[] = ['fetch', 'xhr', 'navigate'];

export interface BridgeOptions {
  doc: Document;
  config: PageCaptureConfig;
  onPayload(payload: PagePayload): void;
  now?: () => number;
  /** Runs the handling later (default: when the page is idle, at most 500 ms on). */
  schedule?: (run: () => void) => void;
}

export interface Bridge {
  readonly rejected: Readonly<Partial<Record<Rejection, number>>>;
  /** Responses handed on (after the later checks). */
  readonly accepted: number;
  stop(): void;
}

export function listenToPage(options: BridgeOptions): Bridge {
  const { doc, config, onPayload } = options;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? idle(doc.defaultView);
  const rejected: Partial<Record<Rejection, number>> = {};
  const queue: { detail: string; at: number }[] = [];
  let accepted = 0;
  let scheduled = false;
  let stopped = false;
  let tokens = RATE;
  let filledAt = now();

  const reject = (reason: Rejection) => {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
  };

  // The listener only checks the type and the length and keeps the string: the format, the
  // list and the root keys are checked later, off the page's path.
  const drain = () => {
    scheduled = false;
    while (!stopped && queue.length > 0) {
      const { detail, at } = queue.shift()!;
      const payload = decode(detail, config, doc, at);
      if (typeof payload === 'string') {
        reject(payload);
        continue;
      }
      accepted++;
      try {
        onPayload(payload);
      } catch {
        /* a consumer's bug never reaches the page */
      }
    }
  };

  const take = (): boolean => {
    const t = now();
    tokens = Math.min(RATE, tokens + ((t - filledAt) / 1000) * RATE);
    filledAt = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const onResponse = (event: Event) => {
    if (stopped) return;
    let detail: unknown;
    try {
      detail = (event as CustomEvent).detail; // Firefox may refuse a page object outright
    } catch {
      return reject('not-a-string');
    }
    if (typeof detail !== 'string') return reject('not-a-string');
    if (detail.length > MAX_TEXT + MAX_HEADER) return reject('too-large');
    if (!take()) return reject('rate');
    queue.push({ detail, at: now() });
    if (queue.length > QUEUE) {
      queue.shift();
      reject('queue-full');
    }
    if (!scheduled) {
      scheduled = true;
      schedule(drain);
    }
  };

  const Custom = doc.defaultView?.CustomEvent ?? CustomEvent; // the document's own (a test's window)
  const sayReady = () => {
    if (!stopped) doc.dispatchEvent(new Custom(READY_EVENT));
  };

  doc.addEventListener(RESPONSE_EVENT, onResponse);
  doc.addEventListener(HELLO_EVENT, sayReady);
  sayReady();

  return {
    rejected,
    get accepted() {
      return accepted;
    },
    stop() {
      stopped = true;
      queue.length = 0;
      doc.removeEventListener(RESPONSE_EVENT, onResponse);
      doc.removeEventListener(HELLO_EVENT, sayReady);
    },
  };
}

/** A message → a payload, or why not. Exported for tests. */
export function decode(detail: unknown, config: PageCaptureConfig, doc: Document, at: number): PagePayload | Rejection {
  if (typeof detail !== 'string') return 'not-a-string';
  if (detail.length > MAX_TEXT + MAX_HEADER) return 'too-large';
  if (!detail.startsWith(WIRE)) return 'not-ours';
  const kindEnd = detail.indexOf('\n', WIRE.length);
  const urlEnd = kindEnd < 0 ? -1 : detail.indexOf('\n', kindEnd + 1);
  if (kindEnd < 0 || urlEnd < 0 || urlEnd > MAX_HEADER) return 'malformed';
  const kind = detail.slice(WIRE.length, kindEnd) as CaptureKind;
  const url = detail.slice(kindEnd + 1, urlEnd);
  if (!KINDS.includes(kind)) return 'malformed';
  const text = detail.slice(urlEnd + 1);
  if (text.length > MAX_TEXT) return 'too-large';

  const origin = doc.location?.origin ?? '';
  const base = doc.baseURI || doc.location?.href || '';
  if (kind === 'navigate') {
    if (!config.navigateEvent || !sameOrigin(url, origin)) return 'not-allowed';
  } else {
    const allowed = kind === 'fetch' ? config.fetch : config.xhr;
    const route = allowed ? matchRoute(config, url, base, origin) : null;
    if (!route || !carriesKeys(route, text)) return 'not-allowed';
  }
  return { kind, url, text, at };
}

function sameOrigin(raw: string, origin: string): boolean {
  try {
    return new URL(raw).origin === origin;
  } catch {
    return false;
  }
}

/** requestIdleCallback where there is one (Chromium, Firefox), else a timer. */
function idle(win: (Window & typeof globalThis) | null): (run: () => void) => void {
  const ric = win?.requestIdleCallback?.bind(win);
  if (ric) return (run) => void ric(() => run(), { timeout: 500 });
  return (run) => void setTimeout(run, 0);
}
