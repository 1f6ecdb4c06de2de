// What an attendee import reports, shared by the registry (registry/import/, which makes it) and
// the organiser console (which shows it: the recognised source, the column mapping, the file's
// first rows, and every problem by row and column, in the reader's language by its code).

/** The registration systems Foyer imports as exported (registry/import/profiles.ts recognises them). */
export const PROFILES = ['indico', 'pretix', 'eventbrite', 'cvent', 'generic'] as const;
export type ProfileName = (typeof PROFILES)[number];

/** What a source row can tell us about a person. */
export const SOURCE_FIELDS = [
  'id',
  'orderCode',
  'positionId',
  'givenName',
  'familyName',
  'fullName',
  'organisation',
  'delegation',
  'country',
  'category',
  'variation',
  'tags',
  'status',
  'validDays',
  'badgeCode',
  'notes',
  'accompanying',
  /** pretix's invoice-address name: the attendee's name when the event asks for none. */
  'buyerName',
  /** Safeguarding (docs/safeguarding.md): yes/no, the name to show instead, "no photography". */
  'protected',
  'chosenName',
  'noPhoto',
  /** A protocol alert (VIP arrival, core/checkin/protocol-alert.ts): the host to notify, the desk's note, the room they head to. */
  'protocolHost',
  'protocolNote',
  'protocolRoom',
  /** The registration photo's file name (Indico's picture field) or file, found in a photo archive uploaded after: registry-only. */
  'picture',
  /** The attendee's e-mail: kept by the registry only (hybrid attendance matches Zoom reports by it), never sent to stations. */
  'email',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export interface ImportProblem {
  /** 1-based row in the file, counting the header as row 1; 0 = the whole file. */
  row: number;
  column: string;
  reason: string;
  /** What kind of problem, with its values: the organiser console says it in the reader's language (`reason` is the CLI's English). */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  /** Which source the file was recognised as. */
  profile: ProfileName;
  profileLabel: string;
  sheet?: string;
  rows: number;
  valid: number;
  imported: number;
  skipped: number;
  /** Our field → the column it was read from. */
  mapping: Partial<Record<SourceField, string>>;
  /** People per Foyer status and category, for the operator's sanity check. */
  statuses: Record<string, number>;
  categories: Record<string, number>;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Attendees of a replaced scope that were no longer listed and are now cancelled. */
  cancelledMissing?: number;
  /** One sentence for the operator. */
  summary: string;
  /** The file as read: its header, its first rows, and a workbook's sheets (the console's preview). */
  preview?: { header: string[]; rows: string[][]; sheets?: string[] };
}
