/**
 * Reading response text the sites send: JSON framed in ways JSON.parse alone refuses.
 * No browser or Node API; runs in the isolated content script and in Node.
 */
import { parseJson } from '../parsed-json';
import type { SkipReason } from './types';

/** Responses longer than this are refused unparsed (issue 13: at most 4 MB per response;
 * measured in UTF-16 code units, which is what the bridge carries). */
export const MAX_BODY = 4 * 1024 * 1024;

// Anti-JSON-hijacking prefixes: Instagram `for (;;);` (research §2.1, zeeschuimer),
// Google `)]}'`, and the `while(1);` some Meta endpoints use.
const XSSI = /^(?:for\s*\(\s*;\s*;\s*\)\s*;|\)\]\}'|while\s*\(\s*1\s*\)\s*;)/;
// Script text as the page embeds it: `var ytInitialData = {…};`, `window["ytInitialData"] = {…};`.
const ASSIGNED = /(?:\b(?:var|let|const)\s+[\w$]+|\bwindow(?:\.[\w$]+|\[\s*["'][\w$]+["']\s*\]))\s*=\s*(?=[{[])/;
const ASSIGNMENT = new RegExp(`^${ASSIGNED.source}`);

export interface Documents {
  docs: unknown[];
  /** One entry per part that could not be read. */
  problems: SkipReason[];
}

/**
 * Every JSON document in `text`: one body; newline-separated documents (Instagram's
 * streamed GraphQL, research §2.1) or documents back to back; or page script text
 * (`var ytInitialData = {…};` and the code after it, several scripts joined). A truncated
 * or malformed part is reported and the rest kept. `__proto__` keys are dropped while
 * parsing, so a hostile body cannot reach a prototype however the result is used later.
 */
export function parseDocuments(text: unknown): Documents {
  if (typeof text !== 'string') return { docs: [], problems: ['not-json'] };
  if (text.length > MAX_BODY) return { docs: [], problems: ['too-large'] };
  const { body, script } = stripFraming(text);
  if (!body) return { docs: [], problems: ['not-json'] };
  // Fast path: one document (nearly every response).
  const whole = parse(body.endsWith(';') ? body.slice(0, -1) : body);
  if (whole !== FAILED) return { docs: [whole], problems: [] };
  return script ? scriptDocuments(body) : streamDocuments(body);
}

/** Documents separated by whitespace or `;`, each chunk possibly with its own prefix. */
function streamDocuments(body: string): Documents {
  const docs: unknown[] = [];
  const problems: SkipReason[] = [];
  for (let i = 0; ; ) {
    i = skipSeparators(body, i);
    if (i >= body.length) break;
    const prefix = XSSI.exec(body.slice(i, i + 16));
    if (prefix) {
      i += prefix[0].length;
      continue;
    }
    const c = body.charCodeAt(i);
    if (c !== 123 /* { */ && c !== 91 /* [ */) {
      // Text that is neither a document nor a separator: stop rather than guess.
      problems.push(docs.length + problems.length > 0 ? 'malformed' : 'not-json');
      break;
    }
    const end = readAt(body, i, docs, problems);
    if (end < 0) break;
    i = end + 1;
  }
  if (docs.length === 0 && problems.length === 0) problems.push('not-json');
  return { docs, problems };
}

/** Script text: the value of each `NAME = {…}` assignment, and bare documents between
 * them (a script joined with a response); the code around them is skipped. */
function scriptDocuments(body: string): Documents {
  const docs: unknown[] = [];
  const problems: SkipReason[] = [];
  const next = new RegExp(ASSIGNED.source, 'g');
  for (let i = 0; i >= 0 && i < body.length; ) {
    const end = readAt(body, i, docs, problems);
    if (end < 0) break;
    const after = skipSeparators(body, end + 1);
    const c = body.charCodeAt(after);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      i = after;
      continue;
    }
    next.lastIndex = end + 1;
    const m = next.exec(body);
    i = m ? m.index + m[0].length : -1;
  }
  return { docs, problems };
}

/** Parses the document starting at `start` into `docs`; returns its last index, or -1 when it never ends. */
function readAt(body: string, start: number, docs: unknown[], problems: SkipReason[]): number {
  const end = matchingEnd(body, start);
  if (end < 0) {
    problems.push('truncated');
    return -1;
  }
  const doc = parse(body.slice(start, end + 1));
  if (doc === FAILED) problems.push('malformed');
  else docs.push(doc);
  return end;
}

const FAILED = Symbol('failed');

function parse(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return FAILED;
  }
}

function stripFraming(text: string): { body: string; script: boolean } {
  let s = text.replace(/^\uFEFF/, '').trimStart();
  let script = false;
  for (let guard = 0; guard < 3; guard++) {
    const x = XSSI.exec(s);
    const a = x ? null : ASSIGNMENT.exec(s);
    if (!x && !a) break;
    script ||= !!a;
    s = s.slice((x ?? a)![0].length).trimStart();
  }
  return { body: s.trimEnd(), script };
}

function skipSeparators(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 59 /* ; */) i++;
    else break;
  }
  return i;
}

/** Index of the bracket closing the one at `start`, strings respected; -1 if the text ends first. */
function matchingEnd(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return i;
  }
  return -1;
}

// ─── Reading parsed JSON ─────────────────────────────────────────────────────

type Key = string | number;

/** Own-property walk: `dig(data, 'a', 0, 'b')`. Inherited names (`constructor`) read as undefined. */
export function dig(value: unknown, ...path: Key[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<Key, unknown>)[key];
  }
  return cur;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Research §3.4: counts are finite integers 0…1e12; anything else is unknown. */
const MAX_COUNT = 1e12;

/** A count sent as an integer or a string of digits; null for anything else (negative
 * overflow, floats, "1.2M", numbers past 2^53 that JSON.parse already rounded). */
export function count(value: unknown): number | null {
  let n: number | null = null;
  if (typeof value === 'number') n = Number.isSafeInteger(value) ? value : null;
  else if (typeof value === 'string' && /^\d{1,13}$/.test(value)) n = Number(value);
  return n !== null && n >= 0 && n <= MAX_COUNT ? n : null;
}

// 2005-04-23 (YouTube's first video) … 2100: a timestamp outside is a wrong field, not a date.
const MIN_TIME = Date.UTC(2005, 3, 23);
const MAX_TIME = Date.UTC(2100, 0, 1);

/** Unix seconds (number or digit string) → ms, or null when implausible. */
export function secondsToMs(value: unknown): number | null {
  const s = count(value);
  if (s === null) return null;
  const ms = s * 1000;
  return ms >= MIN_TIME && ms < MAX_TIME ? ms : null;
}

/** An ISO date or date-time ("2021-03-17", "2017-07-07T09:05:11-07:00") → ms. A bare date
 * reads as midnight UTC: the day is right, the hour is not claimed. */
export function isoToMs(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= MIN_TIME && ms < MAX_TIME ? ms : null;
}

export interface WalkLimits {
  maxDepth: number;
  maxNodes: number;
}

/** Research §3.3 item 13: Meta's envelope puts posts ~16 levels down, so the walk goes to
 * depth 32 (a 2025–26 project shipped a cap of 14 that never reached a post), and stops
 * after 100k nodes so a hostile page cannot stall us. */
export const WALK_LIMITS: WalkLimits = { maxDepth: 32, maxNodes: 100_000 };

/** Every object under `root` that has one of `keys` as an own property, depth-first, bounded. */
export function findObjectsWithKey(root: unknown, keys: readonly string[], limits: WalkLimits = WALK_LIMITS): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack: [unknown, number][] = [[root, 0]];
  let visited = 0;
  while (stack.length > 0 && visited < limits.maxNodes) {
    const [node, depth] = stack.pop()!;
    visited++;
    if (node === null || typeof node !== 'object' || depth > limits.maxDepth) continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    if (keys.some((k) => Object.prototype.hasOwnProperty.call(obj, k))) {
      out.push(obj);
      continue; // a root's own contents are read by the caller, not searched again
    }
    const own = Object.keys(obj);
    for (let i = own.length - 1; i >= 0; i--) stack.push([obj[own[i]!], depth + 1]);
  }
  return out;
}
