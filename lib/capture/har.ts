/**
 * `npm run read-page -- --har <file>`: the responses a saved HAR (1.2, as Chrome's and
 * Firefox's developer tools save it "with content") holds, read as the extension's capture
 * reads the page's own responses — the same list of paths and root keys (page-sites.ts), the
 * same 4 MB limit, the same extractor and owner rule, the same store (store.ts) — plus the
 * data embedded in the saved page. Pure: no file or network access (scripts/read-page.ts
 * reads the files).
 */
import type { Extraction, ExtractContext } from '../sites/posts/types';
import { carriesKeys, matchRoute, MAX_TEXT } from './page-world';
import type { CaptureSite } from './site';
import { creatorKey, PostStore, type CapturedPost } from './store';

export interface ResponseRead {
  url: string;
  /** Posts of the creator it held, or why it was not read. */
  posts: number;
  skipped?: Extraction['skipped'];
  refused?: 'status' | 'no-content' | 'too-large' | 'no-posts-root';
}

export interface CaptureRead {
  /** Whose posts: the creator of the URL (or the reading's handle where the URL does not say). */
  creator: string | null;
  posts: CapturedPost[];
  /** The HAR's responses on the capture's list, in order; the others are only counted. */
  responses: ResponseRead[];
  ignored: number;
  /** Embedded texts read from the page, and the posts they held. */
  embedded: { texts: number; posts: number };
}

interface HarEntry {
  startedDateTime?: unknown;
  request?: { url?: unknown };
  response?: { status?: unknown; content?: { text?: unknown; encoding?: unknown } };
}

/** The entries of a parsed HAR file; throws with a sentence when it is not one. */
export function harEntries(har: unknown): HarEntry[] {
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new Error('not a HAR file (no log.entries)');
  return entries.filter((e): e is HarEntry => e !== null && typeof e === 'object');
}

export function readCapture(site: CaptureSite, url: URL, doc: Document, har: unknown | null, fallbackHandle?: string | null): CaptureRead {
  const subject: ExtractContext | null = site.subject(url, doc) ?? (fallbackHandle ? { handle: fallbackHandle, lang: doc.documentElement?.getAttribute('lang') ?? null } : null);
  const store = new PostStore();
  const key = subject ? creatorKey(subject) : null;
  const out: CaptureRead = { creator: key, posts: [], responses: [], ignored: 0, embedded: { texts: 0, posts: 0 } };

  const extract = (text: string) => (subject ? site.extract(text, subject) : null);
  for (const text of site.embedded(doc)) {
    out.embedded.texts++;
    const x = text.length > MAX_TEXT ? null : extract(text);
    if (x && key) out.embedded.posts += (store.add(key, x.posts, 'embedded', 0), x.posts.length);
  }

  for (const entry of har === null ? [] : harEntries(har)) {
    const raw = typeof entry.request?.url === 'string' ? entry.request.url : '';
    const route = matchRoute(site.page, raw, url.href, url.origin);
    if (!route) {
      out.ignored++;
      continue;
    }
    const read: ResponseRead = { url: raw, posts: 0 };
    out.responses.push(read);
    const status = entry.response?.status;
    const text = contentText(entry.response?.content);
    if (typeof status !== 'number' || status < 200 || status > 299) read.refused = 'status';
    else if (text === null) read.refused = 'no-content';
    else if (text.length > MAX_TEXT) read.refused = 'too-large';
    else if (!carriesKeys(route, text)) read.refused = 'no-posts-root';
    else {
      const x = extract(text);
      if (!x || !key) continue;
      read.posts = x.posts.length;
      if (x.skipped.length) read.skipped = x.skipped;
      const at = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
      store.add(key, x.posts, 'network', Number.isFinite(at) ? at : 0);
    }
  }
  out.posts = key ? store.postsFor(key) : [];
  return out;
}

/** A HAR response's body as text: plain, or base64 as Chrome saves some bodies (UTF-8, as the page decodes them). */
function contentText(content: { text?: unknown; encoding?: unknown } | undefined): string | null {
  if (typeof content?.text !== 'string') return null;
  if (content.encoding !== 'base64') return content.text;
  try {
    const bytes = Uint8Array.from(atob(content.text), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}
