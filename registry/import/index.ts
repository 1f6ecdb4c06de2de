// Attendee import: registration systems' exports as exported (Indico, pretix, Eventbrite, Cvent,
// any spreadsheet) and the connectors' rows. The parts: table.ts (bytes → table), fields.ts
// (headers → meanings), profiles.ts (which source, its ids and status words), categories.ts,
// countries.ts, validate.ts (one pass), parse.ts (the whole, no I/O), worker.ts (off the
// request thread, bounded). docs/import-profiles.md describes the formats.
import { parseFileImport, type ImportResult } from './parse';
import type { ImportOptions } from './types';

export { parseFileImport, parseRowsImport, refusedReport, MAX_ROWS, type ImportResult } from './parse';
export { ImportOptions, RowsImport, type ImportProblem, type ImportReport, type SourceRow } from './types';
export { SOURCE_FIELDS, type SourceField } from './fields';

/** A file import from options carrying the file as base64 (tests and JSON requests). */
export async function parseImport(opts: ImportOptions): Promise<ImportResult> {
  return parseFileImport(Buffer.from(opts.fileBase64 ?? '', 'base64'), opts);
}
