/**
 * The capture's page-world half (lib/capture/page-world.ts) on a happy-dom window standing in
 * for the page: which responses it forwards, that the page still receives exactly what it
 * asked for, the buffer before the isolated side is ready, and the wrappers' disguise. The
 * real browser (Chromium, strict CSP, native functions) is tests/e2e/capture.e2e.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { INSTAGRAM_ROOTS, PAGE_CAPTURE } from '../../lib/capture/page-sites';
import { BUFFER_MESSAGES, carriesKeys, HELLO_EVENT, installPageCapture, MAX_TEXT, READY_EVENT, RESPONSE_EVENT, WIRE, type PageCaptureConfig } from '../../lib/capture/page-world';
import { readInstagramPosts } from '../../lib/sites/instagram/posts';
import { MAX_BODY } from '../../lib/sites/posts/json';

const API = fileURLToPath(new URL('../fixtures/api/', import.meta.url));
const fixture = (path: string) => readFileSync(`${API}${path}`, 'utf8');

type PageWindow = Window & typeof globalThis;
const nativeToString = Function.prototype.toString;

interface Served {
  body: string | Uint8Array;
  status?: number;
  /** The response's final URL (a redirect); default: none, as a synthetic Response has. */
  url?: string;
}

/** A page on `href` whose network answers from `routes` (path → response), with the capture installed. */
function page(href: string, config: PageCaptureConfig, routes: Record<string, Served> = {}, before?: (win: PageWindow) => void) {
  const win = new HappyWindow({ url: href }) as unknown as PageWindow;
  const requests: string[] = [];
  const returned: Promise<Response>[] = [];
  const fakeFetch = function fetch(input: RequestInfo | URL): Promise<Response> {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, href);
    requests.push(url.href);
    const served = routes[url.pathname];
    const p = served
      ? Promise.resolve(
          (() => {
            const r = new win.Response(served.body as BodyInit, { status: served.status ?? 200 });
            if (served.url) Object.defineProperty(r, 'url', { value: served.url });
            return r;
          })(),
        )
      : Promise.reject(new TypeError('Failed to fetch'));
    returned.push(p);
    return p;
  };
  (win as { fetch: unknown }).fetch = fakeFetch;
  const clones = vi.fn();
  const clone = win.Response.prototype.clone;
  win.Response.prototype.clone = function (this: Response) {
    clones();
    return clone.call(this);
  } as typeof clone;
  before?.(win);
  const hello = vi.fn();
  win.document.addEventListener(HELLO_EVENT, hello);
  installPageCapture(win, config);
  const messages: unknown[] = [];
  win.document.addEventListener(RESPONSE_EVENT, (e) => messages.push((e as CustomEvent).detail));
  const ready = () => win.document.dispatchEvent(new win.CustomEvent(READY_EVENT));
  return { win, requests, returned, fakeFetch, clones, hello, messages, ready };
}

/** Lets the capture's own promise reactions and timers run. */
const settle = () => new Promise((r) => setTimeout(r, 5));

const message = (kind: string, url: string, text: string) => `${WIRE}${kind}\n${url}\n${text}`;

afterEach(() => {
  Function.prototype.toString = nativeToString; // each page installs its own disguise
});

describe('fetch', () => {
  const IG = 'https://www.instagram.com/maya.codes/';
  const posts = fixture('instagram/graphql-profile-posts.json');

  test('an allow-listed response reaches the isolated side as text; the page gets the same body', async () => {
    const p = page(IG, PAGE_CAPTURE.instagram, { '/graphql/query': { body: posts } });
    p.ready();
    const res = await p.win.fetch('/graphql/query', { method: 'POST', body: 'doc_id=1' });
    expect(res.bodyUsed).toBe(false); // our copy is a clone
    expect(await res.text()).toBe(posts);
    await settle();
    expect(p.messages).toEqual([message('fetch', 'https://www.instagram.com/graphql/query', posts)]);
  });

  test('the page gets the very promise the browser returned (same object, same timing)', async () => {
    const p = page(IG, PAGE_CAPTURE.instagram, { '/graphql/query': { body: posts } });
    const got = p.win.fetch('https://www.instagram.com/graphql/query');
    expect(got).toBe(p.returned[0]);
    await got;
  });

  test('fetch(new Request(…)) and fetch(URL) are read (YouTube calls it with a Request)', async () => {
    const browse = fixture('youtube/browse-videos.json');
    const p = page('https://www.youtube.com/@mayacodes/videos', PAGE_CAPTURE.youtube, { '/youtubei/v1/browse': { body: browse }, '/youtubei/v1/next': { body: '{"x":1}' } });
    p.ready();
    await (await p.win.fetch(new p.win.Request('https://www.youtube.com/youtubei/v1/browse?prettyPrint=false', { method: 'POST', body: '{}' }) as unknown as Request)).text();
    await (await p.win.fetch(new p.win.URL('https://www.youtube.com/youtubei/v1/next'))).text();
    await settle();
    expect(p.messages).toEqual([
      message('fetch', 'https://www.youtube.com/youtubei/v1/browse?prettyPrint=false', browse),
      message('fetch', 'https://www.youtube.com/youtubei/v1/next', '{"x":1}'),
    ]);
  });

  test.each([
    ['a path not on the list', '/api/v1/direct_v2/inbox/', { body: posts }],
    ['another origin', 'https://cdn.example/graphql/query', { body: posts }],
    ['a GraphQL answer without a posts root (messages, settings)', '/graphql/query', { body: '{"data":{"xdt_viewer":{"inbox":"private"}}}' }],
    ['an error status', '/graphql/query', { body: posts, status: 500 }],
    ['a redirect off the list', '/graphql/query', { body: posts, url: 'https://www.instagram.com/accounts/login/' }],
  ] as const)('nothing is forwarded for %s', async (_, path, served) => {
    const pathname = new URL(path, IG).pathname;
    const p = page(IG, PAGE_CAPTURE.instagram, { [pathname]: served });
    p.ready();
    const res = await p.win.fetch(path);
    expect(await res.text()).toBe(served.body);
    await settle();
    expect(p.messages).toEqual([]);
  });

  test('the page’s own read is tapped: a listed response is not cloned unless the page streams its body; an unlisted one is not touched', async () => {
    const p = page(IG, PAGE_CAPTURE.instagram, { '/static/bundle.js': { body: 'x'.repeat(1000) }, '/graphql/query': { body: posts } });
    p.ready();
    await (await p.win.fetch('/static/bundle.js')).text();
    await (await p.win.fetch('/graphql/query')).text();
    expect(p.clones).not.toHaveBeenCalled();
    const streamed = await p.win.fetch('/graphql/query');
    const reader = streamed.body!.getReader(); // Relay-style incremental reading
    const parts: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(posts);
    expect(p.clones).toHaveBeenCalledTimes(1);
    await settle();
    expect(p.messages).toEqual([message('fetch', 'https://www.instagram.com/graphql/query', posts), message('fetch', 'https://www.instagram.com/graphql/query', posts)]);
  });

  test('touching body after the page read it neither throws nor copies; nothing is sent inside the page’s own reaction', async () => {
    const p = page(IG, PAGE_CAPTURE.instagram, { '/graphql/query': { body: posts } });
    p.ready();
    const res = await p.win.fetch('/graphql/query');
    const read = res.text();
    expect(p.messages).toEqual([]);
    await read;
    expect(p.messages).toEqual([]); // a task of its own, after the page's reactions
    expect(() => res.body).not.toThrow();
    expect(p.clones).not.toHaveBeenCalled();
    await settle();
    expect(p.messages).toHaveLength(1);
  });

  test('json(): the page gets an equal value, or the same kind of error; arrayBuffer() and a copy the page reads are tapped too, once each', async () => {
    const p = page(IG, PAGE_CAPTURE.instagram, {
      '/graphql/query': { body: posts },
      '/api/graphql': { body: '{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":' }, // cut short
    });
    p.ready();
    expect(await (await p.win.fetch('/graphql/query')).json()).toEqual(JSON.parse(posts));
    const bad = await p.win.fetch('/api/graphql');
    await expect(bad.json()).rejects.toThrow(SyntaxError);
    const bytes = await (await p.win.fetch('/graphql/query')).arrayBuffer();
    expect(new TextDecoder().decode(bytes)).toBe(posts);
    const original = await p.win.fetch('/graphql/query');
    const copy = original.clone();
    expect(await copy.text()).toBe(posts);
    expect(await original.text()).toBe(posts); // read twice by the page, forwarded once
    await settle();
    expect(p.messages.map((m) => String(m).split('\n').slice(1, 2).join() + ':' + String(m).length)).toEqual([
      `fetch:${message('fetch', 'https://www.instagram.com/graphql/query', posts).length}`,
      `fetch:${message('fetch', 'https://www.instagram.com/api/graphql', '{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":').length}`,
      `fetch:${message('fetch', 'https://www.instagram.com/graphql/query', posts).length}`,
      `fetch:${message('fetch', 'https://www.instagram.com/graphql/query', posts).length}`,
    ]);
  });

  test('the list of roots is the extractor’s: every GraphQL fixture it reads posts from passes, and the extractor names each root', () => {
    const graphql = PAGE_CAPTURE.instagram.routes[0]!;
    const dir = `${API}instagram/`;
    const files = readdirSync(dir).filter((f) => /\.(json|txt|html)$/.test(f));
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(`${dir}${f}`, 'utf8');
      if (readInstagramPosts(text, { handle: 'maya.codes' }).posts.length === 0 || /"items"\s*:/.test(text)) continue; // the v1 REST shapes have their own route
      expect(carriesKeys(graphql, text), f).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    const extractor = readFileSync(fileURLToPath(new URL('../../lib/sites/instagram/posts.ts', import.meta.url)), 'utf8');
    for (const root of INSTAGRAM_ROOTS) expect(extractor, root).toContain(`'${root}'`);
  });

  test('each Instagram posts root passes', async () => {
    for (const root of INSTAGRAM_ROOTS) {
      const body = `{"data":{"${root}":{"edges":[]}}}`;
      const p = page(IG, PAGE_CAPTURE.instagram, { '/api/graphql': { body } });
      p.ready();
      await (await p.win.fetch('/api/graphql')).text();
      await settle();
      expect(p.messages, root).toHaveLength(1);
    }
  });

  test('a body over 4 MB is not forwarded, and the page still receives all of it', async () => {
    expect(MAX_TEXT).toBe(MAX_BODY);
    const big = `{"itemList":[${'"x",'.repeat(MAX_TEXT / 4)}"x"]}`;
    const p = page('https://www.tiktok.com/@maya.bakes', PAGE_CAPTURE.tiktok, { '/api/post/item_list/': { body: big } });
    p.ready();
    const res = await p.win.fetch('/api/post/item_list/?count=35');
    expect((await res.text()).length).toBe(big.length);
    await settle();
    expect(p.messages).toEqual([]);
  });

  test('a failed request rejects for the page as before, and nothing of ours is left unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const p = page('https://www.tiktok.com/@maya.bakes', PAGE_CAPTURE.tiktok, {});
    await expect(p.win.fetch('/api/post/item_list/')).rejects.toThrow('Failed to fetch');
    await settle();
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(p.messages).toEqual([]);
  });

  test('bytes are decoded as UTF-8, as Response.text() does', async () => {
    const text = '{"itemList":[],"desc":"Spätzle 🍜"}';
    const p = page('https://www.tiktok.com/@lena.kocht', PAGE_CAPTURE.tiktok, { '/api/post/item_list/': { body: new TextEncoder().encode(text) } });
    p.ready();
    await (await p.win.fetch('/api/post/item_list/')).arrayBuffer();
    await settle();
    expect(p.messages).toEqual([message('fetch', 'https://www.tiktok.com/api/post/item_list/', text)]);
  });
});

describe('before the isolated side is ready', () => {
  const TT = 'https://www.tiktok.com/@maya.bakes';

  test('responses are buffered and replayed in order on ready; later ones go straight through', async () => {
    const p = page(TT, PAGE_CAPTURE.tiktok, { '/api/post/item_list/': { body: '{"itemList":[]}' } });
    expect(p.hello).toHaveBeenCalledTimes(1); // says it is there, for an isolated side already listening
    for (let i = 0; i < 3; i++) await (await p.win.fetch(`/api/post/item_list/?cursor=${i}`)).text();
    await settle();
    expect(p.messages).toEqual([]);
    p.ready();
    expect(p.messages.map((m) => String(m).split('\n')[2])).toEqual([0, 1, 2].map((i) => `https://www.tiktok.com/api/post/item_list/?cursor=${i}`));
    await (await p.win.fetch('/api/post/item_list/?cursor=3')).text();
    await settle();
    expect(p.messages).toHaveLength(4);
  });

  test(`the buffer keeps the newest ${BUFFER_MESSAGES}`, async () => {
    const p = page(TT, PAGE_CAPTURE.tiktok, { '/api/post/item_list/': { body: '{"itemList":[]}' } });
    for (let i = 0; i < BUFFER_MESSAGES + 4; i++) await (await p.win.fetch(`/api/post/item_list/?cursor=${i}`)).text();
    await settle();
    p.ready();
    expect(p.messages).toHaveLength(BUFFER_MESSAGES);
    expect(String(p.messages[0])).toContain('cursor=4\n');
  });
});

describe('XMLHttpRequest', () => {
  /** Enough of XMLHttpRequest for the capture: open, send, and a load the test fires. */
  function fakeXhr(win: PageWindow) {
    const sent: FakeXhr[] = [];
    class FakeXhr extends (win.EventTarget as unknown as typeof EventTarget) {
      status = 0;
      responseType: XMLHttpRequestResponseType = '';
      responseText = '';
      response: unknown = '';
      responseURL = '';
      url = '';
      open(_method: string, url: string | URL) {
        this.url = String(url);
      }
      send() {
        sent.push(this);
      }
      respond(status: number, body: string, type: XMLHttpRequestResponseType = '') {
        this.status = status;
        this.responseType = type;
        this.responseURL = new URL(this.url, win.location.href).href;
        if (type === '' || type === 'text') this.responseText = this.response = body;
        else if (type === 'json') this.response = JSON.parse(body);
        else this.response = new TextEncoder().encode(body).buffer;
        this.dispatchEvent(new win.Event('load') as unknown as Event);
      }
    }
    (win as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
    return sent;
  }

  test('text and json responses are forwarded after load; other types, statuses and paths are not', async () => {
    let sent: { respond(status: number, body: string, type?: XMLHttpRequestResponseType): void }[] = [];
    const p = page('https://www.instagram.com/maya.codes/', PAGE_CAPTURE.instagram, {}, (win) => {
      sent = fakeXhr(win);
    });
    p.ready();
    const body = fixture('instagram/graphql-stream.txt');
    const feed = fixture('instagram/v1-feed-user.json');
    const open = (url: string) => {
      const x = new p.win.XMLHttpRequest();
      x.open('POST', url);
      x.send('doc_id=1');
      return x;
    };
    const pageSaw: string[] = [];
    const a = open('/graphql/query');
    a.addEventListener('load', () => pageSaw.push(a.responseText));
    open('/api/v1/feed/user/51234567890/');
    open('/graphql/query');
    open('/graphql/query');
    open('/api/v1/direct_v2/inbox/');
    sent[0]!.respond(200, body);
    sent[1]!.respond(200, feed, 'json');
    sent[2]!.respond(200, body, 'arraybuffer');
    sent[3]!.respond(404, body);
    sent[4]!.respond(200, '{"inbox":{"threads":["private"]}}');
    await settle();
    expect(pageSaw).toEqual([body]);
    expect(p.messages).toEqual([
      message('xhr', 'https://www.instagram.com/graphql/query', body),
      message('xhr', 'https://www.instagram.com/api/v1/feed/user/51234567890/', JSON.stringify(JSON.parse(feed))),
    ]);
  });

  test('a reused XHR reopened off the list forwards nothing', async () => {
    let sent: { respond(status: number, body: string): void }[] = [];
    const p = page('https://www.tiktok.com/@maya.bakes', PAGE_CAPTURE.tiktok, {}, (win) => {
      sent = fakeXhr(win);
    });
    p.ready();
    const x = new p.win.XMLHttpRequest();
    x.open('GET', '/api/post/item_list/?cursor=0');
    x.send();
    sent[0]!.respond(200, '{"itemList":[]}');
    x.open('GET', '/api/recommend/item_list/');
    x.send();
    sent[1]!.respond(200, '{"itemList":[]}');
    await settle();
    expect(p.messages).toHaveLength(1);
  });
});

describe('the app’s navigation event (YouTube)', () => {
  test('yt-navigate-finish: its response and player response, serialised after the event, with the page URL', async () => {
    const p = page('https://www.youtube.com/@mayacodes/videos', PAGE_CAPTURE.youtube);
    p.ready();
    const detail = JSON.parse(fixture('youtube/navigate-detail.json'));
    p.win.document.dispatchEvent(new p.win.CustomEvent('yt-navigate-finish', { detail: { response: detail } }));
    expect(p.messages).toEqual([]); // not inside the app's own event
    await settle();
    expect(p.messages).toEqual([message('navigate', 'https://www.youtube.com/@mayacodes/videos', JSON.stringify({ page: detail.page, response: detail.response, playerResponse: detail.playerResponse }))]);
  });

  test('a detail that cannot be serialised is dropped without a trace in the page', async () => {
    const p = page('https://www.youtube.com/watch?v=aB3dE5fG7hI', PAGE_CAPTURE.youtube);
    p.ready();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    p.win.document.dispatchEvent(new p.win.CustomEvent('yt-navigate-finish', { detail: { response: { response: cyclic } } }));
    p.win.document.dispatchEvent(new p.win.CustomEvent('yt-navigate-finish', { detail: null }));
    await settle();
    expect(p.messages).toEqual([]);
  });

  test('Instagram and TikTok listen to no navigation event', () => {
    expect([PAGE_CAPTURE.instagram.navigateEvent, PAGE_CAPTURE.tiktok.navigateEvent]).toEqual([null, null]);
  });
});

describe('the wrappers look native', () => {
  test('toString, name and length are the originals’', () => {
    let originalOpen: unknown;
    const p = page('https://www.instagram.com/maya.codes/', PAGE_CAPTURE.instagram, {}, (win) => {
      originalOpen = win.XMLHttpRequest.prototype.open;
    });
    expect(p.win.fetch).not.toBe(p.fakeFetch); // it is wrapped…
    expect(p.win.fetch.toString()).toBe(nativeToString.call(p.fakeFetch)); // …and says what the original says
    expect(Function.prototype.toString.call(p.win.fetch)).toBe(nativeToString.call(p.fakeFetch));
    expect([p.win.fetch.name, p.win.fetch.length]).toEqual([p.fakeFetch.name, p.fakeFetch.length]);
    const open = p.win.XMLHttpRequest.prototype.open;
    expect(open).not.toBe(originalOpen);
    expect(open.toString()).toBe(nativeToString.call(originalOpen));
    expect(Function.prototype.toString.toString()).toMatch(/^function toString\(\) \{\s*\[native code\]\s*\}$/);
    const bare = new Set(Object.getOwnPropertyNames(new HappyWindow()));
    expect(Object.getOwnPropertyNames(p.win).filter((k) => !bare.has(k) && k !== 'fetch')).toEqual([]); // no global of ours
  });

  test('in an isolated world (a browser without the main world) nothing is wrapped', () => {
    let original: unknown;
    const p = page('https://www.tiktok.com/@maya.bakes', PAGE_CAPTURE.tiktok, {}, (win) => {
      (win as unknown as { chrome: unknown }).chrome = { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop' } };
      original = win.fetch;
    });
    expect(p.win.fetch).toBe(original);
    expect(p.hello).not.toHaveBeenCalled();
  });
});
