/**
 * Export and import of the whole library: JSON (json.ts), CSV (csv.ts), the merge policy
 * (merge.ts) and the all-or-nothing writer with its preview (import.ts). Every file is
 * validated whole (lib/schema/import.ts) before one transaction writes it.
 */
export { exportCsv, importCsv, parseCsv, CSV_COLUMNS } from './csv';
export { exportJson, exportLibrary, importJson, MAX_IMPORT_BYTES, parseExportJson } from './json';
export { importFile, previewImport, type ImportReport, type ImportResult } from './import';
export { FORMAT, type ExportFile } from '../../schema';
export { wipeLibrary } from '../creators';
