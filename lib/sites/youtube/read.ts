/**
 * YouTube: channel pages (channel.ts, with their grid in grid.ts) and videos (video.ts);
 * which one a URL is, route.ts says. Sources, best first: the rendered DOM of the visible
 * page, `ytInitialData` / `ytInitialPlayerResponse` parsed from the script text (only when
 * they describe the URL: after in-page navigation they still describe the first page),
 * nothing from meta tags (YouTube puts no counts there).
 */
import { unreadable } from '../common';
import type { Reading } from '../types';
import { readChannel } from './channel';
import { youtubeRoute } from './route';
import { CONSENT_WALL } from './selectors';
import { readVideo } from './video';

export { youtubeRoute } from './route';

export function readYoutube(doc: Document, url: URL): Reading {
  const route = youtubeRoute(url);
  if (!route) return unreadable('youtube', 'not-a-profile', 'This YouTube page is not a channel or a video.');
  const reading = route.kind === 'channel' ? readChannel(doc, url, route.ref) : readVideo(doc, url, route.id, route.shorts);
  // The consent page stands in for every page until the user chooses: it will not turn into this one by itself.
  if (reading.kind === 'unreadable' && (reading.reason === 'no-stats' || reading.reason === 'loading') && doc.querySelector(CONSENT_WALL.selector)) {
    return unreadable('youtube', 'login-wall', 'YouTube asks you to accept or reject cookies before it shows this page.');
  }
  return reading;
}
