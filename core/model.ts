// The domain vocabulary shared by every runtime (station, registry, renderer).
// zod schemas double as the validation at every boundary (IPC, HTTP, sync).
import { z } from 'zod';
import type { ProtocolAlertView } from './api/protocol';
import { shared as englishWords } from './i18n/en';
import { isCalendarDay } from './time';

export const CATEGORIES = [
  'delegation',
  'partner',
  'io',
  'ngo',
  'private_sector',
  'media',
  'speaker',
  'staff',
  // Everyone a registration system lists without saying which group they belong to.
  'participant',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Each category's English name (the i18n catalog's, so the word exists once; screens show it in the desk's language). */
export const CATEGORY_LABELS: Record<Category, string> = englishWords.category;

/**
 * Only 'active' is admitted. The registration systems' other states are imported as they are,
 * so the desk can say why: pending approval, order not paid, rejected, on the waiting list.
 */
export const AttendeeStatus = z.enum(['active', 'cancelled', 'revoked', 'pending', 'unpaid', 'rejected', 'waitlisted']);
export type AttendeeStatus = z.infer<typeof AttendeeStatus>;

/** Statuses imported as they are but never admitted; each is also the refusal's reason code. */
export const NOT_ADMITTED = ['pending', 'unpaid', 'rejected', 'waitlisted'] as const satisfies readonly AttendeeStatus[];
export type NotAdmitted = (typeof NOT_ADMITTED)[number];
export const isNotAdmitted = (status: string): status is NotAdmitted => (NOT_ADMITTED as readonly string[]).includes(status);

/** 'YYYY-MM-DD' in the event's time zone: a day of the calendar (a station refuses '2026-02-30'). */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDay, 'not a day of the calendar');
/** The most days an event (and so a badge's valid days) may have. */
export const MAX_EVENT_DAYS = 60;

export const Verdict = z.enum(['admitted', 'warning', 'refused']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * Why a verdict was given. Codes are stable (they travel in the log and sync);
 * the sentence shown to people is built from them in core/checkin/messages.ts.
 */
export const REASONS = [
  // admitted
  'ok',
  'ok_returning', // first admission today, was here on an earlier day
  'ok_unsynced', // signed badge, attendee not in the local list yet
  // warning
  'already_checked_in', // admitted again today (re-entry); shows first admission
  'notes', // admitted, but the desk has a note to read
  // refused
  'malformed',
  'unknown_code', // in this event's code format, but not on the list
  'not_a_badge', // matches no badge format of this event (a URL, a product barcode…)
  'handout_item', // a handout's own barcode (an interpretation receiver's number), scanned where badges are read
  'not_this_event',
  'bad_signature',
  'unknown_key',
  'cancelled',
  // registered but not (yet) admitted, as the registration system says (core/model NOT_ADMITTED)
  'pending', // awaiting the organiser's approval
  'unpaid', // order not paid
  'rejected',
  'waitlisted',
  'revoked', // superseded by a reprinted badge
  'not_valid_today',
  'category_not_allowed',
  'already_checked_in_refused', // station set to refuse repeats
  'room_full',
  'room_not_allowed',
] as const;
export const Reason = z.enum(REASONS);
export type Reason = z.infer<typeof Reason>;

export const StationRole = z.enum(['desk', 'door']);
export type StationRole = z.infer<typeof StationRole>;
export const DoorMode = z.enum(['entry', 'exit', 'toggle']);
export type DoorMode = z.infer<typeof DoorMode>;

export const EVENT_KINDS = [
  'scan', // a code was scanned (any verdict)
  'manual', // checked in from search, no badge
  'undo', // compensates an earlier admission (payload.target)
  'walkin', // attendee registered at the station (payload: attendee)
  'reprint', // badge version bumped (payload: attendee id, old/new version)
  'note', // desk note changed
  'room_entry', // door scan: entered a room
  'room_exit', // door scan: left a room
  'counter', // manual +/- tally for an unscanned door (payload.delta)
  'sweep', // everyone out of a room
  'no_photo', // "no photography" asked or withdrawn at a desk (payload.noPhoto)
  'departure', // left the venue: scanned at a venue exit (docs/evacuation.md)
  'evacuation', // an evacuation or drill started or ended (payload.action, payload.drill)
  'safe', // accounted for at an assembly point during an evacuation (payload.via; payload.undo takes it back)
  'collect', // badge printed and handed over after an ID check (core/checkin/collection.ts)
  'collect_refused', // badge not handed over after the ID check (payload.reason); the registration stands
  'handout', // something handed out or asked at the desk: a receiver (payload.number), a voucher, an answer (core/checkin/handouts.ts)
  'handback', // a numbered item (an interpretation receiver) came back (payload.number)
] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

export interface AttendeeSummary {
  id: string;
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  category: Category;
  categoryLabel: string;
  status: AttendeeStatus;
  badgeVersion: number;
  notes: string;
  /** False when the station only knows this person from a signed badge. */
  synced: boolean;
  /** Safeguarding (docs/safeguarding.md): never name them aloud or on shared screens; `chosenName` is what they go by. */
  protected: boolean;
  chosenName: string;
  /** Asked not to be photographed: media staff at doors see the mark. */
  noPhoto: boolean;
}

export interface FirstAdmission {
  at: number; // wall millis
  stationId: string;
  stationName: string;
  day: string;
  eventId: string;
}

/** What a verdict sentence is built from (core/checkin/messages.ts); screens say it in their own language. */
export interface MessageParams {
  name?: string;
  firstAt?: string; // '18 Apr 09:14'
  firstWhere?: string; // station name
  revokedAt?: string;
  /** The same moment as revokedAt, for screens that format dates in their own language. */
  revokedAtMs?: number;
  /** Why the badge stopped working: 'reprint' (a newer badge exists), or the registry's reason for withdrawing it. */
  revocationReason?: string;
  category?: string;
  notes?: string;
  room?: string;
  /** A handout's number scanned as a badge ('handout_item'), and who has it now (their public name; '' = not out). */
  number?: string;
  holder?: string;
}

export interface CheckInResult {
  verdict: Verdict;
  reason: Reason;
  /** One sentence a volunteer understands at a glance. */
  message: string;
  attendee: AttendeeSummary | null;
  firstAdmission: FirstAdmission | null;
  /** What `message` was built from: screens say it in their own language by reason code + params. */
  params?: MessageParams;
  /** The committed log event (null only when nothing could be stored). */
  eventId: string | null;
  hlc: string | null;
  at: number;
  /** The scanner's keys were read through another keyboard layout than the computer's (core/keyboard). */
  layoutCorrected?: boolean;
  /** This admission raised a protocol alert (a desk sees it discreetly; core/checkin/protocol-alert.ts). */
  protocol?: ProtocolAlertView;
}
