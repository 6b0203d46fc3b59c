/**
 * What YouTube's markup looks like, generation by generation. Each entry says where it
 * was seen; the fixtures in tests/fixtures/youtube/ reproduce each shape, and
 * tests/unit/selectors.test.ts checks every entry against its witnesses.
 */
import type { Selector } from '../types';

/** The visible channel page: YouTube keeps earlier pages in the DOM, hidden, after in-page navigation. */
export const ACTIVE_BROWSE: Selector = {
  selector: 'ytd-browse:not([hidden])',
  why: 'channel pages render into ytd-browse; the hidden one is the previous page',
  witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-stale-after-navigation.html', 'youtube/channel-2023-c4-header.html'],
};

/** The visible watch page, the same way. */
export const ACTIVE_WATCH: Selector = {
  selector: 'ytd-watch-flexy:not([hidden])',
  why: 'watch pages render into ytd-watch-flexy, whose video-id attribute names the video it shows',
  witnesses: ['youtube/watch-page.html', 'youtube/watch-2024-dom-only.html', 'youtube/watch-2023-dom-only.html'],
};

/** ≤2024 tabbed header: one element per count (OLD_HEADER). */
const C4_HEADER: Selector = {
  selector: 'ytd-c4-tabbed-header-renderer',
  why: '≤2024 tabbed header',
  witnesses: ['youtube/channel-2023-c4-header.html', 'youtube/channel-2023-grid-dom-only.html'],
};

/** Channel header, newest first: the first one present is read. */
export const HEADER: readonly Selector[] = [
  {
    selector: 'yt-page-header-view-model',
    why: '2024– view model header',
    witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-2025-kebab-dom-only.html'],
  },
  {
    selector: '.page-header-view-model-wiz',
    why: '2024 wiz classes',
    witnesses: ['youtube/channel-2024-wiz.html'],
  },
  C4_HEADER,
];

/** The channel's name inside the header, newest first. */
export const HEADER_TITLE: readonly Selector[] = [
  {
    selector: '.ytPageHeaderViewModelTitle',
    why: '2025– camelCase classes',
    witnesses: ['youtube/channel-2026-viewmodel.html'],
  },
  {
    selector: '.page-header-view-model-wiz__page-header-title',
    why: '2024 wiz: the title wrapper around the h1',
    witnesses: ['youtube/channel-2024-wiz.html'],
  },
  {
    selector: 'h1',
    why: '2025 kebab classes and anything newer that keeps a heading',
    witnesses: ['youtube/channel-2025-kebab-dom-only.html'],
  },
  {
    selector: '#channel-name #text',
    why: '≤2024 tabbed header',
    witnesses: ['youtube/channel-2023-c4-header.html'],
  },
];

/** A row of header metadata ("@handle", "1.23M subscribers • 345 videos"). */
export const METADATA_ROW: readonly Selector[] = [
  {
    selector: '.ytContentMetadataViewModelMetadataRow',
    why: '2025– camelCase',
    witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-de.html'],
  },
  {
    selector: '.yt-content-metadata-view-model__metadata-row',
    why: '2025 kebab',
    witnesses: ['youtube/channel-2025-kebab-dom-only.html'],
  },
  {
    selector: '.yt-content-metadata-view-model-wiz__metadata-row',
    why: '2024 wiz',
    witnesses: ['youtube/channel-2024-wiz.html'],
  },
];

/** One text part in such a row (delimiters are aria-hidden spans without these classes); grid tiles use the same parts. */
export const METADATA_TEXT: readonly Selector[] = [
  {
    selector: '.ytContentMetadataViewModelMetadataText',
    why: '2025– camelCase',
    witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-de.html'],
  },
  {
    selector: '.yt-content-metadata-view-model__metadata-text',
    why: '2025 kebab',
    witnesses: ['youtube/channel-2025-kebab-dom-only.html'],
  },
  {
    selector: '.yt-content-metadata-view-model-wiz__metadata-text',
    why: '2024 wiz',
    witnesses: ['youtube/channel-2024-wiz.html'],
  },
];

/** ≤2024 header: one element per count. */
export const OLD_HEADER = {
  container: C4_HEADER,
  handle: { selector: '#channel-handle', why: '≤2024 tabbed header: "@handle"', witnesses: ['youtube/channel-2023-c4-header.html', 'youtube/channel-2023-grid-dom-only.html'] },
  subscribers: { selector: '#subscriber-count', why: '≤2024 tabbed header: "1.6M subscribers"', witnesses: ['youtube/channel-2023-c4-header.html', 'youtube/channel-2023-grid-dom-only.html'] },
  videos: { selector: '#videos-count', why: '≤2024 tabbed header: "2,904 videos"', witnesses: ['youtube/channel-2023-c4-header.html', 'youtube/channel-2023-grid-dom-only.html'] },
} satisfies Record<string, Selector>;

/** A tile in a channel's Videos / Shorts / Live grid. */
export const GRID_ITEM: Selector = {
  selector: 'ytd-rich-grid-renderer ytd-rich-item-renderer',
  why: 'the grid of the selected tab (2021–); the Home tab\'s shelves hold other channels\' videos and use other elements',
  witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-2025-kebab-dom-only.html', 'youtube/channel-2023-grid-dom-only.html', 'youtube/channel-shorts-dom-only.html'],
};

/** A tile's link to its video, which gives the id. */
export const GRID_LINK: readonly Selector[] = [
  {
    selector: 'a[href*="/watch?v="]',
    why: 'video and stream tiles (/watch?v=<id>)',
    witnesses: ['youtube/channel-2026-viewmodel.html', 'youtube/channel-2023-grid-dom-only.html'],
  },
  {
    selector: 'a[href*="/shorts/"]',
    why: 'Shorts tiles (/shorts/<id>)',
    witnesses: ['youtube/channel-shorts-dom-only.html'],
  },
];

/** The texts of a tile (views and age; the views one is found by its word), besides METADATA_TEXT. */
export const GRID_TEXT: readonly Selector[] = [
  {
    selector: '#metadata-line span',
    why: '≤2025 ytd-rich-grid-media tiles: "12K views", "3 days ago"',
    witnesses: ['youtube/channel-2023-grid-dom-only.html'],
  },
  {
    selector: '[class*="SubheadText"]',
    why: 'Shorts lockup subhead, camelCase classes (2025–)',
    witnesses: ['youtube/channel-shorts-dom-only.html'],
  },
  {
    selector: '[class*="subhead"] span',
    why: 'Shorts lockup subhead, kebab classes (2024–25)',
    witnesses: ['youtube/channel-shorts-dom-only.html'],
  },
];

/** About dialog (2024–): a table of "1,056,229,686 views", "345 videos", "Joined ...". */
export const ABOUT_ROWS: Selector = {
  selector: 'ytd-about-channel-renderer #additional-info-container td',
  why: 'the About dialog is the only place the DOM shows a channel\'s total views',
  witnesses: ['youtube/channel-about.html'],
};

/** The EU cookie-consent interstitial that consent.youtube.com serves instead of the page asked for (2020–21). */
export const CONSENT_WALL: Selector = {
  selector: 'form[action^="https://consent.youtube.com/"]',
  why: 'the consent page posts the choice there; no YouTube page does',
  witnesses: ['youtube/consent-wall-2021-es.html'],
  real: ['youtube/yt-2021-04-channel-consent-wall-es.html'],
};

/** The watch page's own counts, inside ACTIVE_WATCH. */
export const WATCH = {
  views: [
    {
      selector: 'ytd-watch-info-text #info span',
      why: '2023– description header: "1,234,567 views", then the date',
      witnesses: ['youtube/watch-2024-dom-only.html'],
    },
    {
      selector: '#info-container #info span',
      why: '2022–23 info container, the same spans before ytd-watch-info-text',
      witnesses: ['youtube/watch-2023-dom-only.html'],
    },
  ],
  likes: [
    {
      selector: 'like-button-view-model button[aria-label]',
      why: 'late 2023– like button; its label carries the exact count ("like this video along with 45,210 other people")',
      witnesses: ['youtube/watch-2024-dom-only.html'],
    },
    {
      selector: '#segmented-like-button button[aria-label]',
      why: '2022–23 segmented like/dislike button, the same label',
      witnesses: ['youtube/watch-2023-dom-only.html'],
    },
  ],
  comments: {
    selector: 'ytd-comments-header-renderer #count',
    why: 'the comments section header ("3,456 Comments"), rendered once the section scrolls into view',
    witnesses: ['youtube/watch-2024-dom-only.html', 'youtube/watch-2023-dom-only.html'],
  },
  owner: {
    selector: '#owner a[href^="/@"]',
    why: 'the channel link under the video: its /@handle is the owner',
    witnesses: ['youtube/watch-2024-dom-only.html', 'youtube/watch-2023-dom-only.html'],
  },
} satisfies Record<string, Selector | readonly Selector[]>;
