/**
 * A YouTube video page (/watch?v=…, /shorts/…): views, likes and comments from the
 * rendered watch page when it shows this video, `ytInitialPlayerResponse` and
 * `ytInitialData` when they describe it (after in-page navigation they describe the first one).
 */
import {
  anyOf, bestCount, candidate, dig, embeddedJson, findAll, jsonCandidate, pageLang, str, textOf, unreadable,
} from '../common';
import type { PostReading, Reading } from '../types';
import { runsText, viewsOf } from './data';
import { handleFromUrl, videoUrl } from './route';
import { ACTIVE_WATCH, WATCH } from './selectors';

export function readVideo(doc: Document, url: URL, id: string, shorts: boolean): Reading {
  const lang = pageLang(doc);
  const player = embeddedJson(doc, /ytInitialPlayerResponse["']?\]?\s*=\s*/);
  const playerOk = str(dig(player, 'videoDetails', 'videoId')) === id;
  const rawData = embeddedJson(doc, /ytInitialData["']?\]?\s*=\s*/);
  const dataId =
    str(dig(rawData, 'currentVideoEndpoint', 'watchEndpoint', 'videoId')) ??
    str(dig(rawData, 'currentVideoEndpoint', 'reelWatchEndpoint', 'videoId'));
  const data = dataId === id ? rawData : undefined;

  if (playerOk && str(dig(player, 'playabilityStatus', 'status')) === 'ERROR' && !dig(player, 'videoDetails', 'viewCount')) {
    return unreadable('youtube', 'not-found', str(dig(player, 'playabilityStatus', 'reason')) ?? 'This video is unavailable.');
  }

  const watch = doc.querySelector(ACTIVE_WATCH.selector);
  const domOk = !!watch && watch.getAttribute('video-id') === id;
  const domViews = domOk ? viewsOf(textOf(watch!.querySelector(anyOf(WATCH.views))), lang, true) : null;
  const likeLabel = domOk ? watch!.querySelector(anyOf(WATCH.likes))?.getAttribute('aria-label') : null;
  const domComments = domOk ? candidate(textOf(watch!.querySelector(WATCH.comments.selector)), 'dom', lang) : null;

  // Search the primary results and the panels only: the sidebar holds hundreds of other videos.
  const primary = dig(data, 'contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents');
  const like = primary ? findAll(primary, 'likeButtonViewModel', 1)[0] : undefined;
  const likeButton = dig(like, 'likeButtonViewModel', 'toggleButtonViewModel', 'toggleButtonViewModel', 'defaultButtonViewModel', 'buttonViewModel');
  const commentsPanel = data
    ? findAll(dig(data, 'engagementPanels'), 'engagementPanelSectionListRenderer', 20).find((p) => str(dig(p, 'panelIdentifier')) === 'engagement-panel-comments-section')
    : undefined;

  const views = bestCount([
    domViews && { ...domViews, source: 'dom' },
    playerOk ? jsonCandidate(dig(player, 'videoDetails', 'viewCount'), true) : null,
    data ? viewsOf(runsText(findAll(primary, 'videoViewCountRenderer', 1).map((v) => dig(v, 'viewCount'))[0]), lang, false) : null,
  ]);
  // ≤2023 like button: a toggleButtonRenderer with the LIKE icon, "45,210 likes" in its label.
  const oldLike = primary
    ? findAll(primary, 'toggleButtonRenderer', 10).find((b) => str(dig(b, 'defaultIcon', 'iconType')) === 'LIKE')
    : undefined;
  const likes = bestCount([
    likeLabel ? candidate(likeLabel, 'dom', lang) : null,
    candidate(str(dig(likeButton, 'accessibilityText')), 'json', lang),
    candidate(str(dig(likeButton, 'title')), 'json', lang),
    candidate(str(dig(oldLike, 'defaultText', 'accessibility', 'accessibilityData', 'label')), 'json', lang),
    candidate(runsText(dig(oldLike, 'defaultText')), 'json', lang),
  ]);
  const entryPoint = primary ? findAll(primary, 'commentsEntryPointHeaderRenderer', 1)[0] : undefined;
  const comments = bestCount([
    domComments,
    candidate(runsText(dig(commentsPanel, 'header', 'engagementPanelTitleHeaderRenderer', 'contextualInfo')), 'json', lang),
    candidate(runsText(dig(entryPoint, 'commentCount')), 'json', lang),
  ]);

  const owner =
    // The player data names the owner only when it describes this video (after in-page navigation it is the previous one's).
    (playerOk ? handleFromUrl(str(dig(player, 'microformat', 'playerMicroformatRenderer', 'ownerProfileUrl'))) : null) ??
    handleFromUrl(str(findAll(primary, 'videoOwnerRenderer', 1).map((o) => dig(o, 'navigationEndpoint', 'browseEndpoint', 'canonicalBaseUrl'))[0])) ??
    (domOk ? handleFromUrl(watch!.querySelector(WATCH.owner.selector)?.getAttribute('href') ?? null) : null);

  if (!views && !likes && !comments) {
    if ((rawData && !data) || (player && !playerOk)) return unreadable('youtube', 'loading', 'The page still shows the previous video; waiting for this one.');
    return unreadable('youtube', 'no-stats', 'This video page shows no counts Creator Lens can read.');
  }
  const reading: PostReading = {
    kind: 'post',
    platform: 'youtube',
    handle: owner ? (playerOk || data || domOk ? owner.toLowerCase() : null) : null,
    id,
    url: videoUrl(id, shorts),
    likes: likes?.count.value ?? null,
    comments: comments?.count.value ?? null,
    views: views?.count.value ?? null,
    shares: null,
    exact: {
      likes: likes?.count.exact ?? false,
      comments: comments?.count.exact ?? false,
      views: views?.count.exact ?? false,
      shares: false,
    },
    sources: {
      ...(likes && { likes: likes.source }),
      ...(comments && { comments: comments.source }),
      ...(views && { views: views.source }),
    },
  };
  return reading;
}

