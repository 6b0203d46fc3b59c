/** Bundled by bench/library-chromium.ts into a page, to run on Chromium's real IndexedDB. */
import { LibraryDb } from '../lib/db/db';
import { runLibraryBench } from './library-workload';

(globalThis as unknown as { runLibraryBench: () => ReturnType<typeof runLibraryBench> }).runLibraryBench = () => runLibraryBench((name) => new LibraryDb(name));
