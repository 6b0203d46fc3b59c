import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readPage } from '../../lib/sites/registry';
import type { Reading } from '../../lib/sites/types';
import { CASES, IG, YT, type Expect } from './fixture-cases';
import { FIXTURES, loadFixture, loadHtml } from './fixtures';

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

describe('an Instagram post’s owner is a handle the page states, never a display name', () => {
  const page = (description: string) =>
    loadHtml(`<html lang="en"><head><meta property="og:url" content="https://www.instagram.com/p/ySl7G9tO_q/"><meta property="og:description" content="${description}"></head><body></body></html>`);
  test.each([
    // 2017–21: the display name, then the handle in brackets (real capture ig-2020-09-post-ySl7G9tO_q-served.html).
    ['361 Likes, 3 Comments - Alberto Garzón (@agarzoniu) on Instagram: “Se va llenando”', 'agarzoniu'],
    ['139k Likes, 1,372 Comments - Tesla (@teslamotors) on Instagram: “The first Model 3”', 'teslamotors'],
    // 2022–: the handle, then a date, in any language.
    ['152K likes, 784 comments - jaimelorentelo on April 19, 2021', 'jaimelorentelo'],
    ['1.284 Mal „Gefällt mir“, 56 Kommentare - lenapark.studio am 3. März 2025', 'lenapark.studio'],
    // A display name without a handle names nobody.
    ['361 Likes, 3 Comments - Alberto Garzón on Instagram: “Se va llenando”', null],
    ['361 Likes, 3 Comments - Tesla on Instagram', null],
  ])('%s → %s', (description, handle) => {
    const reading = readPage(page(description), new URL(`${IG}/p/ySl7G9tO_q/`));
    expect(reading).toMatchObject({ kind: 'post', handle });
  });
});
