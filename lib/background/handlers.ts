/**
 * The background's one table of message handlers. Every message type has exactly one entry:
 * its request schema (lib/protocol/requests.ts), the reason given when a request does not
 * fit it, who may send it (a content script or the extension's own pages: checked against
 * what the browser says about the sender), and the handler, which only ever sees validated
 * data. `dispatch` is the one way in
 * (entrypoints/background.ts registers it for every message; the tests call it), so invalid
 * input is refused with a reason and nothing is written, whatever the message.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { LibraryDb } from '../db/db';
import type { MessageName, ProtocolMap } from '../protocol';
import type { Refusal } from '../protocol/payloads';
import {
  KeepDealRequest, ListRequest, MarkPostRequest, OpenDashboardRequest, PopupRequest, ReadingRequest, SaveRequest, TabReadingRequest, UiKeepDealRequest, UiSaveTabRequest,
} from '../protocol/requests';
import { describeIssues } from '../schema';
import { keepTabDeal } from './deals';
import { popupState } from './popup-state';
import { markTabPost } from './posts';
import { onReading } from './readings';
import { addTabToList, saveTab } from './saves';
import { PANEL_PAGE } from '../protocol/panel';
import { platformOfHost } from '../sites/platforms';
import { tabReading, type Sender } from './tab-readings';

export interface HandlerContext {
  sender: Sender;
  /** The sender's tab, when it has one. */
  tabId: number | undefined;
  now: number;
}

/**
 * Who may send a message: a content script on a site Creator Lens reads; the panel's frame
 * (lib/protocol/panel.ts), which is an extension page but lives in a tab of a site we read
 * and, like a content script, may act only on the creator its own tab shows (the handlers
 * take the tab from the browser's `sender.tab`, never from the request); or one of the
 * extension's own pages (popup, dashboard), which name the tab they mean.
 */
export type SenderKind = 'content-script' | 'panel' | 'extension-page';

interface Handler<S extends z.ZodType, R> {
  /** The kinds of sender accepted (any other is refused). */
  from: readonly SenderKind[];
  request: S;
  /** The reason a request that does not fit `request` is refused with (given the schema's first problems). */
  invalid: (issues: string) => string;
  handle: (db: LibraryDb, data: z.output<S>, context: HandlerContext) => Promise<R>;
}

const handler = <S extends z.ZodType, R>(h: Handler<S, R>) => h;

type Response<N extends MessageName> = ReturnType<ProtocolMap[N]>;

export const HANDLERS: { [N in MessageName]: Handler<z.ZodType, Response<N>> } = {
  'cs→bg:reading': handler({
    from: ['content-script'],
    request: ReadingRequest,
    invalid: (issues) => `Invalid reading: ${issues}`,
    handle: (db, reading, { sender, now }) => onReading(db, reading, sender, now),
  }),
  'cs→bg:save': handler({
    // The panel's frame sends these (the content script does not any more; still accepted from it: the page cannot drive it).
    from: ['panel', 'content-script'],
    request: SaveRequest,
    invalid: () => 'Invalid save request: it must name a creator as platform:handle.',
    handle: (db, request, { tabId, now }) => saveTab(db, tabId, request, now),
  }),
  'cs→bg:add-to-list': handler({
    from: ['panel', 'content-script'],
    request: ListRequest,
    invalid: () => 'Invalid list request: a creator and a list name of 1 to 100 characters.',
    handle: (db, request, { tabId, now }) => addTabToList(db, tabId, request, now),
  }),
  'cs→bg:mark-post': handler({
    from: ['panel', 'content-script'],
    request: MarkPostRequest,
    invalid: () => 'Invalid request: it must name a booking.',
    handle: (db, request, { tabId, now }) => markTabPost(db, tabId, request, now),
  }),
  'cs→bg:keep-deal': handler({
    from: ['panel', 'content-script'],
    request: KeepDealRequest,
    invalid: (issues) => `Invalid quote: ${issues}`,
    handle: (db, request, { tabId, now }) => keepTabDeal(db, tabId, request, now, false),
  }),
  'cs→bg:open-dashboard': handler({
    from: ['panel', 'content-script'],
    request: OpenDashboardRequest,
    invalid: () => 'Invalid request: it names the creator page or the settings.',
    handle: async (_db, { page, creatorKey }) => {
      const hash = page === 'settings' ? '#/settings' : creatorKey ? `#/creator/${encodeURIComponent(creatorKey)}` : '';
      await browser.tabs.create({ url: `${browser.runtime.getURL('/dashboard.html')}${hash}` });
      return { ok: true as const };
    },
  }),
  'ui→bg:save-tab': handler({
    from: ['extension-page'],
    request: UiSaveTabRequest,
    invalid: () => 'Invalid save request: it must name a tab and a creator.',
    handle: (db, { tabId, creatorKey }, { now }) => saveTab(db, tabId, { creatorKey }, now),
  }),
  'ui→bg:tab-reading': handler({
    from: ['extension-page'],
    request: TabReadingRequest,
    invalid: () => 'Invalid request: it must name a tab.',
    handle: (_db, tabId) => tabReading(tabId),
  }),
  'ui→bg:popup': handler({
    from: ['extension-page'],
    request: PopupRequest,
    invalid: () => 'Invalid request: it must name a tab and its address (or null).',
    handle: (db, { tabId, url }) => popupState(db, tabId ?? undefined, url ?? undefined),
  }),
  'ui→bg:keep-deal': handler({
    from: ['extension-page'],
    request: UiKeepDealRequest,
    invalid: (issues) => `Invalid quote: ${issues}`,
    handle: (db, { tabId, ...request }, { now }) => keepTabDeal(db, tabId ?? undefined, request, now),
  }),
};

const isMessage = (name: unknown): name is MessageName => typeof name === 'string' && Object.hasOwn(HANDLERS, name);

/** Checks a request against its message's schema: the data the handler may see, or the reason it is refused. */
export function validateRequest<N extends MessageName>(name: N, raw: unknown): { ok: true; data: unknown } | Refusal {
  if (!isMessage(name)) return { ok: false, reason: `Unknown message ${JSON.stringify(String(name)).slice(0, 80)}.` };
  const entry = HANDLERS[name];
  const parsed = entry.request.safeParse(raw);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: entry.invalid(describeIssues(parsed.error)) };
}

const onSiteWeRead = (url: unknown): boolean => {
  try {
    return typeof url === 'string' && platformOfHost(new URL(url).hostname) !== null;
  } catch {
    return false;
  }
};

/**
 * What the browser says about a sender: the panel's frame (our panel.html, in a tab that
 * shows a site we read), one of the extension's own pages (its URL is ours), or a content
 * script in a tab of a site we read. Content scripts of other sites, our panel page framed
 * anywhere else, pages we do not know and anything else are none of them.
 */
export function senderKind(sender: Sender): SenderKind | null {
  const url = typeof sender.url === 'string' ? sender.url : '';
  let ours = '';
  let panel = '';
  try {
    ours = browser.runtime.getURL('/');
    panel = browser.runtime.getURL(PANEL_PAGE as '/panel.html');
  } catch {
    ours = '';
  }
  const tabId = sender.tab?.id;
  const inTab = tabId !== undefined && tabId >= 0;
  if (ours && url.startsWith(ours) && (sender.id === undefined || sender.id === browser.runtime.id)) {
    if (url.split(/[?#]/)[0] !== panel) return 'extension-page';
    return inTab && onSiteWeRead(sender.tab?.url) ? 'panel' : null;
  }
  if (!inTab) return null;
  return onSiteWeRead(url) ? 'content-script' : null;
}

const WHO: Record<SenderKind, string> = {
  'content-script': 'the Creator Lens panel on a profile page',
  panel: 'the Creator Lens panel on a profile page',
  'extension-page': 'Creator Lens’s own pages (popup, dashboard)',
};

/** Validates and handles one message. A handler that throws answers with its error as the reason (the sender is never left waiting). */
export async function dispatch<N extends MessageName>(db: LibraryDb, name: N, raw: unknown, sender: Sender, now = Date.now()): Promise<Response<N> | Refusal> {
  if (!isMessage(name)) return validateRequest(name, raw) as Refusal;
  const kind = senderKind(sender);
  const from = HANDLERS[name].from;
  if (kind === null || !from.includes(kind)) return { ok: false, reason: `${name} is accepted only from ${[...new Set(from.map((k) => WHO[k]))].join(' or ')}; nothing was done.` };
  const valid = validateRequest(name, raw);
  if (!valid.ok) return valid;
  const tabId = sender.tab?.id;
  try {
    return await HANDLERS[name].handle(db, valid.data, { sender, tabId: tabId !== undefined && tabId >= 0 ? tabId : undefined, now });
  } catch (error) {
    return { ok: false, reason: `Creator Lens could not do this: ${(error as Error)?.message ?? String(error)}` };
  }
}

export const MESSAGE_NAMES = Object.keys(HANDLERS) as MessageName[];
