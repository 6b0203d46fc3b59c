import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPage, siteFor, sites } from '../../lib/sites/registry';
import { FIXTURES, loadHtml } from './fixtures';

const PROFILE_URL: Record<string, string> = {
  instagram: 'https://www.instagram.com/lenapark.studio/',
  youtube: 'https://www.youtube.com/@orbitlab',
  tiktok: 'https://www.tiktok.com/@maya.bakes',
};

describe('the registry', () => {
  test('ids are unique and each site has a fixture folder', () => {
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    for (const s of sites) expect(readdirSync(`${FIXTURES}${s.id}`).length).toBeGreaterThan(0);
  });

  test('match patterns are https on the site host only', () => {
    for (const s of sites) for (const m of s.matches) expect(m).toMatch(/^https:\/\/www\.(instagram|youtube|tiktok)\.com\/\*$/);
  });

  test.each(sites.map((s) => [s.id, s] as const))('%s accepts its own profile URL and rejects the other sites’', (id, site) => {
    for (const [other, url] of Object.entries(PROFILE_URL)) {
      expect(site.isProfileUrl(new URL(url)), `${id} on ${other}`).toBe(other === id);
    }
    expect(siteFor(new URL(PROFILE_URL[id]!))?.id).toBe(id);
  });

  test.each([
    'https://www.instagram.com/', 'https://www.instagram.com/explore/', 'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/stories/someone/123/',
    'https://www.youtube.com/', 'https://www.youtube.com/results?search_query=x', 'https://www.youtube.com/feed/subscriptions',
    'https://www.youtube.com/playlist?list=PL123', 'https://www.tiktok.com/', 'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/tag/baking', 'https://www.tiktok.com/@x/live',
  ])('%s is not a profile', (url) => {
    expect(siteFor(new URL(url))?.isProfileUrl(new URL(url))).toBe(false);
    expect(readPage(loadHtml('<html><body></body></html>'), new URL(url)).kind).toBe('unreadable');
  });

  test.each([
    'https://www.instagram.com/lenapark.studio/reels/', 'https://www.instagram.com/p/DH4kQx2MpLa/', 'https://www.instagram.com/reel/DH1zR8sMq0b/',
    'https://www.instagram.com/lenapark.studio/p/DH4kQx2MpLa/', 'https://www.youtube.com/@orbitlab/about',
    'https://www.youtube.com/channel/UCq8Zt0bXk3a9v6wQe1R2T3Y', 'https://www.youtube.com/c/OrbitLab/videos',
    'https://www.youtube.com/watch?v=aB3dE5fG7hI', 'https://www.youtube.com/shorts/aB3dE5fG7hI',
    'https://www.tiktok.com/@maya.bakes/video/7412345678901234567',
  ])('%s is read', (url) => {
    expect(siteFor(new URL(url))?.isProfileUrl(new URL(url))).toBe(true);
  });

  test('a page in an unexpected shape is "not readable", never zeros, never a throw', () => {
    for (const [id, url] of Object.entries(PROFILE_URL)) {
      for (const html of ['', '<html><body><header><span>0</span></header></body></html>', '<script>var ytInitialData = {"header": 5};</script>', '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{not json</script>']) {
        const reading = readPage(loadHtml(html), new URL(url));
        expect(reading.kind, `${id}: ${html}`).toBe('unreadable');
      }
    }
  });
});
