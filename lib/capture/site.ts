/**
 * What the capture needs to know about a site: what its page world forwards, the extractor
 * for its responses, where a full page load embeds the same data, and whose posts a URL
 * shows. One object per site (instagram.ts, tiktok.ts, youtube.ts); each content script
 * imports only its own, so it carries only its own extractor.
 */
import type { Platform } from '../sites/platforms';
import type { ExtractContext, PostExtractor } from '../sites/posts/types';
import type { PageCaptureConfig } from './page-world';

export interface CaptureSite {
  platform: Platform;
  page: PageCaptureConfig;
  extract: PostExtractor;
  /** The texts of the document's embedded data that may hold posts (read once, on a full
   * load: after in-page navigation they still describe the first page). */
  embedded(doc: Document): string[];
  /** The creator whose posts the URL shows, as the extractors' context; null when the URL
   * does not say (a YouTube video, /c/<name>, an Instagram /p/<id>/): the content script
   * tells the collector later (`identify`). */
  subject(url: URL, doc: Document): ExtractContext | null;
}

/** The page's language, for counts the site words ("1,2 K"). */
export function langOf(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || null;
}

/** The text of every element matching `selector` that mentions one of `keys` (cheap
 * filter before any parsing). */
export function scriptTexts(doc: Document, selector: string, keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    const text = el.textContent ?? '';
    if (keys.some((k) => text.includes(k))) out.push(text);
  }
  return out;
}
