/**
 * Instagram's markup. Class names are hashed and churn (g47SY 2019–21, _ac2a 2022–23,
 * x5n08af 2024–26), so the reader anchors on structure instead: the profile `header`,
 * links ending in /followers/ and /following/, the `title` attribute that carries the
 * exact follower count, and the label words. Fixtures: tests/fixtures/instagram/; every
 * selector's witnesses are checked by tests/unit/selectors.test.ts.
 */
import type { Selector } from '../types';

/** The profile header, all generations. */
export const HEADER: Selector = {
  selector: 'header',
  why: 'the profile header in every generation (2019 ul/li, 2022 logged out, 2025); "main header, header" selected the same elements',
  witnesses: ['instagram/profile-2019-ul.html', 'instagram/profile-2022-loggedout.html', 'instagram/profile-2025-en.html'],
  real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
};

/** Candidates for a count inside the header: the reader keeps the ones without children whose text is a number. */
export const HEADER_LEAVES: Selector = {
  selector: 'span, a, div, li, button, strong',
  why: 'a count sits in a childless span (2025), li > span (2019) or a > span (2022); hashed classes are never used',
  witnesses: ['instagram/profile-2019-ul.html', 'instagram/profile-2022-loggedout.html', 'instagram/profile-2025-en.html'],
  real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
};

/** The header's links: /<user>/followers/ and /<user>/following/ name the header's owner and pin the counts. */
export const HEADER_LINKS: Selector = {
  selector: 'a[href]',
  why: 'the followers and following links say whose header it is (a stale header after in-page navigation names someone else)',
  witnesses: ['instagram/profile-2025-en.html', 'instagram/profile-stale-meta.html'],
  real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
};

/** The link around (or inside) a count's container. */
export const STAT_LINK: Selector = {
  selector: 'a',
  why: 'a count wrapped in its /followers/ or /following/ link is that count, whatever the label says',
  witnesses: ['instagram/profile-2025-en.html', 'instagram/profile-2019-ul.html'],
};

/** Tiles of the profile's grid, by the post they link to. */
export const POST_TILES: readonly Selector[] = [
  {
    selector: 'a[href*="/p/"]',
    why: 'photo and carousel posts, every generation',
    witnesses: ['instagram/profile-2019-ul.html', 'instagram/profile-2025-en.html', 'instagram/profile-grid-hover.html'],
    real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
  },
  {
    selector: 'a[href*="/reel/"]',
    why: 'reels (2022–), in the grid and on the Reels tab',
    witnesses: ['instagram/profile-2025-en.html', 'instagram/profile-reels-tab.html'],
  },
];

/** Inside a tile: the elements that may hold a count (shown on the Reels tab, on hover elsewhere). */
export const TILE_LEAVES: Selector = {
  selector: 'span, div',
  why: 'a tile count is a childless span or div beside its icon',
  witnesses: ['instagram/profile-reels-tab.html', 'instagram/profile-grid-hover.html'],
};

/** The icon beside a tile count: its label says what the number counts ("View Count Icon", "Like", "Comment"). */
export const TILE_ICON: Selector = {
  selector: 'svg[aria-label]',
  why: 'tile counts carry no label of their own; the sibling icon does (see ../shared/PAGES.md, Reels tab)',
  witnesses: ['instagram/profile-reels-tab.html', 'instagram/profile-grid-hover.html'],
  real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
};

/** A login form where the profile or post should be. */
export const PASSWORD_FIELD: Selector = {
  selector: 'input[name="password"]',
  why: 'the login wall replaces the page with a form; its password field is the one stable sign',
  witnesses: ['instagram/login-wall.html', 'instagram/profile-2022-loggedout.html'],
};

/** The page's main column: the grid is searched there (the header is left out by the reader). */
export const MAIN: Selector = {
  selector: 'main',
  why: 'keeps the navigation and footers (links to other posts) out of the grid search',
  witnesses: ['instagram/profile-2025-en.html', 'instagram/profile-2019-ul.html'],
  real: ['instagram/ig-2021-06-pluto-profile-rendered.html'],
};

/** A post's likes link, /p/<id>/liked_by/, whose text is the like count. */
export const LIKED_BY: Selector = {
  selector: 'a[href*="/liked_by/"]',
  why: 'the likes link is specific to its post (the reader checks the id); absent when the owner hides likes',
  witnesses: ['instagram/post-page.html'],
  real: ['instagram/ig-2021-05-post-p-CPeC-Eenc8l.html', 'instagram/ig-2021-10-post-BWUDBntl3_Z-shareddata.html'],
};

/** A post page's own column (2017–21 layouts): its counts are searched there, not in the "more posts" below. */
export const POST_ARTICLE: Selector = {
  selector: 'article',
  why: '2017–21 post pages: the post and its counts, not the posts below',
  witnesses: ['instagram/post-page.html', 'instagram/post-2017-likes-span.html', 'instagram/post-2021-video-views.html'],
  real: ['instagram/ig-2017-12-post-BWUDBntl3_Z-rendered.html', 'instagram/ig-2021-05-post-p-CPQjO5RIIO9.html'],
};

/** The sections under a post's action buttons; the reader keeps one whose whole text is a count and its word. */
export const POST_COUNTS: Selector = {
  selector: 'section',
  why: '"139,058 likes" without a link (2017), "2,372,216 views" (2021 videos)',
  witnesses: ['instagram/post-page.html', 'instagram/post-2017-likes-span.html', 'instagram/post-2021-video-views.html'],
  real: ['instagram/ig-2017-12-post-BWUDBntl3_Z-rendered.html', 'instagram/ig-2021-05-post-p-CPQjO5RIIO9.html'],
};

/** Links inside such a section: any but the likers link makes it a sentence ("Liked by <a>ana</a> and <a>5 others</a>"), not a count. */
export const POST_COUNT_LINKS: Selector = {
  selector: 'a[href]',
  why: 'a liker\'s link: "Liked by ana and 5 others" is not a count',
  witnesses: ['instagram/post-page.html', 'instagram/post-liked-by-others.html'],
  real: ['instagram/ig-2021-10-post-BWUDBntl3_Z-shareddata.html'],
};

/** The page's structured data (2019–21 post pages): `author.alternateName` is the post's owner ("@teslamotors"). */
export const LD_JSON: Selector = {
  selector: 'script[type="application/ld+json"]',
  why: 'the owner\'s handle where meta gives a display name or none',
  witnesses: ['instagram/post-2021-video-views.html'],
  real: ['instagram/ig-2021-05-post-p-COn3M4TnRi1-fr.html'],
};

/** Texts of the pages that are not a profile (English; other languages fall back to "no counts"). */
export const ERROR_TITLES = ["Page couldn't load", 'Page couldn’t load', 'Page not found', 'Page Not Found'];
export const NOT_FOUND_TEXT = ["Sorry, this page isn't available", 'Sorry, this page isn’t available'];
