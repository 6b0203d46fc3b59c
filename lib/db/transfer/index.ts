/**
 * Export and import of the whole library: JSON (json.ts), CSV (csv.ts), the merge policy
 * (merge.ts), a chosen file of either kind (file.ts) and the all-or-nothing writer with its
 * preview (import.ts). Every file is validated whole (lib/schema/import.ts) before one
 * transaction writes it, in batches that can be cancelled.
 */
export { exportCsv, importCsv, parseCsv, CSV_COLUMNS } from './csv';
export { exportJson, exportLibrary, importJson, MAX_IMPORT_BYTES, parseExportJson } from './json';
export { CANCELLED, importFile, previewImport, type ImportOptions, type ImportProgress, type ImportReport, type ImportResult } from './import';
export { parseImportText, tooLargeMessage, type ParsedFile } from './file';
export { FORMAT, type ExportFile } from '../../schema';
export { wipeLibrary } from '../creators';
