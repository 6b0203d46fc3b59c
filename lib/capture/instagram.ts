/** Instagram for the capture (site.ts): the relay payloads a full load embeds, the profile in the URL. */
import { readInstagramPosts } from '../sites/instagram/posts';
import { route } from '../sites/instagram/route';
import { INSTAGRAM_ROOTS, PAGE_CAPTURE } from './page-sites';
import { langOf, scriptTexts, type CaptureSite } from './site';

/**
 * The server streams Relay results into the HTML as `<script type="application/json" data-sjs>`
 * (research §1.1; yt-dlp's `_SJS_RE`, zeeschuimer); the profile's first 12 posts ride in one
 * (`adp_PolarisProfilePostsQueryRelayPreloader`). Only those naming a posts root are read.
 * Witness: tests/fixtures/api/instagram/profile-2026-sjs.html (tests/unit/capture-sites.test.ts).
 * Whether the nodes stay in the live DOM after ServerJS ran is unverified (research §1.1).
 */
export const EMBEDDED_SCRIPTS = 'script[type="application/json"][data-sjs]';

export const instagramCapture: CaptureSite = {
  platform: 'instagram',
  page: PAGE_CAPTURE.instagram,
  extract: readInstagramPosts,
  embedded: (doc) => scriptTexts(doc, EMBEDDED_SCRIPTS, INSTAGRAM_ROOTS.map((k) => `"${k}"`)),
  subject(url, doc) {
    const r = route(url);
    return r?.handle ? { handle: r.handle, lang: langOf(doc) } : null;
  },
};
