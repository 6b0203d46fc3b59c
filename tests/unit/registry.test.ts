/**
 * The registry (lib/sites/registry.ts) and the facts it is built from (lib/sites/platforms.ts),
 * after Web Scrobbler's connectors test: ids unique, match patterns valid, every site has
 * its fixtures, every fixture's URL is its own site's only, and everything derived from the
 * facts (the manifest's host permissions, the content scripts' matches) agrees with them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { DELIVERABLES } from '../../lib/roi/project';
import {
  defaultDeliverableOf, domainsInWords, hostOf, hostPermissions, matchesOf, PLATFORM_FACTS, PLATFORM_PATTERN, PLATFORMS, platformName,
  platformOfHost, siteHosts, vocabularyOf,
} from '../../lib/sites/platforms';
import { readPage, siteFor, sites } from '../../lib/sites/registry';
import { CASES } from './fixture-cases';
import { FIXTURES, loadHtml } from './fixtures';

const PROFILE_URL: Record<string, string> = {
  instagram: 'https://www.instagram.com/lenapark.studio/',
  youtube: 'https://www.youtube.com/@orbitlab',
  tiktok: 'https://www.tiktok.com/@maya.bakes',
};

describe('the registry', () => {
  test('ids are unique, one site per platform in PLATFORMS order, and each site has a fixture folder', () => {
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(sites.map((s) => s.id)).toEqual([...PLATFORMS]);
    for (const s of sites) expect(readdirSync(`${FIXTURES}${s.id}`).filter((f) => f.endsWith('.html')).length, s.id).toBeGreaterThan(0);
  });

  test('match patterns are valid (WXT parses them) and https on the site host only', () => {
    for (const s of sites) {
      expect(s.matches.length).toBeGreaterThan(0);
      for (const m of s.matches) {
        expect(() => new MatchPattern(m), m).not.toThrow();
        expect(m).toMatch(/^https:\/\/www\.(instagram|youtube|tiktok)\.com\/\*$/);
      }
    }
  });

  test('each site carries its platform facts, and its matches are its hosts', () => {
    for (const s of sites) {
      const facts = PLATFORM_FACTS[s.id];
      expect({ id: s.id, name: s.name, hosts: s.hosts, aliasHosts: s.aliasHosts, shortLinkHosts: s.shortLinkHosts, vocabulary: s.vocabulary, defaultDeliverable: s.defaultDeliverable }).toEqual(facts);
      expect(s.matches).toEqual(matchesOf(s.id));
      expect(s.matches).toEqual(s.hosts.map((h) => `https://${h}/*`));
      expect(DELIVERABLES).toContain(s.defaultDeliverable);
    }
  });

  test.each(sites.map((s) => [s.id, s] as const))('%s accepts its own profile URL and rejects the other sites’', (id, site) => {
    for (const [other, url] of Object.entries(PROFILE_URL)) {
      expect(site.reads(new URL(url)), `${id} on ${other}`).toBe(other === id);
    }
    expect(siteFor(new URL(PROFILE_URL[id]!))?.id).toBe(id);
  });

  test.each(Object.entries(CASES).map(([file, c]) => [file, c.url] as const))('the URL of %s routes to its own site only', (file, raw) => {
    const own = file.split('/')[0];
    const url = new URL(raw);
    expect(siteFor(url)?.id).toBe(own);
    for (const s of sites) {
      expect(s.reads(url), `${s.id} reads ${raw}`).toBe(s.id === own);
      expect(s.route(url) !== null, `${s.id} routes ${raw}`).toBe(s.id === own);
    }
  });

  test.each([
    'https://www.instagram.com/', 'https://www.instagram.com/explore/', 'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/stories/someone/123/',
    'https://www.youtube.com/', 'https://www.youtube.com/results?search_query=x', 'https://www.youtube.com/feed/subscriptions',
    'https://www.youtube.com/playlist?list=PL123', 'https://www.tiktok.com/', 'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/tag/baking', 'https://www.tiktok.com/@x/live',
  ])('%s is not a profile', (url) => {
    expect(siteFor(new URL(url))?.reads(new URL(url))).toBe(false);
    expect(siteFor(new URL(url))?.route(new URL(url))).toBeNull();
    expect(readPage(loadHtml('<html><body></body></html>'), new URL(url)).kind).toBe('unreadable');
  });

  test.each([
    'https://www.instagram.com/lenapark.studio/reels/', 'https://www.instagram.com/p/DH4kQx2MpLa/', 'https://www.instagram.com/reel/DH1zR8sMq0b/',
    'https://www.instagram.com/lenapark.studio/p/DH4kQx2MpLa/', 'https://www.youtube.com/@orbitlab/about',
    'https://www.youtube.com/channel/UCq8Zt0bXk3a9v6wQe1R2T3Y', 'https://www.youtube.com/c/OrbitLab/videos',
    'https://www.youtube.com/watch?v=aB3dE5fG7hI', 'https://www.youtube.com/shorts/aB3dE5fG7hI',
    'https://www.tiktok.com/@maya.bakes/video/7412345678901234567',
  ])('%s is read', (url) => {
    expect(siteFor(new URL(url))?.reads(new URL(url))).toBe(true);
  });

  test('siteFor goes by the match patterns: other hosts and plain http are no site', () => {
    for (const url of ['https://instagram.com/lenapark.studio/', 'https://m.youtube.com/@orbitlab', 'https://example.com/@maya', 'http://www.tiktok.com/@maya.bakes']) {
      expect(siteFor(new URL(url)), url).toBeNull();
    }
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

describe('the platform facts', () => {
  test.each([
    ['instagram', 'Instagram', 'www.instagram.com', 'followers', 'posts', 'post'],
    ['youtube', 'YouTube', 'www.youtube.com', 'subscribers', 'videos', 'video'],
    ['tiktok', 'TikTok', 'www.tiktok.com', 'followers', 'videos', 'video'],
  ] as const)('%s: %s on %s, "%s" and "%s", quotes start as a %s', (id, name, host, followers, posts, deliverable) => {
    expect(platformName(id)).toBe(name);
    expect(hostOf(id)).toBe(host);
    expect(vocabularyOf(id)).toEqual({ followers, posts });
    expect(defaultDeliverableOf(id)).toBe(deliverable);
    expect(platformOfHost(host)).toBe(id);
  });

  test('hosts: one list, each host one platform; aliases and short links are no host the extension runs on', () => {
    expect(siteHosts()).toEqual(['www.instagram.com', 'www.youtube.com', 'www.tiktok.com']);
    expect(new Set(siteHosts()).size).toBe(siteHosts().length);
    for (const p of PLATFORMS) {
      for (const h of [...PLATFORM_FACTS[p].aliasHosts, ...PLATFORM_FACTS[p].shortLinkHosts]) {
        expect(platformOfHost(h), h).toBeNull();
        expect(siteHosts()).not.toContain(h);
      }
    }
    expect(platformOfHost('example.com')).toBeNull();
    expect(domainsInWords()).toBe('instagram.com, youtube.com or tiktok.com');
  });

  test('PLATFORM_PATTERN is an alternation of exactly the ids', () => {
    const re = new RegExp(`^(${PLATFORM_PATTERN}):[^\\s:]{1,100}$`);
    for (const p of PLATFORMS) expect(re.test(`${p}:someone`), p).toBe(true);
    for (const key of ['facebook:x', 'instagramx:y', 'instagram', ':x', 'youtube:a b']) expect(re.test(key), key).toBe(false);
  });
});

describe('the manifest', () => {
  test('wxt.config.ts asks for exactly the registry’s hosts', async () => {
    const config = (await import('../../wxt.config')).default as { manifest: (env: object) => { host_permissions: string[] } | Promise<{ host_permissions: string[] }> };
    for (const browser of ['chrome', 'firefox']) {
      const manifest = await config.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
      expect(manifest.host_permissions, browser).toEqual(hostPermissions());
    }
    expect(hostPermissions()).toEqual(sites.flatMap((s) => s.matches));
  });

  const BUILT = fileURLToPath(new URL('../../.output/chrome-mv3/manifest.json', import.meta.url));
  test('the built manifest (.output/chrome-mv3, when built) holds the registry’s hosts and each content script its site’s matches', (ctx) => {
    if (!existsSync(BUILT)) {
      console.warn(`registry.test: ${BUILT} is missing (run \`npx wxt build\`); the built manifest is not checked`);
      ctx.skip();
    }
    const built = JSON.parse(readFileSync(BUILT, 'utf8')) as { host_permissions: string[]; content_scripts: { matches: string[]; js: string[]; world?: string; run_at?: string }[] };
    expect(built.host_permissions).toEqual(hostPermissions());
    for (const s of sites) {
      const script = built.content_scripts.find((c) => c.js.some((j) => j === `content-scripts/${s.id}.js`));
      expect(script?.matches, s.id).toEqual(s.matches);
      // The capture's page-world half (issue 13): the same hosts, the page's world, before its app runs.
      const capture = built.content_scripts.find((c) => c.js.some((j) => j === `content-scripts/${s.id}-capture.js`));
      expect(capture, `${s.id}-capture`).toMatchObject({ matches: s.matches, world: 'MAIN', run_at: 'document_start', js: [`content-scripts/${s.id}-capture.js`] });
    }
    expect(built.content_scripts.filter((c) => c.world !== 'MAIN')).toHaveLength(sites.length);
    expect(built.content_scripts.filter((c) => c.world === 'MAIN')).toHaveLength(sites.length);
  });
});
