/**
 * Results from the shop's reports: a CSV export of discount-code or link results, with
 * the user choosing which columns hold the code (or link), orders, revenue and, if present,
 * clicks. Rows are matched to the campaign's bookings by code (case-insensitive) or by
 * link (same address and utm_content); several rows of one booking are added up. Any bad
 * row — an unknown code, a number that is not one — refuses the whole file with row-level
 * messages, and nothing is written.
 */
import Papa from 'papaparse';
import type { Actual, Booking } from '../schema';

export const MAX_RESULTS_BYTES = 20 * 1024 * 1024;

export interface ResultsTable {
  columns: string[];
  rows: Record<string, string>[];
}

export function readResultsCsv(text: string): { ok: true; table: ResultsTable } | { ok: false; errors: string[] } {
  if (text.length > MAX_RESULTS_BYTES) return { ok: false, errors: [`The file is larger than ${MAX_RESULTS_BYTES / 1024 / 1024} MB.`] };
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
  if (!columns.length || !parsed.data.length) return { ok: false, errors: ['The file has no header row and data rows; is it a CSV export?'] };
  const broken = parsed.errors.filter((e) => e.type !== 'FieldMismatch' || e.code !== 'TooFewFields').slice(0, 10);
  if (broken.length) return { ok: false, errors: broken.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`) };
  if (new Set(columns).size !== columns.length) return { ok: false, errors: ['Two columns have the same name.'] };
  return { ok: true, table: { columns, rows: parsed.data } };
}

export interface Mapping {
  /** The column with the discount code or the tracked link. */
  key: string;
  orders: string;
  revenue: string;
  clicks?: string | null;
}

/** Guesses the columns from their names ("Discount code", "Orders", "Total sales", "Sessions"…). */
export function guessMapping(columns: readonly string[]): Partial<Mapping> {
  const find = (re: RegExp) => columns.find((c) => re.test(c.toLowerCase()));
  return {
    key: find(/code|coupon|link|url|landing|utm/),
    orders: find(/^orders?$|order count|orders|purchases|conversions/),
    revenue: find(/revenue|sales|amount|total/),
    clicks: find(/click|session|visit/) ?? null,
  };
}

export interface ResultChange {
  booking: Booking;
  before: Actual;
  after: Omit<Actual, 'updatedAt'>;
  rows: number;
}

/** "1,234.50", "1.234,50", "$1,234", "€ 99" → a number; null when it is not one. */
export function parseAmount(raw: string): number | null {
  let t = raw.trim().replace(/[\s\u00a0]/g, '').replace(/^[^\d-]+|[^\d]+$/g, '');
  if (!t || t.startsWith('-')) return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma > lastDot) t = /,\d{1,2}$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  else t = t.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

const linkKey = (raw: string): string | null => {
  try {
    const u = new URL(raw.trim());
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/$/, '')}|${(u.searchParams.get('utm_content') ?? '').toLowerCase()}`;
  } catch {
    return null;
  }
};

/** The changes the file would make to the campaign's bookings, or every bad row. */
export function planResults(table: ResultsTable, mapping: Mapping, bookings: readonly Booking[]): { ok: true; changes: ResultChange[]; unchanged: number } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const [what, col] of [['code or link', mapping.key], ['orders', mapping.orders], ['revenue', mapping.revenue]] as const) {
    if (!col || !table.columns.includes(col)) errors.push(`Choose the column with the ${what}.`);
  }
  if (mapping.clicks && !table.columns.includes(mapping.clicks)) errors.push('The clicks column is not in the file.');
  if (errors.length) return { ok: false, errors };
  const byCode = new Map(bookings.filter((b) => b.code).map((b) => [b.code.toLowerCase(), b]));
  const byLink = new Map(bookings.filter((b) => b.link).map((b) => [linkKey(b.link), b]));
  const totals = new Map<number, { orders: number; revenue: number; clicks: number | null; rows: number }>();
  table.rows.forEach((row, i) => {
    const n = i + 2; // the header is row 1
    const key = (row[mapping.key] ?? '').trim();
    if (!key) return errors.push(`row ${n}: the ${mapping.key} cell is empty.`);
    const booking = byCode.get(key.toLowerCase()) ?? (/^https?:/i.test(key) ? byLink.get(linkKey(key)) : undefined);
    if (!booking) return errors.push(`row ${n}: “${key.slice(0, 60)}” is no code or link of this campaign’s creators.`);
    const orders = parseAmount(row[mapping.orders] ?? '');
    const revenue = parseAmount(row[mapping.revenue] ?? '');
    const clicks = mapping.clicks ? parseAmount(row[mapping.clicks] ?? '') : null;
    if (orders === null || !Number.isInteger(orders)) return errors.push(`row ${n}, ${mapping.orders}: “${row[mapping.orders] ?? ''}” is not a whole number of orders.`);
    if (revenue === null) return errors.push(`row ${n}, ${mapping.revenue}: “${row[mapping.revenue] ?? ''}” is not an amount.`);
    if (mapping.clicks && (clicks === null || !Number.isInteger(clicks))) return errors.push(`row ${n}, ${mapping.clicks}: “${row[mapping.clicks] ?? ''}” is not a whole number of clicks.`);
    const t = totals.get(booking.id!) ?? { orders: 0, revenue: 0, clicks: mapping.clicks ? 0 : null, rows: 0 };
    t.orders += orders;
    t.revenue += revenue;
    if (t.clicks !== null && clicks !== null) t.clicks += clicks;
    t.rows++;
    totals.set(booking.id!, t);
    return undefined;
  });
  if (errors.length) return { ok: false, errors: errors.length > 20 ? [...errors.slice(0, 20), `…and ${errors.length - 20} more rows.`] : errors };
  const changes = bookings
    .filter((b) => totals.has(b.id!))
    .map((b) => {
      const t = totals.get(b.id!)!;
      return { booking: b, before: b.actual, after: { orders: t.orders, revenue: Math.round(t.revenue * 100) / 100, clicks: t.clicks ?? b.actual.clicks }, rows: t.rows };
    });
  return { ok: true, changes, unchanged: bookings.length - changes.length };
}
