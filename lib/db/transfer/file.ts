/** A chosen file, whatever its kind: its size checked first, then parsed and validated as CSV or JSON. */
import type { ExportFile } from '../../schema';
import { parseCsv } from './csv';
import { MAX_IMPORT_BYTES, parseExportJson } from './json';

export type ParsedFile = { ok: true; file: ExportFile } | { ok: false; errors: string[] };

/** Refused before reading: the page says so at once. */
export const tooLargeMessage = (name: string): string => `${name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; nothing was imported.`;

/** A CSV by its name, or by its look (no object at the top, commas in it); anything else is read as a JSON export. */
export function parseImportText(name: string, text: string, now = Date.now()): ParsedFile {
  const csv = /\.csv$/i.test(name) || (!text.trimStart().startsWith('{') && text.includes(','));
  return csv ? parseCsv(text, now) : parseExportJson(text);
}
