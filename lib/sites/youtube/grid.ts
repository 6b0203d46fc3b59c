/**
 * A channel's grid of videos (Videos, Shorts and Live tabs): from ytInitialData first
 * (exact view counts), then the rendered tiles that loaded since (scrolling).
 */
import { anyOf, bestCount, dig, str, textOf, type Candidate } from '../common';
import { recentPost, type RecentPost, type PostSource } from '../types';
import { runsText, tabsOf, viewsOf } from './data';
import { videoUrl } from './route';
import { GRID_ITEM, GRID_LINK, GRID_TEXT, METADATA_TEXT } from './selectors';

function isLive(video: unknown): boolean {
  if (dig(video, 'upcomingEventData')) return true;
  const badges = dig(video, 'badges');
  const overlays = dig(video, 'thumbnailOverlays');
  const styles = [
    ...(Array.isArray(badges) ? badges.map((b) => str(dig(b, 'metadataBadgeRenderer', 'style'))) : []),
    ...(Array.isArray(overlays) ? overlays.map((o) => str(dig(o, 'thumbnailOverlayTimeStatusRenderer', 'style'))) : []),
  ];
  return styles.some((s) => s === 'BADGE_STYLE_TYPE_LIVE_NOW' || s === 'LIVE');
}

function post(id: string, shorts: boolean, views: Candidate | null, publishedText: string | null, source: PostSource = 'json'): RecentPost {
  return recentPost({
    id,
    url: videoUrl(id, shorts),
    views: views?.count.value ?? null,
    exact: { views: views?.count.exact ?? false },
    publishedText,
    kind: shorts ? 'short' : 'video',
    source,
  });
}

/** Videos of the selected tab's grid (Videos, Shorts, Live). Home-tab shelves can hold
 * other channels' videos and are left out. */
export function jsonRecent(data: unknown, lang: string | null): RecentPost[] {
  const selected = tabsOf(data).find((t) => dig(t, 'selected') === true);
  // 2022–: richGridRenderer; 2020–22: sectionListRenderer › itemSectionRenderer › gridRenderer.
  let items = dig(selected, 'content', 'richGridRenderer', 'contents');
  if (!Array.isArray(items)) {
    const sections = dig(selected, 'content', 'sectionListRenderer', 'contents');
    items = (Array.isArray(sections) ? sections : []).flatMap((section) => {
      const inner = dig(section, 'itemSectionRenderer', 'contents');
      return (Array.isArray(inner) ? inner : []).flatMap((c) => {
        const grid = dig(c, 'gridRenderer', 'items');
        return Array.isArray(grid) ? grid : [];
      });
    });
  }
  if (!Array.isArray(items)) return [];
  const out: RecentPost[] = [];
  for (const item of items) {
    // Grid items come wrapped (richItemRenderer.content) or bare (gridRenderer.items[]).
    const content = dig(item, 'richItemRenderer', 'content') ?? item;
    const video = dig(content, 'videoRenderer') ?? dig(content, 'gridVideoRenderer');
    if (video) {
      const id = str(dig(video, 'videoId'));
      if (!id) continue;
      const live = isLive(video);
      const views = live
        ? null
        : bestCount([viewsOf(runsText(dig(video, 'viewCountText')), lang, false), viewsOf(runsText(dig(video, 'shortViewCountText')), lang, false)]);
      out.push(post(id, false, views, runsText(dig(video, 'publishedTimeText'))));
      continue;
    }
    const lockup = dig(content, 'lockupViewModel');
    if (lockup) {
      const id = str(dig(lockup, 'contentId'));
      const type = str(dig(lockup, 'contentType'));
      if (!id || (type && type !== 'LOCKUP_CONTENT_TYPE_VIDEO')) continue;
      const rows = dig(lockup, 'metadata', 'lockupMetadataViewModel', 'metadata', 'contentMetadataViewModel', 'metadataRows');
      const parts = (Array.isArray(rows) ? rows : []).flatMap((r) => {
        const ps = dig(r, 'metadataParts');
        return Array.isArray(ps) ? ps.map((p) => runsText(dig(p, 'text')) ?? '') : [];
      });
      const viewIndex = parts.findIndex((p) => viewsOf(p, lang, true));
      const views = viewIndex >= 0 ? viewsOf(parts[viewIndex]!, lang, true) : null;
      const published = parts.find((p, i) => i !== viewIndex && p && i > viewIndex) ?? null;
      out.push(post(id, false, views, viewIndex >= 0 ? published : null));
      continue;
    }
    const short = dig(content, 'shortsLockupViewModel');
    if (short) {
      const id =
        str(dig(short, 'onTap', 'innertubeCommand', 'reelWatchEndpoint', 'videoId')) ??
        str(dig(short, 'entityId'))?.replace(/^shorts-shelf-item-/, '') ??
        null;
      if (!id) continue;
      out.push(post(id, true, viewsOf(str(dig(short, 'overlayMetadata', 'secondaryText', 'content')), lang, true), null));
      continue;
    }
    const reel = dig(content, 'reelItemRenderer');
    if (reel) {
      const id = str(dig(reel, 'videoId'));
      if (id) out.push(post(id, true, viewsOf(runsText(dig(reel, 'viewCountText')), lang, true), null));
    }
  }
  return out;
}

export function domRecent(root: ParentNode, lang: string | null): RecentPost[] {
  const out: RecentPost[] = [];
  for (const item of Array.from(root.querySelectorAll(GRID_ITEM.selector))) {
    const link = item.querySelector(anyOf(GRID_LINK));
    const href = link?.getAttribute('href');
    if (!href) continue;
    const shorts = href.includes('/shorts/');
    const id = shorts ? /\/shorts\/([\w-]{11})/.exec(href)?.[1] : /[?&]v=([\w-]{11})/.exec(href)?.[1];
    if (!id) continue;
    // Views and age sit in metadata text spans (2026 lockups), #metadata-line spans
    // (≤2025), or the shorts subhead; the views one is found by its word.
    const texts = Array.from(item.querySelectorAll(anyOf([...METADATA_TEXT, ...GRID_TEXT])))
      .map((el) => textOf(el))
      .filter(Boolean);
    const viewIndex = texts.findIndex((t) => viewsOf(t, lang, true));
    const views = viewIndex >= 0 ? { ...viewsOf(texts[viewIndex]!, lang, true)!, source: 'dom' as const } : null;
    const published = viewIndex >= 0 ? texts.slice(viewIndex + 1).find(Boolean) ?? null : null;
    out.push(post(id, shorts, views, published, 'dom'));
  }
  return out;
}

/** JSON first (exact views); DOM adds the tiles loaded since (scrolling). */
export function mergeRecent(json: RecentPost[], dom: RecentPost[]): RecentPost[] {
  const seen = new Set(json.map((p) => p.id));
  return [...json, ...dom.filter((p) => !seen.has(p.id))];
}
