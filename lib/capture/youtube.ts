/** YouTube for the capture (site.ts): ytInitialData / ytInitialPlayerResponse of a full load, the channel in the URL. */
import { readYoutubePosts } from '../sites/youtube/posts';
import { youtubeRoute } from '../sites/youtube/route';
import { PAGE_CAPTURE } from './page-sites';
import { langOf, type CaptureSite } from './site';

// `var ytInitialData = {…};`, `window["ytInitialPlayerResponse"] = {…};` (the readers' own
// pattern, lib/sites/youtube/channel.ts and video.ts).
const ASSIGNED = /ytInitial(?:Data|PlayerResponse)["']?\]?\s*=/;

export const youtubeCapture: CaptureSite = {
  platform: 'youtube',
  page: PAGE_CAPTURE.youtube,
  extract: readYoutubePosts,
  // One text: a watch page's two scripts are joined by video id (lib/sites/youtube/posts.ts).
  embedded(doc) {
    const texts = Array.from(doc.querySelectorAll('script:not([src])'))
      .map((s) => s.textContent ?? '')
      .filter((t) => ASSIGNED.test(t));
    return texts.length > 0 ? [texts.join('\n')] : [];
  },
  subject(url, doc) {
    const r = youtubeRoute(url);
    if (r?.kind !== 'channel') return null;
    const lang = langOf(doc);
    if (r.ref.type === 'handle') return { handle: r.ref.value.toLowerCase(), lang };
    // A channel id is the owner's id; the handle the page shows is added when the reader names it (identify).
    if (r.ref.type === 'id') return { handle: '', ownerId: r.ref.value, lang };
    return null; // /c/<name>, /user/<name>: the page knows the channel, the URL does not
  },
};
