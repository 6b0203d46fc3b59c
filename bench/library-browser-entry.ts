/** Bundled by bench/library-chromium.ts into a page, to run on Chromium's real IndexedDB. */
import { LibraryDb } from '../lib/db/db';
import { runImportBench } from './import-workload';
import { runLibraryBench } from './library-workload';

const g = globalThis as unknown as { runLibraryBench: () => ReturnType<typeof runLibraryBench>; runImportBench: (creators: number, runs: number) => ReturnType<typeof runImportBench> };
g.runLibraryBench = () => runLibraryBench((name) => new LibraryDb(name));
g.runImportBench = (creators, runs) => runImportBench((name) => new LibraryDb(name), creators, runs);
