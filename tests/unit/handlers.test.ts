/**
 * The background's handler table (lib/background/handlers.ts): every message type of the
 * protocol has one validating handler, and whatever a sender puts in a message that does
 * not fit its schema is refused with a reason, with nothing written.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, HANDLERS, MESSAGE_NAMES, validateRequest } from '../../lib/background/handlers';
import { exportLibrary } from '../../lib/db/transfer';
import type { MessageName, ProtocolMap } from '../../lib/protocol';
import { freshDb } from './db-helpers';

beforeEach(() => fakeBrowser.reset());

describe('the handler table', () => {
  test('every message of the protocol has exactly one handler', () => {
    expectTypeOf<keyof typeof HANDLERS>().toEqualTypeOf<keyof ProtocolMap>();
    expect(new Set(MESSAGE_NAMES).size).toBe(MESSAGE_NAMES.length);
    expect(MESSAGE_NAMES.sort()).toEqual(['cs→bg:add-to-list', 'cs→bg:keep-deal', 'cs→bg:mark-post', 'cs→bg:reading', 'cs→bg:save', 'ui→bg:keep-deal', 'ui→bg:popup', 'ui→bg:save-tab', 'ui→bg:tab-reading']);
    for (const name of MESSAGE_NAMES) expect(name, name).toMatch(/^(cs|ui)→bg:[a-z-]+$/);
  });

  test.each(MESSAGE_NAMES.flatMap((name) => ([undefined, null, 'hello', -1, [], JSON.parse('{"__proto__": {"creatorKey": "tiktok:x"}}'), { extra: 1 }] as unknown[]).map((raw) => [name, raw] as const)))(
    '%s with %j is refused with a reason, and nothing is written',
    async (name, raw) => {
      const db = freshDb();
      const before = { ...(await exportLibrary(db)), exportedAt: 0 };
      const sender = { tab: { id: 3 }, url: 'https://www.tiktok.com/@maya.bakes' };
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
    expect(await dispatch(freshDb(), 'ui→bg:tab-reading', 3, {})).toEqual({ ok: false, reason: 'Creator Lens could not do this: storage is gone' });
  });
});
