/**
 * The dashboard's import in a worker (import-session.ts has the messages): reading,
 * parsing and validating the chosen file, its preview and its write all run here, so the
 * page's main thread only hands the file over and shows the progress. IndexedDB serialises
 * a write's rows on the thread that writes them, which is this one too.
 */
import { LibraryDb } from '../db/db';
import { importSession, type ImportReply, type ImportRequest } from './import-session';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ImportRequest>) => void) | null; postMessage(message: ImportReply): void };
const handle = importSession(new LibraryDb(), (reply) => scope.postMessage(reply));
scope.onmessage = ({ data }) => handle(data);
