/**
 * The background's handler table (lib/background/handlers.ts): every message type of the
 * protocol has one validating handler, and whatever a sender puts in a message that does
 * not fit its schema is refused with a reason, with nothing written.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, HANDLERS, MESSAGE_NAMES, senderKind, validateRequest } from '../../lib/background/handlers';
import { messageListener } from '../../lib/background/listen';
import { exportLibrary } from '../../lib/db/transfer';
import type { MessageName, ProtocolMap } from '../../lib/protocol';
import { extensionPage } from './background-helpers';
import { freshDb } from './db-helpers';
import { readPage } from '../../lib/sites/registry';
import { loadFixture } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const contentScript = { tab: { id: 3 }, url: 'https://www.tiktok.com/@maya.bakes' };

describe('the handler table', () => {
  test('every message of the protocol has exactly one handler', () => {
    expectTypeOf<keyof typeof HANDLERS>().toEqualTypeOf<keyof ProtocolMap>();
    expect(new Set(MESSAGE_NAMES).size).toBe(MESSAGE_NAMES.length);
    expect(MESSAGE_NAMES.sort()).toEqual(['cs→bg:add-to-list', 'cs→bg:keep-deal', 'cs→bg:mark-post', 'cs→bg:open-dashboard', 'cs→bg:reading', 'cs→bg:save', 'ui→bg:keep-deal', 'ui→bg:popup', 'ui→bg:save-tab', 'ui→bg:tab-reading']);
    for (const name of MESSAGE_NAMES) expect(name, name).toMatch(/^(cs|ui)→bg:[a-z-]+$/);
  });

  test.each(MESSAGE_NAMES.flatMap((name) => ([undefined, null, 'hello', -1, [], JSON.parse('{"__proto__": {"creatorKey": "tiktok:x"}}'), { extra: 1 }] as unknown[]).map((raw) => [name, raw] as const)))(
    '%s with %j is refused with a reason, and nothing is written',
    async (name, raw) => {
      const db = freshDb();
      const before = { ...(await exportLibrary(db)), exportedAt: 0 };
      const sender = HANDLERS[name].from.includes('extension-page') ? extensionPage() : contentScript;
      const answer = await dispatch(db, name, raw, sender);
      expect(answer).toEqual({ ok: false, reason: expect.stringMatching(/^Invalid (reading|save request|list request|request|quote)\b/) });
      expect({ ...(await exportLibrary(db)), exportedAt: 0 }).toEqual(before);
      expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    },
  );

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'cs→bg:unknown', ''])('a message named %j reaches no handler and is refused', async (name) => {
    expect(validateRequest(name as MessageName, {})).toEqual({ ok: false, reason: expect.stringMatching(/^Unknown message/) });
    expect(await dispatch(freshDb(), name as MessageName, {}, {})).toEqual({ ok: false, reason: expect.stringMatching(/^Unknown message/) });
  });

  test('a handler that throws answers with a reason instead of leaving the sender waiting', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    expect(await dispatch(freshDb(), 'ui→bg:tab-reading', 3, extensionPage())).toEqual({ ok: false, reason: 'Creator Lens could not do this: storage is gone' });
  });

  test('who sent a message is what the browser says: an extension page, a content script on a site we read, or neither', () => {
    expect(senderKind(extensionPage())).toBe('extension-page');
    expect(senderKind({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html#/creator/x'), tab: { id: 9 } })).toBe('extension-page'); // the dashboard in a tab
    expect(senderKind(contentScript)).toBe('content-script');
    expect(senderKind({ tab: { id: 3 }, url: 'https://www.youtube.com/@orbitlab' })).toBe('content-script');
    expect(senderKind({ tab: { id: 3 }, url: 'https://evil.example/' })).toBeNull();
    expect(senderKind({ url: 'https://www.tiktok.com/@maya.bakes' })).toBeNull(); // no tab
    expect(senderKind({ id: 'another-extension', url: fakeBrowser.runtime.getURL('/popup.html') })).toBeNull();
    expect(senderKind({ tab: { id: 3 }, url: 'chrome-extension://another-id/popup.html' })).toBeNull();
    expect(senderKind({})).toBeNull();
  });

  // Issue 15 (B2): the panel's own part is an extension page in a frame of the site's tab.
  test('the panel’s frame is its own kind of sender: our panel page, in a tab of a site we read — nowhere else', () => {
    const panel = (tab: { id?: number; url?: string } | undefined) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html#0123abcd'), tab });
    expect(senderKind(panel({ id: 3, url: 'https://www.tiktok.com/@maya.bakes' }))).toBe('panel');
    expect(senderKind(panel({ id: 3, url: 'https://evil.example/' }))).toBeNull(); // our page, framed by another site
    expect(senderKind(panel({ id: 3 }))).toBeNull(); // a tab whose address we are not told
    expect(senderKind(panel(undefined))).toBeNull(); // not in a tab
    expect(senderKind({ ...panel({ id: 3, url: 'https://www.tiktok.com/@maya.bakes' }), id: 'another-extension' })).toBeNull();
  });

  test('the panel’s frame may save, list, mark, keep deals and open the dashboard; the popup’s messages are refused from it', () => {
    const from = (name: MessageName) => HANDLERS[name].from;
    expect(MESSAGE_NAMES.filter((n) => from(n).includes('panel')).sort()).toEqual(['cs→bg:add-to-list', 'cs→bg:keep-deal', 'cs→bg:mark-post', 'cs→bg:open-dashboard', 'cs→bg:save']);
    for (const name of MESSAGE_NAMES.filter((n) => n.startsWith('ui→'))) expect(from(name), name).toEqual(['extension-page']);
    expect(from('cs→bg:reading')).toEqual(['content-script']); // readings come from the page's content script only
  });

  test('the panel’s frame acts on the creator its own tab shows, and cannot name another tab', async () => {
    const db = freshDb();
    const reading = readPage(loadFixture('tiktok/profile-2024-universal.html'), new URL('https://www.tiktok.com/@maya.bakes'));
    await dispatch(db, 'cs→bg:reading', reading, contentScript); // tab 3 shows @maya.bakes
    const panelIn = (id: number) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html#0123abcd'), tab: { id, url: 'https://www.tiktok.com/@maya.bakes' } });
    expect(await dispatch(db, 'cs→bg:save', { creatorKey: 'tiktok:someone.else' }, panelIn(3))).toMatchObject({ ok: false });
    expect(await dispatch(db, 'cs→bg:save', { creatorKey: 'tiktok:maya.bakes' }, panelIn(4))).toMatchObject({ ok: false }); // tab 4 showed nothing
    expect(await dispatch(db, 'cs→bg:save', { creatorKey: 'tiktok:maya.bakes', tabId: 3 }, panelIn(4))).toEqual({ ok: false, reason: expect.stringMatching(/^Invalid save request/) });
    expect(await db.creators.count()).toBe(0);
    expect(await dispatch(db, 'cs→bg:save', { creatorKey: 'tiktok:maya.bakes' }, panelIn(3))).toMatchObject({ ok: true, saved: true });
    expect(await db.creators.count()).toBe(1);
  });

  test.each(MESSAGE_NAMES.filter((n) => !HANDLERS[n].from.includes('panel')))('%s is refused from the panel’s frame, and nothing is written', async (name) => {
    const db = freshDb();
    const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/panel.html#0123abcd'), tab: { id: 3, url: 'https://www.tiktok.com/@maya.bakes' } };
    expect(await dispatch(db, name, {}, panel)).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^${name} is accepted only from .*; nothing was done\\.$`)) });
    expect(await db.deals.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  // B7 of the reliability report: a content script reached the popup's messages (another tab's reading, a forged deal).
  test.each(MESSAGE_NAMES.map((name) => [name, HANDLERS[name].from] as const))('%s is refused from the wrong kind of sender, and nothing is written', async (name, from) => {
    const db = freshDb();
    const wrong = from.includes('extension-page') ? contentScript : extensionPage();
    const answer = await dispatch(db, name, {}, wrong);
    expect(answer).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^${name} is accepted only from .*; nothing was done\\.$`)) });
    expect(await db.deals.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test('the background’s listener answers every message of ours through the table, a “constructor” too, and leaves others alone', async () => {
    const db = freshDb();
    const listen = messageListener(db);
    const answer = (message: unknown, sender: object = contentScript) =>
      new Promise<unknown>((resolve) => {
        const handled = listen(message, sender, resolve);
        if (!handled) resolve('not handled');
      });
    for (const type of ['constructor', '__proto__', 'toString', 'valueOf', 'cs→bg:nope']) {
      expect(await answer({ id: 1, type, data: {}, timestamp: 1 })).toEqual({ res: { ok: false, reason: expect.stringMatching(/^Unknown message/) } });
    }
    expect(await answer({ id: 2, type: 'ui→bg:tab-reading', data: 5, timestamp: 1 }, extensionPage())).toEqual({ res: null });
    expect(await answer({ id: 3, type: 'ui→bg:tab-reading', data: 5, timestamp: 1 })).toEqual({ res: { ok: false, reason: expect.stringMatching(/accepted only from Creator Lens’s own pages/) } });
    expect(await answer('a string')).toBe('not handled');
    expect(await answer({ type: 'cs→bg:save' })).toBe('not handled'); // not the messaging format
  });
});
