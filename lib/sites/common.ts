/**
 * Helpers the site readers share: text from the DOM, JSON embedded in script text,
 * meta tags, and choosing the best of several candidate counts.
 * No browser API beyond the Document passed in; runs in the page and in Node (linkedom).
 */
import { countsAgree, parseCount, type ParsedCount } from '../parse-count';
import { parseJson } from './parsed-json';
import type { Platform, Selector, Source, Unreadable, UnreadableReason } from './types';

/** Visible text of an element, whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function metaContent(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
  return el?.getAttribute('content') ?? null;
}

/** The page's language, for the count parser ("en-GB", "de"). */
export function pageLang(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || null;
}

/**
 * Finds `<marker> = {...}` in the page's script text and parses it. Content scripts live in
 * an isolated world and cannot read `window.ytInitialData`; the script text is all they have.
 */
export function embeddedJson(doc: Document, marker: string | RegExp, worthParsing?: (text: string) => boolean): unknown {
  const key = typeof marker === 'string' ? marker : marker.source;
  for (const script of scriptsWith(doc, key, marker)) {
    const text = scriptText(script);
    // Parsing a megabyte of JSON costs milliseconds on the page's main thread: skip it when
    // the text cannot be about this page (after in-page navigation it never is).
    if (worthParsing && !worthParsing(text)) return undefined;
    let entry = cached(script, key, text);
    if (!entry || entry.at !== undefined) {
      const at = entry?.at ?? markerEnd(text, marker);
      const start = text.indexOf('{', at);
      entry = remember(script, key, text, { found: true, value: start < 0 || at < 0 ? undefined : parseJsonAt(text, start) });
    }
    if (entry.value !== undefined) return entry.value;
  }
  return undefined;
}

/**
 * The inline scripts whose text holds `marker`, in document order. The answer is kept per
 * document and lookup while the page has the same number of inline scripts, and each script
 * is searched once per lookup: the reader re-reads on every DOM change, and a megabyte of
 * script text that does not hold the marker is not searched again (nor read: a script's
 * text is its one text node's data, not a copy of the whole page's text).
 */
function scriptsWith(doc: Document, key: string, marker: string | RegExp): Element[] {
  // A live collection: cheap to ask on every read. Scripts that come, go or are replaced
  // (a page swapped in whole) change its length, its last element or disconnect a hit.
  const all = doc.getElementsByTagName('script');
  const count = all.length;
  const last = all[count - 1] ?? null;
  let byKey = scriptLists.get(doc);
  const known = byKey?.get(key);
  if (known && known.count === count && known.last === last && known.hits.every((h) => h.isConnected)) return known.hits;
  const scripts = doc.querySelectorAll('script:not([src])');
  const hits: Element[] = [];
  for (const script of Array.from(scripts)) {
    const text = scriptText(script);
    let entry = cached(script, key, text);
    if (!entry) {
      const at = markerEnd(text, marker);
      entry = at < 0 ? remember(script, key, text, { found: false, value: undefined }) : remember(script, key, text, { found: true, value: undefined, at });
    }
    if (entry.found) hits.push(script);
  }
  if (!byKey) scriptLists.set(doc, (byKey = new Map()));
  byKey.set(key, { count, last, hits });
  return hits;
}

const scriptLists = new WeakMap<Document, Map<string, { count: number; last: Element | null; hits: Element[] }>>();

/** A script's text without building a copy: the data of its one text node (the usual case), else its textContent. */
function scriptText(script: Element): string {
  const first = script.firstChild;
  return first && first === script.lastChild && first.nodeType === 3 ? (first as Text).data : script.textContent ?? '';
}

function markerEnd(text: string, marker: string | RegExp): number {
  return typeof marker === 'string' ? indexAfter(text, marker) : regexIndexAfter(text, marker);
}

/**
 * What each lookup found in each script element: whether its marker is there and the JSON
 * parsed after it. The watcher re-reads on every DOM change and a script's text does not
 * change, so each object is parsed once per page view. The lookup is part of the key: one
 * script can hold two objects (2019–21 YouTube watch pages assign `ytInitialData` and
 * `ytInitialPlayerResponse` in the same script), and each lookup must get its own.
 */
interface Found {
  found: boolean;
  value: unknown;
  /** Where the marker ends, while the JSON after it is not parsed yet. */
  at?: number;
}
const parsedScripts = new WeakMap<Element, Map<string, Found & { length: number }>>();

function cached(script: Element, key: string, text: string): Found | undefined {
  const entry = parsedScripts.get(script)?.get(key);
  return entry && entry.length === text.length ? entry : undefined;
}

function remember(script: Element, key: string, text: string, found: Found): Found {
  let byKey = parsedScripts.get(script);
  if (!byKey) parsedScripts.set(script, (byKey = new Map()));
  byKey.set(key, { ...found, length: text.length });
  return found;
}

/** The JSON of one script element (TikTok's `<script id="SIGI_STATE">` and its successors), parsed once per page view. */
export function scriptJson(doc: Document, script: Selector): unknown {
  const el = doc.querySelector(script.selector);
  const text = el ? scriptText(el) : '';
  if (!el || !text) return undefined;
  const entry = cached(el, '', text);
  if (entry) return entry.value;
  let value: unknown;
  try {
    value = parseJson(text);
  } catch {
    value = undefined;
  }
  return remember(el, '', text, { found: true, value }).value;
}

function indexAfter(text: string, marker: string): number {
  const i = text.indexOf(marker);
  return i < 0 ? -1 : i + marker.length;
}

function regexIndexAfter(text: string, marker: RegExp): number {
  const m = marker.exec(text);
  return m ? m.index + m[0].length : -1;
}

/** Parses the JSON object starting at `start`: first the fast path (the object runs to the
 * script's last `}`), then a scan for the matching brace that respects strings. */
function parseJsonAt(text: string, start: number): unknown {
  const lastBrace = text.lastIndexOf('}');
  if (lastBrace > start) {
    const tail = text.slice(lastBrace + 1).trim();
    if (tail === '' || tail === ';') {
      try {
        return parseJson(text.slice(start, lastBrace + 1));
      } catch {
        /* fall through to the scan */
      }
    }
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) {
      try {
        return parseJson(text.slice(start, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Safe property walk through parsed JSON: `dig(data, 'a', 0, 'b')`. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Every object under `root` that has `key`, depth-first, bounded so a hostile page cannot stall us. */
export function findAll(root: unknown, key: string, limit = 500, maxDepth = 40): unknown[] {
  const out: unknown[] = [];
  const stack: [unknown, number][] = [[root, 0]];
  let visited = 0;
  while (stack.length && out.length < limit && visited < 200_000) {
    const [node, depth] = stack.pop()!;
    visited++;
    if (node === null || typeof node !== 'object' || depth > maxDepth) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    if (key in obj) out.push(obj[key]);
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) stack.push([obj[keys[i]!], depth + 1]);
  }
  return out;
}

export interface Candidate {
  count: ParsedCount;
  source: Source;
}

/**
 * One count from several sources: exact beats abbreviated, but only when the two agree
 * within the abbreviation's precision (an exact number that disagrees with what the page
 * shows is stale — e.g. meta tags after in-page navigation). Order of `candidates` is
 * the preference among equals: freshest first.
 */
export function bestCount(candidates: (Candidate | null | undefined)[]): Candidate | null {
  const list = candidates.filter((c): c is Candidate => !!c);
  if (list.length === 0) return null;
  const first = list[0]!;
  if (first.count.exact) return first;
  const exact = list.find((c) => c.count.exact && countsAgree(c.count, first.count));
  return exact ?? first;
}

export function candidate(text: string | null | undefined, source: Source, lang: string | null): Candidate | null {
  const count = parseCount(text, { lang });
  return count ? { count, source } : null;
}

/** A number from embedded JSON: exact when it is a string of digits or an integer we trust. */
export function jsonCandidate(value: unknown, exact: boolean): Candidate | null {
  let n: number | null = null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) n = value;
  else if (typeof value === 'string' && /^\d{1,15}$/.test(value)) n = Number(value);
  if (n === null) return null;
  return { count: { value: n, exact, step: exact ? 1 : stepOf(n), unit: '' }, source: 'json' };
}

/** The precision of a number that was rounded before it was stored ("19,400"). */
function stepOf(n: number): number {
  if (n < 1000) return 1;
  return 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
}

export function unreadable(platform: Platform, reason: UnreadableReason, message: string): Unreadable {
  return { kind: 'unreadable', platform, reason, message };
}

/** Does `text` contain one of `words`? Case-insensitive: the words are lower case (tests/unit/words.test.ts). */
export function hasWord(text: string, words: readonly string[]): boolean {
  const norm = text.toLowerCase();
  return words.some((w) => norm.includes(w));
}

/** Two handles or ids are the same: both non-empty strings, equal ignoring case. */
export function same(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a !== '' && a.toLowerCase() === b.toLowerCase();
}

/** One CSS selector matching what any of `selectors` matches (in document order, as `querySelectorAll` gives it). */
export function anyOf(selectors: Selector | readonly Selector[]): string {
  return 'selector' in selectors ? selectors.selector : selectors.map((s) => s.selector).join(', ');
}

/** Every path segment, decoded; empty ones dropped. */
export function segments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}
