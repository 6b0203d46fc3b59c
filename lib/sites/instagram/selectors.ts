/**
 * Instagram's markup. Class names are hashed and churn (g47SY 2019–21, _ac2a 2022–23,
 * x5n08af 2024–26), so the reader anchors on structure instead: the profile `header`,
 * links ending in /followers/ and /following/, the `title` attribute that carries the
 * exact follower count, and the label words. Fixtures: tests/fixtures/instagram/.
 */

/** The profile header, all generations. */
export const HEADER = 'main header, header';

/** First path segments that are Instagram's own pages, not usernames. */
export const RESERVED = new Set([
  'explore', 'accounts', 'direct', 'stories', 'reels', 'reel', 'p', 'tv', 'about', 'legal', 'developer',
  'challenge', 'web', 'emails', 'session', 'graphql', 'api', 'oauth', 'privacy', 'terms', 'help', 'press',
  'blog', 'directory', 'topics', 'locations', 'nametag', 'lite', 'ar', 'threads', 'your_activity', 'settings',
  '404', 'login', 'signup', 'qr', 'meta-verified', 'popular',
]);

/** Profile sub-pages that still show the profile header. */
export const PROFILE_TABS = new Set(['reels', 'tagged', 'saved', 'followers', 'following', 'guides', 'feed', 'channel']);

/** Texts of the pages that are not a profile (English; other languages fall back to "no counts"). */
export const ERROR_TITLES = ["Page couldn't load", 'Page couldn’t load', 'Page not found', 'Page Not Found'];
export const NOT_FOUND_TEXT = ["Sorry, this page isn't available", 'Sorry, this page isn’t available'];
