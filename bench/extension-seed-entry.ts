/** Bundled by bench/dashboard-chromium.ts and run in the extension's service worker: writes the bench's library straight into the extension's IndexedDB. */
import { LibraryDb } from '../lib/db/db';
import { seedLibrary } from './library-workload';

(globalThis as unknown as { seedCreatorLens: (creators: number, snapshotsPerCreator: number, spacingMs: number) => Promise<void> }).seedCreatorLens = async (creators, snapshotsPerCreator, spacingMs) => {
  const db = new LibraryDb();
  await seedLibrary(db, creators, snapshotsPerCreator, 6, spacingMs);
  db.close();
};
