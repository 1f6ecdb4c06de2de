// An import's records as CSV for PostgreSQL's COPY: the import worker writes each batch in this
// form (off the request thread) and the registry streams it into a staging table, then merges
// it into attendees with one statement per batch (registry/store.ts importAttendees). One
// statement per 5,000 people instead of one per row, and no query building per row.
import { AttendeeFields } from '../../core/records/attendee';
import { columnName } from '../../core/records/fields';
import type { AttendeeRecord } from '../../core/sync/protocol';
import type { ImportedAttendee } from './types';

/**
 * The fields an import supplies, in COPY order. Not the note's HLC (an import's notes are the
 * organiser's, stamped when stored) nor retired badge codes (only reprints at desks make those).
 */
export const STAGED_FIELDS = [
  ...(Object.keys(AttendeeFields) as (keyof AttendeeRecord)[]).filter((k) => k !== 'noteHlc' && k !== 'noPhotoHlc' && k !== 'retiredBadgeCodes'),
  // The registry's own column (hybrid attendance matches reports by it): never sent to stations.
  'email' as const,
  // The picture cell (registry/photos/archive.ts matches an uploaded archive's files by it): never sent to stations.
  'photoRef' as const,
];
/** What a field left out of a record stores (its column default), as the per-row insert would. */
const DEFAULTS = STAGED_FIELDS.map((k) => (AttendeeFields as Record<string, { default?: unknown }>)[k]?.default);
export const STAGED_COLUMNS = STAGED_FIELDS.map(columnName);

/** One CSV field: null is an empty unquoted field (NULL to COPY), text is always quoted. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/** The records as COPY … WITH (FORMAT csv) reads them, one line each, UTF-8. */
export function copyCsv(records: Omit<ImportedAttendee, 'noteHlc' | 'noPhotoHlc'>[]): Uint8Array {
  const lines: string[] = [];
  for (const r of records) {
    const row = r as Record<string, unknown>;
    lines.push(STAGED_FIELDS.map((k, i) => cell(row[k] === undefined ? DEFAULTS[i] : row[k])).join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}
