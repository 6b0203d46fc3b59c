/**
 * The background's one message listener. It speaks @webext-core/messaging's wire format
 * ({ id, type, data, timestamp } in, { res } out), which the content scripts and the popup
 * send with, but looks every type up in the handler table itself: the library's own lookup
 * (`listeners[message.type]`) "answered" a message typed `constructor` by echoing it and
 * its sender back without any handler (reliability report). Here an unknown type is
 * refused with a reason like any invalid request.
 */
import type { LibraryDb } from '../db/db';
import type { MessageName } from '../protocol';
import { dispatch } from './handlers';
import type { Sender } from './tab-readings';

interface Envelope {
  type: unknown;
  data?: unknown;
  timestamp: unknown;
}

const isEnvelope = (m: unknown): m is Envelope => typeof m === 'object' && m !== null && typeof (m as Envelope).type === 'string' && typeof (m as Envelope).timestamp === 'number';

/** The listener for `runtime.onMessage`: answers our messages through `sendResponse`, leaves anything else alone. */
export function messageListener(db: LibraryDb) {
  return (message: unknown, sender: Sender, sendResponse: (response: unknown) => void): boolean => {
    if (!isEnvelope(message)) return false;
    void dispatch(db, message.type as MessageName, message.data, sender).then((res) => sendResponse({ res }));
    return true;
  };
}
