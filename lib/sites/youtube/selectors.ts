/**
 * What YouTube's markup and data look like, generation by generation. Each entry says
 * where it was seen; the fixtures in tests/fixtures/youtube/ reproduce each shape.
 */

/** The visible page: YouTube keeps earlier pages in the DOM, hidden, after in-page navigation. */
export const ACTIVE_BROWSE = 'ytd-browse:not([hidden])';
export const ACTIVE_WATCH = 'ytd-watch-flexy:not([hidden])';

/** Channel header, newest first. */
export const HEADER = [
  'yt-page-header-view-model' /* 2024– view model header */,
  '.page-header-view-model-wiz' /* 2024 wiz classes */,
  'ytd-c4-tabbed-header-renderer' /* ≤2024 */,
];

export const HEADER_TITLE = [
  '.ytPageHeaderViewModelTitle' /* 2025– camelCase */,
  '.page-header-view-model-wiz__page-header-title' /* 2024 wiz */,
  'h1' /* 2025 kebab and others */,
  '#channel-name #text' /* ≤2024 */,
];

/** A row of header metadata ("@handle", "1.23M subscribers • 345 videos"). */
export const METADATA_ROW = [
  '.ytContentMetadataViewModelMetadataRow' /* 2025– camelCase */,
  '.yt-content-metadata-view-model__metadata-row' /* 2025 kebab */,
  '.yt-content-metadata-view-model-wiz__metadata-row' /* 2024 wiz */,
].join(', ');

/** One text part in such a row (delimiters are aria-hidden spans without these classes). */
export const METADATA_TEXT = [
  '.ytContentMetadataViewModelMetadataText',
  '.yt-content-metadata-view-model__metadata-text',
  '.yt-content-metadata-view-model-wiz__metadata-text',
].join(', ');

/** ≤2024 header: one element per count. */
export const OLD_HEADER = {
  handle: '#channel-handle',
  subscribers: '#subscriber-count',
  videos: '#videos-count',
};

/** A tile in a channel's Videos / Shorts / Live grid. */
export const GRID_ITEM = 'ytd-rich-grid-renderer ytd-rich-item-renderer';

/** About dialog (2024–): a table of "1,056,229,686 views", "345 videos", "Joined ...". */
export const ABOUT_ROWS = 'ytd-about-channel-renderer #additional-info-container td';
