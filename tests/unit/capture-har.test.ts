/**
 * `read-page --har` (lib/capture/har.ts, scripts/read-page.ts): a saved HAR's responses read
 * with the capture's own list, limits, extractor and store, plus the page's embedded data.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { harEntries, readCapture } from '../../lib/capture/har';
import { instagramCapture } from '../../lib/capture/instagram';
import { MAX_TEXT } from '../../lib/capture/page-world';
import { tiktokCapture } from '../../lib/capture/tiktok';
import { readInstagramPosts } from '../../lib/sites/instagram/posts';
import { readTiktokPosts } from '../../lib/sites/tiktok/posts';
import { fixture } from './capture-helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const doc = (path: string) => parseHTML(fixture(path)).document as unknown as Document;
const ids = (posts: { id: string }[]) => posts.map((p) => p.id);

const entry = (url: string, status: number, text?: string) => ({ startedDateTime: '2026-06-01T12:00:00.000Z', request: { method: 'POST', url }, response: { status, content: text === undefined ? { size: 0 } : { size: text.length, text } } });

describe('readCapture', () => {
  test('TikTok: the item_list responses on the list, base64 bodies decoded; others ignored or refused with a reason', () => {
    const har = JSON.parse(fixture('capture/tiktok-profile.har'));
    const read = readCapture(tiktokCapture, new URL('https://www.tiktok.com/@maya.bakes'), doc('tiktok/profile-2024-universal.html'), har);
    const first = readTiktokPosts(fixture('api/tiktok/item-list.json'), { handle: 'maya.bakes' });
    const second = readTiktokPosts(fixture('api/tiktok/item-list-page-2.json'), { handle: 'maya.bakes' });
    expect(ids(read.posts)).toEqual([...ids(first.posts), ...ids(second.posts)]);
    expect(read.posts.every((p) => p.owner === 'maya.bakes' && p.source === 'network')).toBe(true);
    expect(read.responses.map((r) => [r.posts, r.refused ?? null])).toEqual([[first.posts.length, null], [1, null], [0, 'status'], [0, 'no-content']]);
    expect(read.responses[0]!.skipped).toEqual([{ reason: 'other-account', count: 1 }]);
    expect(read.ignored).toBe(3); // the page itself, /api/recommend/ (other creators), another host
    expect(read.creator).toBe('maya.bakes');
  });

  test('Instagram: embedded relay payloads and the GraphQL responses with a posts root; a message query or an oversized body is refused', () => {
    const page = doc('api/instagram/profile-2026-sjs.html');
    const stream = fixture('api/instagram/graphql-stream.txt');
    const har = {
      log: {
        entries: [
          entry('https://www.instagram.com/graphql/query', 200, stream),
          entry('https://www.instagram.com/graphql/query', 200, '{"data":{"xdt_direct_inbox":{"threads":[]}}}'),
          entry('https://www.instagram.com/api/graphql', 200, `{"data":{"xdt_api__v1__feed__user_timeline_graphql_connection":{}},"pad":"${'x'.repeat(MAX_TEXT)}"}`),
        ],
      },
    };
    const read = readCapture(instagramCapture, new URL('https://www.instagram.com/maya.codes/'), page, har);
    const embedded = instagramCapture.embedded(page);
    expect(read.embedded.texts).toBe(embedded.length);
    const expected = [...embedded.flatMap((t) => ids(readInstagramPosts(t, { handle: 'maya.codes' }).posts)), ...ids(readInstagramPosts(stream, { handle: 'maya.codes' }).posts)];
    expect(ids(read.posts)).toEqual(expected);
    expect(new Set(read.posts.map((p) => p.source))).toEqual(new Set(['embedded', 'network']));
    expect(read.responses.map((r) => r.refused ?? null)).toEqual([null, 'no-posts-root', 'too-large']);
  });

  test('a URL that does not name the creator uses the reading’s handle; without one, nothing is attributed', () => {
    const har = { log: { entries: [entry('https://www.instagram.com/graphql/query', 200, fixture('api/instagram/post-web-info.json'))] } };
    const page = doc('instagram/post-page.html');
    const url = new URL('https://www.instagram.com/p/C5postAAA01/');
    expect(readCapture(instagramCapture, url, page, har).posts).toEqual([]);
    expect(readCapture(instagramCapture, url, page, har, 'maya.codes').posts).toHaveLength(1);
  });

  test.each([[null], [{}], [{ log: {} }], ['text']])('%j is not a HAR', (har) => {
    expect(() => harEntries(har)).toThrow('not a HAR file');
  });
});

describe('npm run read-page -- --har', { timeout: 60_000 }, () => {
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/read-page.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

  test('prints the reading with the captured posts merged into `recent` and which responses were read', () => {
    const r = run('--url', 'https://www.tiktok.com/@maya.bakes', '--har', 'tests/fixtures/capture/tiktok-profile.har', 'tests/fixtures/tiktok/profile-2024-universal.html');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ kind: 'profile', handle: 'maya.bakes', capture: { creator: 'maya.bakes', ignored: 3 } });
    // The 10 posts the responses held (once in `recentFromResponses`, now merged into `recent`), the date as an ISO time.
    const captured = out.recent.filter((p: { source: string }) => p.source === 'network');
    expect(captured).toHaveLength(10);
    expect(out.recent.find((p: { id: string }) => p.id === '7301234567890123456')).toMatchObject({ id: '7301234567890123456', publishedAt: new Date(1_700_000_000_000).toISOString(), pinned: true, views: 1_776_621, exact: { views: true }, source: 'network' });
    expect(out).not.toHaveProperty('recentFromResponses');
  });

  test('a file that is not a HAR is a usage error (exit 1) with a sentence', () => {
    const r = run('--url', 'https://www.tiktok.com/@maya.bakes', '--har', 'tests/fixtures/api/tiktok/item-list.json', 'tests/fixtures/tiktok/profile-2024-universal.html');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read tests\/fixtures\/api\/tiktok\/item-list\.json: not a HAR file/);
  });
});
