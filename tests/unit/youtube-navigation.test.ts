/**
 * YouTube after in-page navigation from one video to another: the page keeps the first
 * video's ytInitialPlayerResponse while it renders the second. Nothing of the stale player
 * data may be read as the new video's — not its counts, and not its owner (a video by
 * @breadlab once read as @orbitlab's, which would have put it under the wrong creator).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { readPage } from '../../lib/sites/registry';
import { FIXTURES, loadHtml } from './fixtures';

const playerJson = /ytInitialPlayerResponse = (\{.*?\});var meta/.exec(readFileSync(`${FIXTURES}youtube/watch-page.html`, 'utf8'))![1];
const stalePlayer = `<script>var ytInitialPlayerResponse = ${playerJson};</script>`;
const secondVideo = readFileSync(`${FIXTURES}youtube/watch-2024-dom-only.html`, 'utf8').replace('</body>', `${stalePlayer}</body>`);

test('the owner comes from what describes this video, never from the previous video’s player data', () => {
  expect(stalePlayer).toContain('@orbitlab');
  const reading = readPage(loadHtml(secondVideo), new URL('https://www.youtube.com/watch?v=Wd2024xxxxx'));
  expect(reading).toMatchObject({ kind: 'post', id: 'Wd2024xxxxx', handle: 'breadlab' });
});

test('without the stale player data the same page reads the same', () => {
  const alone = readPage(loadHtml(readFileSync(`${FIXTURES}youtube/watch-2024-dom-only.html`, 'utf8')), new URL('https://www.youtube.com/watch?v=Wd2024xxxxx'));
  const withStale = readPage(loadHtml(secondVideo), new URL('https://www.youtube.com/watch?v=Wd2024xxxxx'));
  expect(withStale).toEqual(alone);
});
