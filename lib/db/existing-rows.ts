/**
 * Reading only the rows that exist: one request lists the keys present, so importing into
 * an empty or small library does not pay a read per row (every IndexedDB request costs
 * about 0.1 ms in Chromium, see layout.ts).
 */
export async function existingRows<K extends string | [string, number], T>(
  table: { toCollection(): { primaryKeys(): Promise<unknown[]> }; bulkGet(keys: K[]): Promise<(T | undefined)[]> },
  keys: K[],
  /** The keys present (as `id` writes them), when the caller has listed them already: then only the rows there are read. */
  listed?: ReadonlySet<string>,
): Promise<(T | undefined)[]> {
  if (!listed && keys.length <= 50) return table.bulkGet(keys);
  const present = listed ?? new Set((await table.toCollection().primaryKeys()).map(id));
  const wanted = keys.filter((k) => present.has(id(k)));
  const rows = await table.bulkGet(wanted);
  const byId = new Map(wanted.map((k, i) => [id(k), rows[i]]));
  return keys.map((k) => byId.get(id(k)));
}

/** A key as a string: a compound key's parts joined by a NUL. */
export const id = (k: unknown): string => (Array.isArray(k) ? `${k[0]}\u0000${k[1]}` : String(k));
