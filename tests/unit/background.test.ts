import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, tabReading } from '../../lib/background/tab-readings';
import { acceptReading } from './background-helpers';
import { readPage } from '../../lib/sites/registry';
import { loadFixture } from './fixtures';

const reading = readPage(loadFixture('tiktok/profile-2024-universal.html'), new URL('https://www.tiktok.com/@maya.bakes'));
const sender = { tab: { id: 7 }, url: 'https://www.tiktok.com/@maya.bakes' };

describe('the background accepts only valid readings', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a valid reading is kept for its tab', async () => {
    expect(await acceptReading(reading, sender, 1_000)).toEqual({ ok: true, reading });
    expect(await tabReading(7)).toEqual({ reading, receivedAt: 1_000 });
    expect(await tabReading(8)).toBeNull();
    await forgetTab(7);
    expect(await tabReading(7)).toBeNull();
  });

  test.each<[string, unknown, RegExp]>([
    ['a negative count', { ...reading, followers: -1 }, /followers/],
    ['a fractional count', { ...reading, followers: 1.5 }, /followers/],
    ['a count as text', { ...reading, followers: '2.6M' }, /followers/],
    ['an unknown platform', { ...reading, platform: 'myspace' }, /platform/],
    ['an absurd display name', { ...reading, displayName: 'x'.repeat(200_000) }, /displayName/],
    ['a handle with a space', { ...reading, handle: 'a b' }, /handle: a handle has no spaces or colons/],
    ['a handle with a colon', { ...reading, handle: 'x:y' }, /handle: a handle has no spaces or colons/],
    ['an extra field', { ...reading, __proto__pollution: 1 }, /Unrecognized|unrecognized/],
    ['a post URL on another host', { ...reading, recent: [{ id: '1', url: 'https://evil.example/x', views: 1, likes: null, comments: null, publishedText: null }] }, /url/],
    ['not an object', 'hello', /Invalid reading/],
    ['nothing', undefined, /Invalid reading/],
  ])('%s is refused with a reason and nothing is written', async (_name, raw, reason) => {
    await acceptReading(reading, sender, 1); // something saved before
    const ack = await acceptReading(raw, sender, 2);
    expect(ack.ok).toBe(false);
    expect(!ack.ok && ack.reason).toMatch(reason);
    expect((await tabReading(7))?.receivedAt).toBe(1);
  });

  test('a long display name is shortened to 300 characters, not a reason to refuse the reading', async () => {
    const name = `${'Ünïcødé 🎂 '.repeat(60)}end`;
    const ack = await acceptReading({ ...reading, displayName: name }, sender, 3);
    expect(ack.ok).toBe(true);
    const kept = (await tabReading(7))?.reading;
    expect(kept?.kind === 'profile' && kept.displayName).toBe(`${[...name].slice(0, 299).join('')}…`);
    expect(kept?.kind === 'profile' && [...kept.displayName!].length).toBe(300);
  });

  test('a reading must come from its own site', async () => {
    const ack = await acceptReading(reading, { tab: { id: 7 }, url: 'https://www.instagram.com/x/' });
    expect(ack).toEqual({ ok: false, reason: 'A tiktok reading cannot come from www.instagram.com.' });
    expect(await acceptReading(reading, { url: 'https://www.tiktok.com/' })).toMatchObject({ ok: false });
  });
});
