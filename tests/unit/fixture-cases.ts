/**
 * Every fixture with the URL it stands for and the reading it must give: each number below
 * was checked by hand against what the fixture page shows (see tests/fixtures/<site>/README.md).
 * A key left out is not checked; `null` means "the page does not show it". readers.test.ts
 * checks the readings; registry.test.ts checks that each URL routes to its own site only.
 */
export type Expect = { url: string } & Record<string, unknown>;

export const IG = 'https://www.instagram.com';
export const YT = 'https://www.youtube.com';
export const TT = 'https://www.tiktok.com';

export const CASES: Record<string, Expect> = {
  // ── Instagram ──
  'instagram/profile-2025-en.html': { url: `${IG}/lenapark.studio/`, kind: 'profile', handle: 'lenapark.studio', displayName: 'Lena Park', followers: 70_231, following: 626, posts: 1_204, exactFollowers: true, recentCount: 3 },
  'instagram/profile-2025-de.html': { url: `${IG}/kuechen.kurt/`, followers: 1_432, following: 268, posts: 468 },
  'instagram/profile-2025-fr.html': { url: `${IG}/atelier.margaux/`, followers: 56_712, following: 843, posts: 1_082, exactFollowers: true },
  'instagram/profile-2025-ko.html': { url: `${IG}/seoul.eats/`, followers: 2_071_554, following: 412, posts: 3_118 },
  'instagram/profile-2025-ja.html': { url: `${IG}/kyoto.tabi/`, followers: 70_231, following: 626, posts: 1_204 },
  'instagram/profile-2025-ru.html': { url: `${IG}/moskva.foto/`, followers: 1_204_311, following: 300, posts: 88 },
  'instagram/profile-2019-ul.html': { url: `${IG}/trailrunner.jo/`, displayName: 'Jo Okafor', followers: 48_118, following: 1_021, posts: 733, recent: [['B0aAAAAAAAA', null, null, null], ['B0bBBBBBBBB', null, null, null]] },
  'instagram/profile-2022-loggedout.html': { url: `${IG}/plantdad.sam/`, followers: 2_048, following: 311, posts: 96 },
  'instagram/profile-meta-only-pt.html': { url: `${IG}/cafe.da.bia/`, followers: 1_200, following: 300, posts: 88, exactFollowers: false, sourceFollowers: 'meta' },
  'instagram/profile-stale-meta.html': { url: `${IG}/dev.codes/`, displayName: 'Dev Sharma', followers: 9_870, following: 1_002, posts: 58 },
  'instagram/profile-reels-tab.html': { url: `${IG}/lenapark.studio/reels/`, recent: [['DH1zR8sMq0b', 11_900, null, null], ['DH0yQ7rLp9a', 2_100_000, null, null], ['DGzxP6qKo8Z', 987, null, null]] },
  'instagram/profile-grid-hover.html': { url: `${IG}/lenapark.studio/`, recent: [['DHhov1AAAAA', null, 1_932, 48], ['DHhov2BBBBB', null, null, null]] },
  'instagram/profile-hostile-name.html': { url: `${IG}/x.hostile/`, displayName: '<img src=x onerror=alert(1)>', followers: 5_310, following: 12, posts: 7 },
  'instagram/post-page.html': { url: `${IG}/p/DH4kQx2MpLa/`, kind: 'post', handle: 'lenapark.studio', likes: 1_284, comments: 56, views: null },
  'instagram/post-likes-hidden.html': { url: `${IG}/p/CzHIDDENxyz/`, kind: 'post', likes: null, comments: 12 },
  'instagram/post-2017-likes-span.html': { url: `${IG}/p/BWtrailJo17/`, kind: 'post', handle: 'trailrunner.jo', likes: 48_118, exactLikes: true, sourceLikes: 'dom', comments: 1_204, views: null },
  'instagram/post-2021-video-views.html': { url: `${IG}/p/CPvaseLena1/`, kind: 'post', handle: 'lenapark.studio', views: 48_210, sourceViews: 'dom', likes: 1_932, sourceLikes: 'json', comments: 2 },
  'instagram/post-2021-it-shareddata.html': { url: `${IG}/tv/CIglazeLen1/`, kind: 'post', handle: 'lenapark.studio', likes: 70_231, exactLikes: true, comments: 318, sourceComments: 'meta', views: 425_825 },
  'instagram/post-2021-additional-data.html': { url: `${IG}/reel/CNkilnLena1/`, kind: 'post', handle: 'lenapark.studio', likes: 141_805, comments: 776, views: 1_403_439 },
  'instagram/post-liked-by-others.html': { url: `${IG}/p/CQothersDev/`, kind: 'unreadable', reason: 'no-stats' },
  'instagram/profile-2020-shareddata-en-gb.html': { url: `${IG}/trailrunner.jo/`, kind: 'profile', handle: 'trailrunner.jo', displayName: 'Jo Okafor', followers: 1_011_943, exactFollowers: true, sourceFollowers: 'json', following: 1_021, posts: 733, recent: [['CTtrailJo01', null, 24_091, 156], ['CTtrailJo02', 222_611, 32_326, 409]] },
  'instagram/error-page.html': { url: `${IG}/lenapark.studio/`, kind: 'unreadable', reason: 'error-page' },
  'instagram/not-found.html': { url: `${IG}/no.such.user/`, kind: 'unreadable', reason: 'not-found' },
  'instagram/login-wall.html': { url: `${IG}/lenapark.studio/`, kind: 'unreadable', reason: 'login-wall' },
  // ── YouTube ──
  'youtube/channel-2026-viewmodel.html': { url: `${YT}/@orbitlab/videos`, kind: 'profile', handle: 'orbitlab', displayName: 'Orbit Lab', followers: 1_230_000, posts: 345, views: null, exactFollowers: false, recent: [['aB3dE5fG7hI', 1_200_000, null, null], ['Zx9Yw8Vu7Ts', 845_000, null, null]] },
  'youtube/channel-2025-kebab-dom-only.html': { url: `${YT}/@pixelgarden/videos`, followers: 48_300, posts: 212, recent: [['Pg1Pg1Pg1Pg', 12_000, null, null], ['Pg2Pg2Pg2Pg', 0, null, null]] },
  'youtube/channel-2024-wiz.html': { url: `${YT}/@breadlab`, displayName: 'Bread Lab', followers: 912_000, posts: 1_100 },
  'youtube/channel-2023-c4-header.html': { url: `${YT}/channel/UColdoldoldoldoldoldold0/videos`, handle: 'oldschoolgaming', followers: 1_600_000, posts: 2_904, recent: [['Old1Old1Old', 1_048_377, null, null], ['Old2Old2Old', 532_101, null, null]] },
  'youtube/channel-about.html': { url: `${YT}/@orbitlab/about`, followers: 1_230_000, posts: 345, views: 1_056_229_686, exactViews: true },
  'youtube/channel-hidden-subscribers.html': { url: `${YT}/@quietmaker/videos`, followers: null, posts: 21 },
  'youtube/channel-de.html': { url: `${YT}/@technikbox/videos`, followers: 1_200_000, posts: 345, recent: [['De1De1De1De', 12_345, null, null], ['De2De2De2De', 1_200_000, null, null]] },
  'youtube/channel-ja.html': { url: `${YT}/@ryokan_tv/videos`, followers: 1_230_000, posts: 345, recent: [['Ja1Ja1Ja1Ja', 120_000, null, null]] },
  'youtube/channel-fr-window-assign.html': { url: `${YT}/@cuisinefacile/videos`, followers: 15_800_000, posts: 1_204, recent: [['Fr1Fr1Fr1Fr', 1_310_204, null, null]] },
  'youtube/channel-stale-after-navigation.html': { url: `${YT}/@pixelgarden/videos`, handle: 'pixelgarden', displayName: 'Pixel Garden', followers: 48_300, posts: 212, recent: [['Pg1Pg1Pg1Pg', 12_000, null, null]] },
  'youtube/channel-live-tab.html': { url: `${YT}/@livecoder/streams`, followers: 88_100, recent: [['Lv1Lv1Lv1Lv', null, null, null], ['Lv2Lv2Lv2Lv', null, null, null], ['Lv3Lv3Lv3Lv', 45_001, null, null], ['Lv4Lv4Lv4Lv', null, null, null]] },
  'youtube/channel-shorts-tab.html': { url: `${YT}/@orbitlab/shorts`, recent: [['Sh1Sh1Sh1Sh', 2_300_000, null, null], ['Sh2Sh2Sh2Sh', 98_000, null, null]] },
  'youtube/watch-page.html': { url: `${YT}/watch?v=aB3dE5fG7hI`, kind: 'post', handle: 'orbitlab', views: 1_234_567, likes: 45_210, comments: 3_456 },
  'youtube/channel-2021-grid-renderer.html': { url: `${YT}/user/oldschoolvids/videos`, displayName: 'Old School Vids', followers: 1_540_000, posts: null, recent: [['Gr1Gr1Gr1Gr', 2_345_678, null, null], ['Gr2Gr2Gr2Gr', 98_765, null, null]] },
  'youtube/about-continuation-only.html': { url: `${YT}/@orbitlab/about`, handle: 'orbitlab', followers: 1_230_000, posts: 345, views: 98_765_432, exactViews: true },
  'youtube/watch-2022-toggle-button.html': { url: `${YT}/watch?v=Wt2022xxxxx`, kind: 'post', likes: 12_345, comments: 1_200, views: 532_101 },
  'youtube/watch-2020-one-script-es.html': { url: `${YT}/watch?v=Wo2020xxxxx`, kind: 'post', handle: null, views: 1_234_567, likes: 23_456, exactLikes: true, comments: null },
  'youtube/topic-page.html': { url: `${YT}/channel/UC-9-kyTW8ZkZNDHQJ6FgpwQ`, kind: 'unreadable', reason: 'not-a-creator' },
  'youtube/channel-terminated.html': { url: `${YT}/channel/UCgonegonegonegonegone00`, kind: 'unreadable', reason: 'not-found', message: "This account has been terminated for a violation of YouTube's Terms of Service." },
  'youtube/channel-age-gate.html': { url: `${YT}/channel/UCagegateagegateagegate0`, kind: 'unreadable', reason: 'login-wall' },
  'youtube/gaming-page.html': { url: `${YT}/channel/UCgaminggaminggamingga00`, kind: 'unreadable', reason: 'not-a-creator' },
  'youtube/consent-wall-2021-es.html': { url: `${YT}/channel/UCxxxxxxxxxxxxxxxxxxxxx0`, kind: 'unreadable', reason: 'login-wall' },
  'youtube/channel-not-found.html': { url: `${YT}/@doesnotexist`, kind: 'unreadable', reason: 'not-found' },
  'youtube/channel-2023-grid-dom-only.html': { url: `${YT}/@retrocade/videos`, kind: 'profile', handle: 'retrocade', displayName: 'Retrocade', followers: 1_600_000, exactFollowers: false, posts: 2_904, sourcePosts: 'dom', recent: [['Rc1Rc1Rc1Rc', 1_500_000, null, null], ['Rc2Rc2Rc2Rc', 48_000, null, null]] },
  'youtube/channel-shorts-dom-only.html': { url: `${YT}/@orbitlab/shorts`, kind: 'profile', handle: 'orbitlab', followers: 1_230_000, posts: 345, recent: [['Sd1Sd1Sd1Sd', 2_300_000, null, null], ['Sd2Sd2Sd2Sd', 98_000, null, null]] },
  'youtube/watch-2024-dom-only.html': { url: `${YT}/watch?v=Wd2024xxxxx`, kind: 'post', handle: 'breadlab', views: 215_118, likes: 8_734, comments: 612, exactLikes: true, sourceViews: 'dom', sourceLikes: 'dom' },
  'youtube/watch-2023-dom-only.html': { url: `${YT}/watch?v=Wd2023xxxxx`, kind: 'post', handle: 'retrocade', views: 48_210, likes: 1_024, comments: 97, sourceLikes: 'dom' },
  // ── TikTok ──
  'tiktok/profile-2024-universal.html': { url: `${TT}/@maya.bakes`, kind: 'profile', handle: 'maya.bakes', displayName: 'Maya Chen', followers: 2_631_012, following: 183, posts: 412, likes: 48_217_733, exactFollowers: true, recent: [['7412345678901234567', 1_200_000, null, null], ['7409876543210987654', 86_400, null, null]] },
  'tiktok/profile-heart-overflow.html': { url: `${TT}/@bigstar`, followers: 81_432_109, likes: 2_400_012_345 },
  'tiktok/profile-2023-rounded-stats.html': { url: `${TT}/@ana.ruiz`, followers: 19_400, exactFollowers: false, posts: 87, likes: 402_100 },
  'tiktok/profile-2022-sigi-state.html': { url: `${TT}/@oldtimer`, followers: 350_200, following: 44, posts: 230, likes: 9_100_000 },
  'tiktok/profile-2021-next-data.html': { url: `${TT}/@dancer21`, followers: 1_200, following: 80, posts: 41, likes: 30_500 },
  'tiktok/profile-dom-only-zh.html': { url: `${TT}/@xiaochu`, followers: 125_000, following: 56, posts: null, likes: 3_800_000, recent: [['7300000000000000001', 32_000, null, null], ['7300000000000000002', 8_812, null, null]] },
  'tiktok/profile-dom-only-de.html': { url: `${TT}/@lena.kocht`, followers: 2_600_000, following: 1_204, likes: 44_100_000 },
  'tiktok/profile-stale-json.html': { url: `${TT}/@second.user`, handle: 'second.user', displayName: 'Second User', followers: 3_201, following: 10, posts: null, likes: 45_800, recent: [['7300000000000000201', 912, null, null]] },
  'tiktok/profile-meta-only.html': { url: `${TT}/@maya.bakes`, followers: 2_600_000, likes: 48_200_000, following: null, sourceFollowers: 'meta' },
  'tiktok/profile-hostile-name.html': { url: `${TT}/@hostile.tt`, displayName: '<img src=x onerror=alert(1)>', followers: 1_002 },
  'tiktok/video-page.html': { url: `${TT}/@maya.bakes/video/7412345678901234567`, kind: 'post', handle: 'maya.bakes', likes: 98_123, comments: 1_503, shares: 1_207, views: 1_234_567 },
  'tiktok/video-2020-next-data.html': { url: `${TT}/@dancer21/video/6800000000000000021`, kind: 'post', handle: 'dancer21', likes: 12_345, comments: 402, shares: 77, views: 234_567, sourceLikes: 'json' },
  'tiktok/video-2021-next-data.html': { url: `${TT}/@dancer21/video/6900000000000000021`, kind: 'post', handle: 'dancer21', likes: 45_600, exactLikes: false, comments: 987, shares: 1_200, views: 1_200_000 },
  'tiktok/profile-not-found.html': { url: `${TT}/@nobody.here`, kind: 'unreadable', reason: 'not-found' },
  'tiktok/profile-private.html': { url: `${TT}/@secret.acc`, kind: 'unreadable', reason: 'private' },
  'tiktok/captcha.html': { url: `${TT}/@maya.bakes`, kind: 'unreadable', reason: 'login-wall' },
  'tiktok/video-browse-mode.html': { url: `${TT}/@maya.bakes/video/7409876543210987654`, kind: 'post', handle: 'maya.bakes', likes: 5_200, exactLikes: false, comments: 318, shares: 97, views: null, sourceLikes: 'dom' },
};
