import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPage } from '../../lib/sites/registry';
import type { Reading } from '../../lib/sites/types';
import { CASES, IG, YT, type Expect } from './fixture-cases';
import { FIXTURES, loadFixture } from './fixtures';

function check(reading: Reading, expected: Expect) {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'url') continue;
    const r = reading as unknown as Record<string, unknown> & { exact?: Record<string, boolean>; sources?: Record<string, string>; recent?: { id: string; views: number | null; likes: number | null; comments: number | null }[] };
    if (key === 'recent') expect(r.recent?.map((p) => [p.id, p.views, p.likes, p.comments]), key).toEqual(value);
    else if (key === 'recentCount') expect(r.recent?.length, key).toBe(value);
    else if (key.startsWith('exact')) expect(r.exact?.[key.slice(5).toLowerCase()], key).toBe(value);
    else if (key.startsWith('source')) expect(r.sources?.[key.slice(6).toLowerCase()], key).toBe(value);
    else expect(r[key], key).toEqual(value);
  }
}

describe.each(Object.entries(CASES))('%s', (file, expected) => {
  test('reads what the page shows', () => {
    const reading = readPage(loadFixture(file), new URL(expected.url));
    if (!('kind' in expected) && reading.kind === 'unreadable') throw new Error(reading.message);
    check(reading, expected);
  });
});

test('every fixture has expectations, and every site has at least 10 fixtures', () => {
  for (const site of ['instagram', 'youtube', 'tiktok']) {
    const files = readdirSync(`${FIXTURES}${site}`).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(CASES, `${site}/${f} has no expectation`).toHaveProperty([`${site}/${f}`]);
  }
});

test('an abbreviated count that disagrees with a stale exact one keeps the shown value', () => {
  // profile-stale-meta: meta says 70.2K (another user); the header says 9,870.
  const reading = readPage(loadFixture('instagram/profile-stale-meta.html'), new URL(`${IG}/dev.codes/`));
  expect(reading.kind === 'profile' && reading.followers).toBe(9_870);
});

test('an error page that names another channel is the previous page, not this channel’s answer', () => {
  // channel-terminated names UCgone… by its browse_id: at another channel's address it is what
  // in-page navigation left behind, so the reader waits (loading) instead of saying "not found".
  const other = readPage(loadFixture('youtube/channel-terminated.html'), new URL(`${YT}/channel/UCotherotherotherother00`));
  expect(other).toMatchObject({ kind: 'unreadable', reason: 'loading' });
  // At a /@handle address the data cannot say whose it is (it names no handle): it is taken for this channel's.
  const handle = readPage(loadFixture('youtube/channel-terminated.html'), new URL(`${YT}/@gone`));
  expect(handle).toMatchObject({ kind: 'unreadable', reason: 'not-found' });
});
