/** A fresh, uniquely named library per test, deleted after it (fake-indexeddb). */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { LibraryDb } from '../../lib/db/db';

let opened: Dexie[] = [];
let n = 0;

/** A unique database name (for tests that build an older version by hand). */
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${n++}`;

export function freshDb(name = uniqueName('library')): LibraryDb {
  return track(new LibraryDb(name));
}

/** Deletes `db` after the test. */
export function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened) {
    db.close();
    await Dexie.delete(db.name);
  }
  opened = [];
});
