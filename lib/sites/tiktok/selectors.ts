/**
 * TikTok's markup. Class names are emotion hashes (css-…-DivNumber) that change with every
 * deploy: anchor on data-e2e attributes (stable 2021–2026, see tests/fixtures/tiktok/) and
 * on the ids of the data scripts. One exception, CAPTCHA's third entry, says why. Every
 * selector's witnesses are checked by tests/unit/selectors.test.ts.
 */
import type { Selector } from '../types';

const PROFILES_2022_2026 = ['tiktok/profile-2022-sigi-state.html', 'tiktok/profile-2024-universal.html', 'tiktok/profile-dom-only-de.html'];
const RENDERED_2025_2026 = ['tiktok/tt-2025-12-illojuan-profile-rendered.html', 'tiktok/tt-2026-03-carlosazaustre-profile-rendered.html'];

export const DOM = {
  handle: {
    selector: '[data-e2e="user-title"]',
    why: 'the username: an h1 on 2021–2024 profiles, an h1/h2 pair with the same attribute since 2025; names whose header it is',
    witnesses: PROFILES_2022_2026,
    real: RENDERED_2025_2026,
  },
  nickname: {
    selector: '[data-e2e="user-subtitle"]',
    why: 'the display name under the username',
    witnesses: PROFILES_2022_2026,
    real: RENDERED_2025_2026,
  },
  followers: {
    selector: '[data-e2e="followers-count"]',
    why: 'header count, abbreviated ("2.6M"); 2021– desktop',
    witnesses: PROFILES_2022_2026,
    real: RENDERED_2025_2026,
  },
  following: {
    selector: '[data-e2e="following-count"]',
    why: 'header count; 2021– desktop',
    witnesses: PROFILES_2022_2026,
    real: RENDERED_2025_2026,
  },
  likes: {
    selector: '[data-e2e="likes-count"]',
    why: 'header count of likes received; 2021– desktop',
    witnesses: PROFILES_2022_2026,
    real: RENDERED_2025_2026,
  },
  gridItem: {
    selector: '[data-e2e="user-post-item"]',
    why: 'a tile of the profile grid',
    witnesses: ['tiktok/profile-2024-universal.html', 'tiktok/profile-dom-only-zh.html', 'tiktok/profile-stale-json.html'],
    real: RENDERED_2025_2026,
  },
  gridViews: {
    selector: '[data-e2e="video-views"]',
    why: 'a tile\'s views, the only per-video number the grid shows',
    witnesses: ['tiktok/profile-2024-universal.html', 'tiktok/profile-dom-only-zh.html'],
    real: RENDERED_2025_2026,
  },
  videoLikes: [
    {
      selector: '[data-e2e="like-count"]',
      why: 'a video page\'s like count (2022–)',
      witnesses: ['tiktok/video-page.html'],
      real: ['tiktok/tt-2025-12-illojuan-video-rendered.html'],
    },
    {
      selector: '[data-e2e="browse-like-count"]',
      why: 'the same count when the video is opened over a profile ("browse" mode, 2022–23)',
      witnesses: ['tiktok/video-browse-mode.html'],
    },
  ],
  videoComments: [
    {
      selector: '[data-e2e="comment-count"]',
      why: 'a video page\'s comment count (2022–)',
      witnesses: ['tiktok/video-page.html'],
      real: ['tiktok/tt-2025-12-illojuan-video-rendered.html'],
    },
    {
      selector: '[data-e2e="browse-comment-count"]',
      why: 'the same count in "browse" mode (2022–23)',
      witnesses: ['tiktok/video-browse-mode.html'],
    },
  ],
  videoShares: {
    selector: '[data-e2e="share-count"]',
    why: 'a video\'s share count, the same attribute in both modes',
    witnesses: ['tiktok/video-page.html', 'tiktok/video-browse-mode.html'],
    real: ['tiktok/tt-2025-12-illojuan-video-rendered.html'],
  },
} satisfies Record<string, Selector | readonly Selector[]>;

/**
 * Where one video's counts are when a page renders several (the feed): the first of these
 * in document order is searched, else the whole document. `{id}` is the video's id.
 */
export const VIDEO_SCOPE: readonly Selector[] = [
  {
    selector: '[data-e2e="browse-video"]',
    why: 'the open video\'s panel (video page and "browse" mode)',
    witnesses: ['tiktok/video-page.html', 'tiktok/video-browse-mode.html'],
  },
  {
    selector: '[id="{id}"]',
    why: 'a feed item whose id is the video id',
    witnesses: [],
    unwitnessed:
      'no saved page has an element whose id is exactly the video id: the 2025 rendered video page (real-captures tiktok/tt-2025-12-illojuan-video-rendered.html) wraps its players in id="xgwrapper-0-<id>". Kept so behaviour is unchanged; a candidate for removal or for [id$="-{id}"]',
  },
  {
    selector: 'main',
    why: 'the page\'s main column, when neither of the above is there',
    witnesses: ['tiktok/video-page.html'],
  },
];

/** The captcha page that replaces a profile when TikTok suspects a bot. */
export const CAPTCHA: readonly Selector[] = [
  {
    selector: '#captcha-verify-image',
    why: 'the captcha\'s puzzle image',
    witnesses: ['tiktok/captcha.html'],
  },
  {
    selector: '.captcha_verify_container',
    why: 'the captcha dialog; a plain (unhashed) class, unlike the page\'s own',
    witnesses: ['tiktok/captcha.html'],
  },
  {
    selector: '[class*="captcha"]',
    why: 'the one selector here on a class name, against this file\'s data-e2e rule: the captcha is a third-party widget with no data-e2e hooks, and it only decides between two "not readable" reasons (login-wall or no-stats) after every count has come up empty, so a false match cannot hide a number',
    witnesses: ['tiktok/captcha.html'],
  },
];

/** A grid tile's link to its video or photo post (the reader takes the creator and id from it). */
export const GRID_LINK: readonly Selector[] = [
  {
    selector: 'a[href*="/video/"]',
    why: 'video tiles',
    witnesses: ['tiktok/profile-2024-universal.html', 'tiktok/profile-dom-only-de.html'],
    real: RENDERED_2025_2026,
  },
  {
    selector: 'a[href*="/photo/"]',
    why: 'photo posts (2023–)',
    witnesses: ['tiktok/profile-2024-universal.html'],
    real: ['tiktok/tt-2026-03-carlosazaustre-profile-rendered.html'],
  },
];

/** The scripts that carry the page's data, one per generation. */
export const SCRIPTS = {
  universal: {
    selector: '#__UNIVERSAL_DATA_FOR_REHYDRATION__',
    why: '2023– rehydration data (webapp.user-detail, webapp.video-detail)',
    witnesses: ['tiktok/profile-2024-universal.html', 'tiktok/video-page.html'],
    real: ['tiktok/tt-2025-12-illojuan-profile-rendered.html', 'tiktok/tt-2024-06-a3noticias-video-served.html'],
  },
  sigi: {
    selector: '#SIGI_STATE',
    why: '2022 state (UserModule, ItemModule)',
    witnesses: ['tiktok/profile-2022-sigi-state.html'],
  },
  next: {
    selector: '#__NEXT_DATA__',
    why: '2020–21 Next.js data (props.pageProps.userInfo)',
    witnesses: ['tiktok/profile-2021-next-data.html'],
    real: ['tiktok/tt-2021-01-tiktok-profile-next-data.html'],
  },
} satisfies Record<string, Selector>;

/** The not-found page has no data-e2e hook; its heading is the only sign (en only). */
export const NOT_FOUND_TEXT = ["Couldn't find this account", 'Couldn’t find this account'];
