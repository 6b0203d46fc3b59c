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
import { readVideo } from './video';

export { youtubeRoute } from './route';

export function readYoutube(doc: Document, url: URL): Reading {
  const route = youtubeRoute(url);
  if (!route) return unreadable('youtube', 'not-a-profile', 'This YouTube page is not a channel or a video.');
  return route.kind === 'channel' ? readChannel(doc, url, route.ref) : readVideo(doc, url, route.id, route.shorts);
}
