/**
 * The page's end of the import (import-session.ts has the messages): a worker per chosen
 * file (import.worker.ts), closed when the file is done with; where there is no worker (the
 * unit tests) or its script cannot start, the same session runs in the page.
 */
import type { LibraryDb } from '../db/db';
import { importSession, type ImportReply, type ImportRequest } from './import-session';

export interface ImportChannel {
  send(request: ImportRequest): void;
  /** Stops the worker: anything it had not committed is rolled back by IndexedDB. */
  close(): void;
}

export const WORKER_STOPPED = 'The import stopped unexpectedly (the browser ended its worker); nothing was changed.';

function startWorker(): Worker | null {
  try {
    return typeof Worker === 'undefined' ? null : new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function openImport(db: LibraryDb, onReply: (reply: ImportReply) => void): ImportChannel {
  let closed = false;
  const deliver = (reply: ImportReply) => {
    if (!closed) onReply(reply);
  };
  const inPage = () => {
    const handle = importSession(db, deliver);
    return (request: ImportRequest) => handle(request);
  };
  const worker = startWorker();
  if (!worker) {
    const send = inPage();
    return { send, close: () => void (closed = true) };
  }
  let send: ((request: ImportRequest) => void) | null = null;
  let answered = false;
  const sent: ImportRequest[] = [];
  worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
    answered = true;
    deliver(data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    if (closed) return;
    if (!answered) {
      // Its script never ran (refused or missing): the same work here, the requests sent so far again.
      send = inPage();
      for (const r of sent.splice(0)) send(r);
      return;
    }
    const last = sent.at(-1);
    if (last) deliver({ type: 'failed', id: last.id, errors: [WORKER_STOPPED] });
  };
  return {
    send(request) {
      if (send) return send(request);
      sent.push(request);
      worker.postMessage(request);
    },
    close() {
      closed = true;
      worker.terminate();
    },
  };
}
