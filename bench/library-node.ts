/** The library benchmark in Node, on fake-indexeddb. */
import 'fake-indexeddb/auto';
import { LibraryDb } from '../lib/db/db';
import { runLibraryBench } from './library-workload';

export const benchLibraryNode = () => runLibraryBench((name) => new LibraryDb(name));
