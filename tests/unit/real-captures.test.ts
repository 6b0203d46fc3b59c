/**
 * Real YouTube responses that nobody on the team wrote (../shared/real-captures, see its
 * README). They are read in place, never copied into the project. Expected values were
 * read by hand from each capture's own JSON (header metadata parts, viewCountText).
 *
 * The captures live outside the project. When they are missing this file says so: a test
 * reported as skipped with the path in its name and a warning, and with CI set it fails.
 * CREATOR_LENS_SHARED points at another copy of ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readPage } from '../../lib/sites/registry';
import { loadHtml } from './fixtures';

const SHARED = process.env.CREATOR_LENS_SHARED || fileURLToPath(new URL('../../../shared/', import.meta.url));
const DIR = join(SHARED, 'real-captures', 'youtube') + '/';
const present = existsSync(DIR);
const ci = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

const CAPTURES = [
  { file: 'kurzgesagt', id: 'UCsXVk37bltHxD1rDPwtNM8Q', handle: 'kurzgesagt', name: 'Kurzgesagt – In a Nutshell', followers: 25_000_000, posts: 337, first: ['D0WQK7cMJn8', 1_545_374] },
  { file: 'gronkh', id: 'UCYJ61XIK64sp6ZFFS8sctxw', handle: 'gronkh', name: 'Gronkh', followers: 5_040_000, posts: 18_000, first: ['ZzVJnP9sjlo', 26_000] },
  { file: 'vsauce', id: 'UC6nSFpj9HTCZ5t-N3Rm3-HA', handle: 'vsauce', name: 'Vsauce', followers: 24_600_000, posts: 636, first: ['xHd4zsIbXJ0', 6_403_051] },
  { file: 'channelwithpronouns', id: 'UCEAXWzgcuF6XEiJcszhikQA', handle: 'shempofficial', name: 'Shemp', followers: 7_780, posts: 135, first: ['Kw6mTt_2VK4', 11_901] },
  { file: 'randomchannel', id: 'UCUaQMQS9lY5lit3vurpXQ6w', handle: 'randomchannel1109', name: 'random channel', followers: 84, posts: 1, first: ['ggMDYfQPKMU', 5_204] },
] as const;

/** Every video's views as the capture states them, straight from its JSON. */
function capturedViews(html: string): Map<string, number | null> {
  const json = JSON.parse(html.slice(html.indexOf('{', html.indexOf('ytInitialData')), html.lastIndexOf('};') + 1));
  const tabs = json.contents.twoColumnBrowseResultsRenderer.tabs as { tabRenderer?: { selected?: boolean; content?: any } }[];
  const items = tabs.find((t) => t.tabRenderer?.selected)!.tabRenderer!.content.richGridRenderer.contents as any[];
  const out = new Map<string, number | null>();
  for (const item of items) {
    const c = item.richItemRenderer?.content;
    if (c?.videoRenderer) {
      const text: string | undefined = c.videoRenderer.viewCountText?.simpleText;
      out.set(c.videoRenderer.videoId, text ? Number(text.replace(/\D/g, '')) : null);
    } else if (c?.lockupViewModel) {
      const text: string = c.lockupViewModel.metadata.lockupMetadataViewModel.metadata.contentMetadataViewModel.metadataRows[0].metadataParts[0].text.content;
      const m = /^([\d.]+)(k|m)? views$/.exec(text)!;
      out.set(c.lockupViewModel.contentId, Math.round(Number(m[1]) * (m[2] === 'm' ? 1e6 : m[2] === 'k' ? 1e3 : 1)));
    }
  }
  return out;
}

if (!present) {
  const missing = `real YouTube captures missing: ${DIR} does not exist (clone ../shared next to the project or set CREATOR_LENS_SHARED)`;
  if (ci) {
    test(missing, () => {
      throw new Error(`${missing}; with CI set the captures are required.`);
    });
  } else {
    console.warn(`[real-captures] ${missing}; these tests are skipped.`);
    test.skip(missing, () => {});
  }
}

describe.runIf(present)('real YouTube captures (../shared/real-captures)', () => {
  describe.each(CAPTURES)('$file', (c) => {
    const html = present ? readFileSync(`${DIR}${c.file}.html`, 'utf8') : '';
    test.each([`https://www.youtube.com/channel/${c.id}/videos`, `https://www.youtube.com/@${c.handle}/videos`])('read at %s', (url) => {
      const reading = readPage(loadHtml(html), new URL(url));
      if (reading.kind !== 'profile') throw new Error(`not read: ${JSON.stringify(reading)}`);
      expect(reading.handle).toBe(c.handle);
      expect(reading.displayName).toBe(c.name);
      expect(reading.followers).toBe(c.followers);
      expect(reading.posts).toBe(c.posts);
      expect(reading.following).toBeNull();
      expect(reading.views).toBeNull(); // the Videos tab does not show total views
      expect([reading.recent[0]?.id, reading.recent[0]?.views]).toEqual(c.first);
      // Every video's views equal what the capture states (null where it states none).
      const truth = capturedViews(html);
      expect(reading.recent.map((p) => p.id)).toEqual([...truth.keys()]);
      for (const p of reading.recent) expect(p.views, p.id).toBe(truth.get(p.id));
    });
  });

  test('another channel’s URL does not take the capture’s numbers', () => {
    const html = readFileSync(`${DIR}kurzgesagt.html`, 'utf8');
    const reading = readPage(loadHtml(html), new URL('https://www.youtube.com/@vsauce/videos'));
    expect(reading.kind).toBe('unreadable');
  });
});
