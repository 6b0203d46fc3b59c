/**
 * Which of each site's own responses the page world forwards (issue 13 §1; field paths and
 * evidence in ../shared/research/engagement-data.md §2). Everything else the page loads is
 * never read: the list is checked on the URL before a body is touched, and Instagram's
 * GraphQL endpoint, which also carries messages and settings, only passes with a root key
 * that holds posts. The same list picks the responses `read-page --har` reads (har.ts) and
 * is checked again on the isolated side (bridge.ts).
 *
 * No imports at run time: the main-world bundles include this file.
 */
import type { PageCaptureConfig } from './page-world';

/** The response roots that carry a profile's posts, as lib/sites/instagram/posts.ts reads
 * them (tests/unit/capture-page-world.test.ts holds the two lists together). Matched by
 * key, never by `doc_id`, which rotates every few weeks (research §2.1). */
export const INSTAGRAM_ROOTS = [
  'xdt_api__v1__feed__user_timeline_graphql_connection', // posts tab: first page and scroll pages
  'xdt_api__v1__clips__user__connection_v2', // reels tab until 2026-08
  'fetch__XDTUserDict', // reels tab since 2026-08-23 (`.clips_connection`)
  'xdt_api__v1__media__shortcode__web_info', // a post opened in the app
] as const;

export const PAGE_CAPTURE = {
  instagram: {
    // The app uses both (research §3.2: glassgram patches XHR and fetch).
    fetch: true,
    xhr: true,
    navigateEvent: null,
    routes: [
      { path: /^\/(?:graphql\/query|api\/graphql)\/?$/, keys: INSTAGRAM_ROOTS },
      // The v1 REST feed: /api/v1/feed/user/<id>/ and the older /api/v1/feed/user/<name>/username/.
      { path: /^\/api\/v1\/feed\/user\/[\w.]+\/(?:username\/)?$/ },
    ],
  },
  tiktok: {
    fetch: true,
    xhr: true,
    navigateEvent: null,
    // The profile grid only: /api/preload/, /api/recommend/, /api/related/ and
    // /api/explore/item_list/ hold other creators' videos (research §2.2).
    routes: [{ path: /^\/api\/post\/item_list\/?$/ }],
  },
  youtube: {
    // The app fetches (`fetch(new Request(…))`); it hands each navigation's data to its own
    // `yt-navigate-finish` event too (research §2.3).
    fetch: true,
    xhr: false,
    navigateEvent: 'yt-navigate-finish',
    routes: [{ path: /^\/youtubei\/v1\/(?:browse|next)$/ }],
  },
} as const satisfies Record<'instagram' | 'tiktok' | 'youtube', PageCaptureConfig>;
