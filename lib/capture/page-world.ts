/**
 * The page-world half of the capture (issue 13 §1): installed by entrypoints/<site>-capture.content.ts
 * in the page's own JavaScript world at document_start, before the site's app runs. It wraps the
 * page's `fetch` and `XMLHttpRequest` and, for allow-listed responses only, hands the response
 * TEXT to the isolated content script in a CustomEvent whose detail is a string (Firefox will
 * not pass page objects across worlds; Chrome gives the isolated world `null` for them).
 *
 * What it never does: make a request, change what the page receives or when (the text of a
 * listed fetch response is taken from the page's own text()/json()/arrayBuffer()/bytes() read,
 * and the response is cloned only when the page streams `body` itself; an XHR's text is read
 * after `load`, as it is; everything we do with a text runs in a task of its own), eval, or
 * throw into the page. The wrappers are Proxies over the native functions and
 * `Function.prototype.toString` answers for them as for the natives, so a site that checks that
 * `fetch` "looks native" still sees `function fetch() { [native code] }` (research §3.3 item 8).
 *
 * Where it runs: the manifest's content script with `world: "MAIN"` at document_start —
 * Chrome ≥ 111, Firefox ≥ 128 (also in the MV2 build), synchronously before the page's own
 * scripts and outside the page's CSP. Not WXT's injectScript(): in MV2 it inserts an inline
 * script after an await, too late and blocked by a strict CSP (research §3.1). A browser that
 * does not know `world` runs it isolated, and it then does nothing.
 *
 * This file imports nothing: the main-world bundle must stand alone (≤ 5 KB gzipped). The
 * isolated side (bridge.ts) imports its constants and `matchRoute`, so both apply one rule.
 * Everything it sends is page-controlled text: the page can forge these events as easily as
 * its DOM, and bridge.ts validates and caps them again.
 */

/** page → isolated: one response, `${WIRE}${kind}\n${url}\n${text}`. */
export const RESPONSE_EVENT = 'creator-lens:v1:page-response';
/** isolated → page: the listener is there; replay what was buffered. */
export const READY_EVENT = 'creator-lens:v1:ready';
/** page → isolated: the page world was installed (after the isolated script, e.g. Firefox
 * injecting into an open tab): say ready again. */
export const HELLO_EVENT = 'creator-lens:v1:hello';
/** The first line of every message: the format's version. */
export const WIRE = 'CL1\n';
/** At most this many UTF-16 code units of response text (issue 13: 4 MB per response; equal
 * to MAX_BODY in lib/sites/posts/json.ts, which a unit test holds it to). */
export const MAX_TEXT = 4 * 1024 * 1024;
/** Responses that arrive before the isolated script is ready: a small buffer, oldest dropped. */
export const BUFFER_MESSAGES = 16;
export const BUFFER_CHARS = 16 * 1024 * 1024;

export type CaptureKind = 'fetch' | 'xhr' | 'navigate';

export interface PageRoute {
  /** Matched against the response URL's pathname (same origin as the page only). */
  path: RegExp;
  /** When set, a response is forwarded only if its text carries one of these JSON keys
   * (Instagram: the response's root key, never its rotating `doc_id`). */
  keys?: readonly string[];
}

export interface PageCaptureConfig {
  routes: readonly PageRoute[];
  fetch: boolean;
  xhr: boolean;
  /** The app's own navigation event whose `detail.response` holds the new page's data
   * (YouTube's `yt-navigate-finish`), or null. */
  navigateEvent: string | null;
}

/** The route a URL falls under, or null: another origin, an unparseable URL, a path not listed. */
export function matchRoute(config: PageCaptureConfig, raw: string, base: string, origin: string): PageRoute | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  for (const route of config.routes) if (route.path.test(url.pathname)) return route;
  return null;
}

/** true when `text` may be forwarded under `route` (its root keys, when it has them). */
export function carriesKeys(route: PageRoute, text: string): boolean {
  return !route.keys || route.keys.some((k) => text.includes(`"${k}"`));
}

type Apply = (target: any, self: unknown, args: any[]) => unknown;

/** Installs the capture on `win` (the page's window). Never throws. */
export function installPageCapture(win: Window & typeof globalThis, config: PageCaptureConfig): void {
  try {
    install(win, config);
  } catch {
    /* never into the page */
  }
}

function install(win: Window & typeof globalThis, config: PageCaptureConfig): void {
  // A browser without the main world (Firefox < 128, Chrome < 111) runs this script in the
  // isolated world instead, where wrapping fetch would catch nothing: stay out.
  const g = win as unknown as { chrome?: { runtime?: { id?: unknown } }; browser?: { runtime?: { id?: unknown } } };
  if (typeof (g.browser?.runtime?.id ?? g.chrome?.runtime?.id) === 'string') return;

  // The natives, taken before the page can replace them.
  const doc = win.document;
  const apply = Reflect.apply;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const listen = win.EventTarget.prototype.addEventListener;
  const Custom = win.CustomEvent;
  const Decoder = win.TextDecoder;
  const later = win.setTimeout;
  const idle = win.requestIdleCallback?.bind(win) ?? ((run: () => void) => apply(later, win, [run, 0]));
  const URLc = win.URL;
  const RequestC = win.Request;
  const origin = win.location.origin;
  const natives = new WeakMap<object, Function>();
  const nativeOf = WeakMap.prototype.get;
  const noop = () => {};

  const fire = (type: string, detail?: string) => {
    apply(dispatch, doc, [new Custom(type, detail === undefined ? undefined : { detail })]);
  };

  // ─── Buffer until the isolated script says it listens ────────────────────
  let ready = false;
  const buffer: string[] = [];
  let buffered = 0;
  const emit = (message: string) => {
    if (ready) return fire(RESPONSE_EVENT, message);
    buffer.push(message);
    buffered += message.length;
    while (buffer.length > BUFFER_MESSAGES || buffered > BUFFER_CHARS) buffered -= buffer.shift()!.length;
  };
  apply(listen, doc, [
    READY_EVENT,
    () => {
      ready = true;
      const pending = buffer.splice(0);
      buffered = 0;
      for (const m of pending) fire(RESPONSE_EVENT, m);
    },
  ]);

  const routeFor = (raw: string) => matchRoute(config, raw, doc.baseURI, origin);
  // In a task of its own: the page's own reactions to the same response run first, and the
  // root-key scan and the isolated side's listener are not on the page's path (bench/capture-chromium.ts).
  const send = (kind: CaptureKind, url: string, route: PageRoute | null, text: string) => {
    if (text.length > MAX_TEXT || (route && !carriesKeys(route, text))) return;
    emit(`${WIRE}${kind}\n${url}\n${text}`);
  };
  const forward = (kind: CaptureKind, url: string, route: PageRoute | null, text: string) => {
    apply(later, win, [() => send(kind, url, route, text), 0]);
  };

  // ─── Wrappers that look native ───────────────────────────────────────────
  const wrap = <T extends Function>(target: T, trap: Apply): T => {
    const proxy = new Proxy(target, { apply: trap });
    natives.set(proxy, target);
    return proxy;
  };
  const toString = Function.prototype.toString;
  Function.prototype.toString = wrap(toString, (target, self, args) => apply(target, (apply(nativeOf, natives, [self]) as object | undefined) ?? self, args));

  // ─── fetch ───────────────────────────────────────────────────────────────
  if (config.fetch && typeof win.fetch === 'function') {
    const then = Promise.prototype.then;
    // A string, a URL or a Request (YouTube calls fetch(new Request(…)); rsc-parser broke the
    // site by missing it, research §3.3 item 5). Other objects are not stringified: that
    // would run the page's own toString a second time.
    const urlOf = (input: unknown): string | null =>
      typeof input === 'string' ? input : input instanceof RequestC ? input.url : input instanceof URLc ? input.href : null;
    // The page's own read of a listed response is tapped: its text(), json(), arrayBuffer() or
    // bytes() run natively as before and hand us the same text. A teed body (clone) costs the
    // page's own read of a 1 MB response ~10 % (bench/capture-chromium.ts), so the response is
    // cloned only when the page streams it (reads `body` itself).
    type Hit = { url: string; route: PageRoute; done: boolean };
    const proto = win.Response.prototype;
    const nativeText = proto.text;
    const nativeClone = proto.clone;
    const parse = JSON.parse;
    const pending = new WeakMap<object, Hit>();
    const take = (response: unknown): Hit | null => {
      const hit = apply(nativeOf, pending, [response]) as Hit | undefined;
      if (!hit || hit.done) return null;
      hit.done = true;
      return hit;
    };
    const flag = (response: Response, requested: string) => {
      if (!response.ok) return;
      const url = response.url || requested; // a redirect's final URL must be on the list too
      const route = routeFor(url);
      if (route) pending.set(response, { url, route, done: false });
    };
    const tap = <T>(method: 'text' | 'arrayBuffer' | 'bytes', toText: (value: T) => string) => {
      const native = proto[method] as ((this: Response) => Promise<T>) | undefined;
      if (typeof native !== 'function') return;
      proto[method] = wrap(native, (target, self, args) => {
        const hit = take(self); // before the native read, which may go through the body getter below
        const promise = apply(target, self, args) as Promise<T>;
        if (hit) apply(then, promise, [(value: T) => forward('fetch', hit.url, hit.route, toText(value)), noop]);
        return promise;
      }) as never;
    };
    tap<string>('text', (t) => t);
    // Decoded at once: the page may transfer the buffer away later.
    tap<ArrayBuffer>('arrayBuffer', (b) => new Decoder().decode(b));
    tap<Uint8Array>('bytes', (b) => new Decoder().decode(b));
    // json() is text() then JSON.parse, as the browser does it: the page gets an equal value
    // (or the same SyntaxError), and we get the text.
    proto.json = wrap(proto.json, (target, self, args) => {
      const hit = take(self);
      if (!hit) return apply(target, self, args);
      return apply(then, apply(nativeText, self, []), [
        (text: string) => {
          forward('fetch', hit.url, hit.route, text);
          return parse(text);
        },
      ]);
    });
    // A copy the page makes counts as the response (the first one read wins).
    proto.clone = wrap(nativeClone, (target, self, args) => {
      const copy = apply(target, self, args) as Response;
      const hit = apply(nativeOf, pending, [self]) as Hit | undefined;
      if (hit) pending.set(copy, hit);
      return copy;
    });
    // The page streams the body itself: clone it first (the page then reads one branch of
    // the same bytes) and read our copy.
    let holder: object | null = proto; // Response.prototype itself in browsers (WebIDL mixins are own properties)
    while (holder && !Object.prototype.hasOwnProperty.call(holder, 'body')) holder = Object.getPrototypeOf(holder);
    const body = holder ? Object.getOwnPropertyDescriptor(holder, 'body') : undefined;
    if (holder && body?.get && body.configurable) {
      Object.defineProperty(holder, 'body', {
        ...body,
        get: wrap(body.get, (target, self, args) => {
          const hit = take(self);
          if (hit) {
            try {
              const copy = apply(nativeClone, self, []) as Response;
              readCapped(copy, Decoder).then((text) => text !== null && forward('fetch', hit.url, hit.route, text), noop);
            } catch {
              /* already read: nothing to copy, and nothing thrown into the page */
            }
          }
          return apply(target, self, args);
        }),
      });
    }
    win.fetch = wrap(win.fetch, (target, self, args) => {
      let requested: string | null = null;
      try {
        const url = urlOf(args[0]);
        requested = url !== null && routeFor(url) ? new URLc(url, doc.baseURI).href : null;
      } catch {
        requested = null;
      }
      const promise = apply(target, self, args) as Promise<Response>;
      // Our reaction is attached first, so the response is marked before the page can read it.
      if (requested !== null) {
        const r = requested;
        apply(then, promise, [(response: Response) => flag(response, r), noop]);
      }
      return promise;
    });
  }

  // ─── XMLHttpRequest ──────────────────────────────────────────────────────
  if (config.xhr && typeof win.XMLHttpRequest === 'function') {
    const proto = win.XMLHttpRequest.prototype;
    const opened = new WeakMap<XMLHttpRequest, { url: string; route: PageRoute }>();
    const listening = new WeakSet<XMLHttpRequest>();
    function onLoad(this: XMLHttpRequest) {
      try {
        const hit = opened.get(this);
        if (!hit || this.status < 200 || this.status > 299) return;
        const url = this.responseURL || hit.url;
        const route = routeFor(url);
        if (!route) return;
        const type = this.responseType;
        const text = type === '' || type === 'text' ? this.responseText : type === 'json' && this.response !== null ? JSON.stringify(this.response) : null;
        if (typeof text === 'string') forward('xhr', new URLc(url, doc.baseURI).href, route, text);
      } catch {
        /* never into the page */
      }
    }
    proto.open = wrap(proto.open, (target, self, args) => {
      const result = apply(target, self, args);
      try {
        const raw: unknown = args[1];
        const url = typeof raw === 'string' ? raw : raw instanceof URLc ? raw.href : null;
        const route = url === null ? null : routeFor(url);
        if (route && url !== null) opened.set(self as XMLHttpRequest, { url: new URLc(url, doc.baseURI).href, route });
        else opened.delete(self as XMLHttpRequest);
      } catch {
        /* never into the page */
      }
      return result;
    });
    proto.send = wrap(proto.send, (target, self, args) => {
      try {
        const xhr = self as XMLHttpRequest;
        if (opened.has(xhr) && !listening.has(xhr)) {
          listening.add(xhr);
          apply(listen, xhr, ['load', onLoad]);
        }
      } catch {
        /* never into the page */
      }
      return apply(target, self, args);
    });
  }

  // ─── The app's navigation event (YouTube) ────────────────────────────────
  if (config.navigateEvent) {
    apply(listen, doc, [
      config.navigateEvent,
      (event: Event) => {
        const href = win.location.href;
        const response = (event as CustomEvent).detail?.response as Record<string, unknown> | undefined;
        if (!response || typeof response !== 'object') return;
        // Serialised when the page is idle (a watch page's data is 1–2 MB: a few ms of
        // JSON.stringify), outside the app's event: only the parts the extractors read (the
        // browse/next response and the player response).
        idle(
          () => {
            let text: string;
            try {
              text = JSON.stringify({ page: response.page, response: response.response, playerResponse: response.playerResponse });
            } catch {
              return; // a cycle or a getter that throws: nothing sent
            }
            send('navigate', href, null, text);
          },
          { timeout: 2000 },
        );
      },
    ]);
  }

  fire(HELLO_EVENT);
}

/** The body as text, or null once it passes MAX_TEXT (the rest is not read). */
async function readCapped(response: Response, Decoder: typeof TextDecoder): Promise<string | null> {
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new Decoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (text.length > MAX_TEXT) {
      reader.cancel().catch(() => {});
      return null;
    }
  }
  text += decoder.decode();
  return text.length > MAX_TEXT ? null : text;
}
