// Badge-desk area of the station API (core/checkin/collection.ts): find the person from the
// confirmation they bring or by name, hand the badge over once after the ID check, refuse with
// a reason, and the desk's tallies. A reprint is 'badges.reprint' with a reason.
import { z } from 'zod';
import { RefusalReason, type CollectionState } from '../checkin/collection';
import type { AttendeeSummary, Reason } from '../model';
import { typedLine } from '../text';
import { ScanAlternatives } from './checkin';

const attendeeId = z.string().min(1).max(64);
const operator = typedLine(120).optional();

export const collectMethods = {
  /** The code the person brings (e-mail QR, Indico ticket, a code read aloud): who it is. Records nothing. */
  'collect.find': z.object({ text: z.string().max(20_000), alternatives: ScanAlternatives }),
  'collect.person': z.object({ attendeeId }),
  /** "ID checked — print and hand over": refused when this desk already knows of a hand-over. */
  'collect.handOver': z.object({ attendeeId, operator }),
  'collect.refuse': z
    .object({ attendeeId, reason: RefusalReason, note: typedLine(300).default(''), operator })
    .refine((r) => r.reason !== 'other' || r.note.length > 0, { message: 'say why', path: ['note'] }),
  'collect.tallies': z.object({}),
} as const;

/** A step of the person's collection with the station's name (for "at Desk 2, 09:14"). */
export interface NamedStep {
  eventId: string;
  stationName: string;
  at: number;
}

/** What the badge desk shows about one person. */
export interface CollectView {
  attendee: AttendeeSummary;
  /** The typeable code of the current badge, if any (read aloud to match the confirmation e-mail). */
  badgeCode: string | null;
  handedOver: (NamedStep & { badgeVersion: number }) | null;
  /** Further badges printed without a reprint (two desks at once): each counts as a reprint. */
  printedAgain: NamedStep[];
  reprints: (NamedStep & { newVersion: number; reason: string })[];
  refusals: (NamedStep & { reason: CollectionState['refusals'][number]['reason']; note: string })[];
  /** The registration photo for the ID check (a data: URL of a ≤320 px JPEG), or null: none on file at this desk. */
  photo: string | null;
  /** True when this desk may hand the badge over now (active, known by name, not yet handed over). */
  canHandOver: boolean;
}

export type FindResult = { found: true; view: CollectView } | { found: false; reason: Reason; message: string; input: string };

export interface CollectTallies {
  handedOver: number;
  /** People who received a second badge without a reprint, newest first. */
  printedTwice: { attendee: AttendeeSummary; stations: string[] }[];
}

export interface CollectResults {
  'collect.find': FindResult;
  'collect.person': CollectView;
  'collect.handOver': CollectView;
  'collect.refuse': CollectView;
  'collect.tallies': CollectTallies;
}
