/**
 * A convention test (issue 12's bar): components read the library through live queries,
 * but never write a Dexie table themselves and never define a zod schema — writes go
 * through the library functions the background uses too (lib/db, lib/library,
 * lib/campaigns), and validation happens where data crosses a boundary (lib/schema,
 * lib/protocol).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITE = /\b(db|tx|table)\.\w+\.(add|put|update|delete|clear|bulk\w+)\(|\.(where|filter|toCollection)\([^)]*\)[\w.()'"]*\.(modify|delete)\(/;
const ZOD = /from ['"]zod['"]|\bz\.(object|string|number|enum|array|union|literal)\(/;

function files(path: string): string[] {
  if (statSync(`${ROOT}${path}`).isFile()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(`${ROOT}${path}`).flatMap((name) => files(`${path}/${name}`));
}

function offenders(pattern: RegExp): string[] {
  return files('components').flatMap((file) =>
    readFileSync(`${ROOT}${file}`, 'utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
  );
}

test('no component writes a Dexie table', () => {
  expect(offenders(WRITE)).toEqual([]);
});

test('no component defines a zod schema', () => {
  expect(offenders(ZOD)).toEqual([]);
});

test('the scans can fail', () => {
  for (const line of ['await db.deals.add(deal);', 'void db.deals.delete(id)', 'db.creators.bulkPut(rows)', "db.creators.where('key').anyOf(k).modify((c) => c)"]) expect(WRITE.test(line), line).toBe(true);
  for (const line of ["import { z } from 'zod';", 'const S = z.object({ a: z.string() });']) expect(ZOD.test(line), line).toBe(true);
  expect(WRITE.test('next.delete(key)')).toBe(false);
  expect(files('components').length).toBeGreaterThan(20);
});
