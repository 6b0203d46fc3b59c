/** TikTok for the capture (site.ts): the rehydration JSON of a full load, the creator in the URL. */
import { SCRIPTS } from '../sites/tiktok/selectors';
import { readTiktokPosts } from '../sites/tiktok/posts';
import { route } from '../sites/tiktok/route';
import { PAGE_CAPTURE } from './page-sites';
import { langOf, scriptTexts, type CaptureSite } from './site';

export const tiktokCapture: CaptureSite = {
  platform: 'tiktok',
  page: PAGE_CAPTURE.tiktok,
  extract: readTiktokPosts,
  // A profile's `userInfo.itemList` has been empty since 2024 (research §1.2); a video page's
  // `itemStruct` is its one post.
  embedded: (doc) => scriptTexts(doc, SCRIPTS.universal.selector, ['"itemList"', '"itemStruct"']),
  subject(url, doc) {
    const r = route(url);
    return r?.handle ? { handle: r.handle, lang: langOf(doc) } : null;
  },
};
