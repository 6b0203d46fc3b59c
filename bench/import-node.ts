/** The import benchmark in Node, on fake-indexeddb (`npx tsx bench/import-node.ts` runs it alone). */
import 'fake-indexeddb/auto';
import { LibraryDb } from '../lib/db/db';
import { runImportBench } from './import-workload';

export const benchImportNode = (creators?: number, runs?: number) => runImportBench((name) => new LibraryDb(name), creators, runs);

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchImportNode(Number(process.env.CREATORS ?? 20_000), Number(process.env.RUNS ?? 3)));
