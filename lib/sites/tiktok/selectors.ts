/**
 * TikTok's markup. Class names are emotion hashes (css-…-DivNumber) that change with every
 * deploy: anchor on data-e2e attributes only (stable 2021–2026, see tests/fixtures/tiktok/).
 */
export const DOM = {
  /** h1 on 2021–2024 profiles holds the username; 2025 moved it into an h1/h2 pair, same attribute. */
  handle: '[data-e2e="user-title"]',
  nickname: '[data-e2e="user-subtitle"]',
  followers: '[data-e2e="followers-count"]',
  following: '[data-e2e="following-count"]',
  likes: '[data-e2e="likes-count"]',
  gridItem: '[data-e2e="user-post-item"]',
  gridViews: '[data-e2e="video-views"]',
  videoLikes: '[data-e2e="like-count"], [data-e2e="browse-like-count"]',
  videoComments: '[data-e2e="comment-count"], [data-e2e="browse-comment-count"]',
  videoShares: '[data-e2e="share-count"]',
};

/** The not-found page has no data-e2e hook; its heading is the only sign (en only). */
export const NOT_FOUND_TEXT = ["Couldn't find this account", 'Couldn’t find this account'];
