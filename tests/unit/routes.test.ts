/**
 * lib/sites/routes.ts: what a URL names across the three sites (each site's `route`, the
 * creator key of a tab, the post a pasted address points to). It replaced two routers
 * written outside lib/sites (the popup's creator key and the campaigns' post address);
 * their expectations stay in popup-dashboard.test.ts and campaigns.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { siteFor } from '../../lib/sites/registry';
import { creatorKeyFromUrl, postFromUrl, ROUTES, routeOf } from '../../lib/sites/routes';

describe('site.route', () => {
  test.each([
    ['https://www.instagram.com/LenaPark.Studio/', { kind: 'profile', handle: 'lenapark.studio' }],
    ['https://www.instagram.com/lenapark.studio/reels/', { kind: 'profile', handle: 'lenapark.studio' }],
    ['https://www.instagram.com/p/DH4kQx2MpLa/', { kind: 'post', id: 'DH4kQx2MpLa', handle: null }],
    ['https://www.instagram.com/tv/DH4kQx2MpLa/', { kind: 'post', id: 'DH4kQx2MpLa', handle: null }],
    ['https://www.instagram.com/lenapark.studio/reel/DH1zR8sMq0b/', { kind: 'post', id: 'DH1zR8sMq0b', handle: 'lenapark.studio' }],
    ['https://www.youtube.com/@OrbitLab/videos', { kind: 'profile', handle: 'orbitlab' }],
    ['https://m.youtube.com/@orbitlab', { kind: 'profile', handle: 'orbitlab' }],
    ['https://www.youtube.com/channel/UCq8Zt0bXk3a9v6wQe1R2T3Y', { kind: 'profile', handle: null }],
    ['https://www.youtube.com/c/OrbitLab/videos', { kind: 'profile', handle: null }],
    ['https://www.youtube.com/user/oldschoolvids', { kind: 'profile', handle: null }],
    ['https://www.youtube.com/watch?v=aB3dE5fG7hI', { kind: 'post', id: 'aB3dE5fG7hI', handle: null }],
    ['https://youtube.com/shorts/aB3dE5fG7hI', { kind: 'post', id: 'aB3dE5fG7hI', handle: null }],
    ['https://www.tiktok.com/@Maya.Bakes', { kind: 'profile', handle: 'maya.bakes' }],
    ['https://www.tiktok.com/@maya.bakes/video/7412345678901234567', { kind: 'post', id: '7412345678901234567', handle: 'maya.bakes' }],
    ['https://www.tiktok.com/@maya.bakes/photo/7412345678901234568', { kind: 'post', id: '7412345678901234568', handle: 'maya.bakes' }],
  ] as const)('%s', (raw, expected) => {
    const url = new URL(raw);
    expect(routeOf(url)?.route).toEqual(expected);
    const platform = routeOf(url)!.platform;
    expect(ROUTES[platform](url)).toEqual(expected);
    // The registry's sites route the same way, where they run.
    const site = siteFor(url);
    if (site) expect(site.route(url)).toEqual(expected);
  });

  test.each([
    'https://www.instagram.com/', 'https://www.instagram.com/explore/', 'https://instagram.com/lenapark.studio/',
    'https://www.youtube.com/', 'https://www.youtube.com/watch?v=short', 'https://youtu.be/aB3dE5fG7hI',
    'https://www.tiktok.com/foryou', 'https://tiktok.com/@maya.bakes', 'https://example.com/@maya',
  ])('%s names nothing', (raw) => {
    expect(routeOf(new URL(raw))).toBeNull();
  });
});

describe('creatorKeyFromUrl', () => {
  test('creator keys from URLs: profiles and posts that name their creator, nothing else', () => {
    expect(creatorKeyFromUrl('https://www.tiktok.com/@Maya.Bakes')).toBe('tiktok:maya.bakes');
    expect(creatorKeyFromUrl('https://www.tiktok.com/@maya.bakes/video/7412345678901234567')).toBe('tiktok:maya.bakes');
    expect(creatorKeyFromUrl('https://www.instagram.com/lenapark.studio/reels/')).toBe('instagram:lenapark.studio');
    expect(creatorKeyFromUrl('https://www.instagram.com/p/DH4kQx2MpLa/')).toBeNull();
    expect(creatorKeyFromUrl('https://www.youtube.com/@orbitlab/videos')).toBe('youtube:orbitlab');
    expect(creatorKeyFromUrl('https://www.youtube.com/watch?v=abcdefghijk')).toBeNull();
    expect(creatorKeyFromUrl('https://example.com/@maya')).toBeNull();
    expect(creatorKeyFromUrl(undefined)).toBeNull();
    expect(creatorKeyFromUrl('not a url')).toBeNull();
  });

  test.each([
    ['https://www.instagram.com/lenapark.studio/p/DH4kQx2MpLa/', 'instagram:lenapark.studio'],
    ['https://m.youtube.com/@OrbitLab', 'youtube:orbitlab'],
    ['https://www.youtube.com/channel/UCq8Zt0bXk3a9v6wQe1R2T3Y', null],
    ['https://instagram.com/lenapark.studio/', null],
  ])('%s → %s', (raw, key) => {
    expect(creatorKeyFromUrl(raw)).toBe(key);
  });
});

describe('postFromUrl', () => {
  test('post URLs of the three sites; profiles and other sites are not posts', () => {
    expect(postFromUrl('https://www.tiktok.com/@maya.bakes/video/7412345678901234567')).toEqual({ key: 'tiktok:7412345678901234567', platform: 'tiktok', id: '7412345678901234567', handle: 'maya.bakes' });
    expect(postFromUrl('https://instagram.com/p/DH4kQx2MpLa/')).toEqual({ key: 'instagram:DH4kQx2MpLa', platform: 'instagram', id: 'DH4kQx2MpLa', handle: null });
    expect(postFromUrl('https://youtu.be/abcdefghijk')).toEqual({ key: 'youtube:abcdefghijk', platform: 'youtube', id: 'abcdefghijk', handle: null });
    expect(postFromUrl('https://www.youtube.com/shorts/abcdefghijk')).toEqual({ key: 'youtube:abcdefghijk', platform: 'youtube', id: 'abcdefghijk', handle: null });
    expect(postFromUrl('https://www.tiktok.com/@maya.bakes')).toBeNull();
    expect(postFromUrl('https://example.com/p/DH4kQx2MpLa/')).toBeNull();
  });

  test.each([
    ['  https://m.youtube.com/watch?v=aB3dE5fG7hI&t=10  ', 'youtube:aB3dE5fG7hI'],
    ['https://youtube.com/watch?v=aB3dE5fG7hI', 'youtube:aB3dE5fG7hI'],
    ['https://tiktok.com/@Maya.Bakes/video/7412345678901234567', 'tiktok:7412345678901234567'],
    ['https://www.instagram.com/Lena.Park/reel/DH1zR8sMq0b/', 'instagram:DH1zR8sMq0b'],
    ['https://youtu.be/tooshort', null],
    ['https://youtu.be/abcdefghijk/extra', null],
    ['https://www.instagram.com/lenapark.studio/', null],
    ['https://www.youtube.com/@orbitlab', null],
    ['not a url', null],
  ])('%s → %s', (raw, key) => {
    expect(postFromUrl(raw)?.key ?? null).toBe(key);
  });

  test('a handle in the address comes lower case', () => {
    expect(postFromUrl('https://www.instagram.com/Lena.Park/reel/DH1zR8sMq0b/')?.handle).toBe('lena.park');
    expect(postFromUrl('https://tiktok.com/@Maya.Bakes/video/7412345678901234567')?.handle).toBe('maya.bakes');
  });
});
