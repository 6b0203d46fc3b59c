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
      const sender = HANDLERS[name].from === 'content-script' ? contentScript : extensionPage();
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

  // B7 of the reliability report: a content script reached the popup's messages (another tab's reading, a forged deal).
  test.each(MESSAGE_NAMES.map((name) => [name, HANDLERS[name].from] as const))('%s is refused from the wrong kind of sender, and nothing is written', async (name, from) => {
    const db = freshDb();
    const wrong = from === 'content-script' ? extensionPage() : contentScript;
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
