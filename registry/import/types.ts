// What an import is asked to do and what it answers: shared by the HTTP route, the worker,
// the connectors and the CLI.
import { z } from 'zod';
import { AttendeeStatus, CATEGORIES } from '../../core/model';
import type { AttendeeInput } from '../../core/records/attendee';
import { SOURCE_FIELDS, type SourceField } from './fields';
import { PROFILES } from './profiles';

export type { ImportProblem, ImportReport } from '../../core/import/report';

export const ImportOptions = z.object({
  format: z.enum(['csv', 'xlsx']),
  /** The file, base64-encoded (JSON requests); a raw upload carries it as the body instead. */
  fileBase64: z.string().min(1).max(12 * 1024 * 1024).optional(),
  /** Our field → the file's column header; wins over recognition ('' = in no column). */
  mapping: z.partialRecord(z.enum(SOURCE_FIELDS), z.string().max(200)).default({}),
  /** 'all' = import everything or nothing; 'valid' = import the valid rows and list the rest. */
  mode: z.enum(['all', 'valid']).default('all'),
  defaultCategory: z.enum(CATEGORIES).optional(),
  /** "Press pass=media": a product, ticket type or category text → a Foyer category. */
  categoryRules: z.array(z.string().min(3).max(300)).max(500).optional(),
  /** "Completata=active": a status word → a Foyer status. */
  statusRules: z.array(z.string().min(3).max(300)).max(200).optional(),
  /** Force a source profile instead of recognising it. */
  profile: z.enum(PROFILES).optional(),
  sheet: z.string().max(100).optional(),
  /** Check only; store nothing. */
  dryRun: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

/** One person as a source describes them, before Foyer's rules (connectors produce these directly). */
export interface SourceRow {
  /** 1-based row in the file (header = the row above the first); 0 for API records. */
  row: number;
  id?: string;
  orderCode?: string;
  positionId?: string;
  givenName?: string;
  familyName?: string;
  fullName?: string;
  buyerName?: string;
  organisation?: string;
  delegation?: string;
  country?: string;
  category?: string;
  variation?: string;
  tags?: string;
  /** A status word as the source wrote it, or a status the connector already knows. */
  status?: string;
  knownStatus?: AttendeeStatus;
  validDays?: string;
  badgeCodes?: string[];
  notes?: string;
  /** Accompanying persons' names as the export writes them ("Ana Ruiz; Li Wei"). */
  accompanying?: string;
  /** Accompanying persons with their own ids and badge codes (Indico connector). */
  persons?: { key: string; givenName: string; familyName: string; badgeCodes: string[] }[];
  /** Safeguarding cells as written ("yes", "x", "ja"…); absent when the source has no such column. */
  protected?: string;
  chosenName?: string;
  noPhoto?: string;
  /** Protocol alert cells (absent when the source has no such column). */
  protocolHost?: string;
  protocolNote?: string;
  protocolRoom?: string;
  /** The attendee's e-mail (the registry keeps it; stations never get it). */
  email?: string;
  /** The picture cell: a file name to find in a photo archive (registry-only). */
  picture?: string;
}

/** An imported person: the record stations get, and the e-mail only the registry keeps (hybrid attendance, docs/hybrid-attendance.md). */
export type ImportedAttendee = AttendeeInput & { email?: string; photoRef?: string };

const text = (max: number) => z.string().max(max).optional();
/** A connector's row as it travels (checked: the rows route is a boundary like any other). */
const SourceRowWire = z.object({
  row: z.number().int().min(0).default(0),
  id: text(200),
  orderCode: text(64),
  positionId: text(16),
  givenName: text(500),
  familyName: text(500),
  fullName: text(1000),
  buyerName: text(1000),
  organisation: text(1000),
  delegation: text(500),
  country: text(200),
  category: text(500),
  variation: text(500),
  tags: text(2000),
  status: text(100),
  knownStatus: AttendeeStatus.optional(),
  validDays: text(1000),
  badgeCodes: z.array(z.string().max(300)).max(20).optional(),
  notes: text(4000),
  accompanying: text(4000),
  protected: text(100),
  chosenName: text(500),
  noPhoto: text(100),
  protocolHost: text(500),
  protocolNote: text(1000),
  protocolRoom: text(500),
  email: text(320),
  picture: text(500),
  persons: z
    .array(z.object({ key: z.string().max(64), givenName: z.string().max(500), familyName: z.string().max(500), badgeCodes: z.array(z.string().max(300)).max(5) }))
    .max(50)
    .optional(),
});

export const RowsImport = z.object({
  /** The source these rows come from (its status words and id rules). */
  profile: z.enum(PROFILES),
  rows: z.array(SourceRowWire).max(200_000),
  defaultCategory: z.enum(CATEGORIES).optional(),
  categoryRules: z.array(z.string().min(3).max(300)).max(500).optional(),
  /** Attendees whose id starts with this and who are not in `rows` are marked cancelled (a full refresh). */
  replaceScope: z.string().min(3).max(40).optional(),
  dryRun: z.boolean().default(false),
});
export type RowsImport = z.infer<typeof RowsImport>;

