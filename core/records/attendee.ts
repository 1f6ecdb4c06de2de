// A person as stations need them to admit someone (attendee data is personal data: only
// this travels), and the two rules by which log events change that record on both sides:
// a walk-in creates it, desk notes fold into it (docs/sync-protocol.md, "Conflict rules").
import { z } from 'zod';
import { WalkinPayload } from '../api/desk';
import { compareEvents } from '../hlc';
import { AttendeeStatus, Category, IsoDay, MAX_EVENT_DAYS } from '../model';
import { ProtocolAck, ProtocolAlert } from '../checkin/protocol-alert';
import { bool, Id, int, json, recordSchema, text, travels } from './fields';

export const AttendeeSource = z.enum(['registry', 'walkin']);
export type AttendeeSource = z.infer<typeof AttendeeSource>;
export const MAX_NOTE = 2000;

export const AttendeeFields = {
  id: text(Id, { key: true }),
  givenName: text(z.string().max(200)),
  familyName: text(z.string().max(200)),
  organisation: text(z.string().max(300), { default: '' }),
  delegation: text(z.string().max(200), { default: '' }),
  /** ISO 3166 alpha-2 or '' (badge band, delegation flags). */
  country: text(z.string().max(8), { default: '' }),
  category: text(Category),
  /** Days the badge is valid, or null = every event day. */
  validDays: json(z.array(IsoDay).max(MAX_EVENT_DAYS).nullable()),
  status: text(AttendeeStatus, { default: 'active' }),
  badgeVersion: int(z.number().int().min(1), { default: 1 }),
  notes: text(z.string().max(MAX_NOTE), { default: '' }),
  /** HLC of the desk-note event (or organiser edit) that set `notes`; null: imported as is. */
  noteHlc: text(z.string().max(64).nullable().optional()),
  /** Codes of the current badge version: from the registration system, a walk-in or the last reprint (signed badges need none). A column on the registry, a table on stations. */
  badgeCodes: travels(z.array(z.string().min(1).max(256)).max(10)),
  /** Codes of replaced badge versions: refused as "replaced by a reprint", never admitted. Absent from older registries. */
  retiredBadgeCodes: travels(z.array(z.object({ code: z.string().min(1).max(256), badgeVersion: z.number().int().min(1) })).max(50).optional()),
  /** 'registry' (imported/edited by the organiser) or 'walkin' (registered at a station). */
  source: text(AttendeeSource, { default: 'registry' }),
  /**
   * Safeguarding (docs/safeguarding.md): a survivor, an at-risk participant, anyone under threat.
   * The legal name never reaches a shared screen, an occupancy export or a door station
   * (core/sync/visibility.ts). Absent from older registries: not protected.
   */
  protected: bool(z.boolean().default(false), { default: false }),
  /** The name a protected person goes by, on badges and screens ('' = a neutral label). */
  chosenName: text(z.string().max(200).default(''), { default: '' }),
  /** Asked not to be photographed (anyone may ask): a mark on the badge, shown to media staff at doors. */
  noPhoto: bool(z.boolean().default(false), { default: false }),
  /** HLC of the desk's 'no_photo' event that set `noPhoto`; null: as imported (the rule of foldNote). */
  noPhotoHlc: text(z.string().max(64).nullable().optional()),
  /**
   * A protocol alert (VIP arrival, core/checkin/protocol.ts): on admission every station and the
   * console say so. `host` and `note` are for desks and the console only; a door station gets the
   * target room alone (core/sync/visibility.ts). Null: none. Absent from older registries.
   */
  protocol: json(ProtocolAlert.nullable().optional()),
  /** The host's acknowledgement from the console: that arrival (and any earlier) needs no more alerting. */
  protocolAck: json(ProtocolAck.nullable().optional()),
};

export const AttendeeRecord = recordSchema(AttendeeFields);
export type AttendeeRecord = z.infer<typeof AttendeeRecord>;
/** A record as producers write it: the safeguarding fields may be left out (an import without those columns). */
export type AttendeeInput = z.input<typeof AttendeeRecord>;

/**
 * The person a 'walkin' event registers (null: not a walk-in anyone can read; the event stays
 * in the log and makes nobody). Both sides insert it only if the id is new: once the
 * organiser has the person, the registry's copy wins.
 */
export function walkinAttendee(e: { kind: string; attendeeId: string | null; payload: unknown }): AttendeeRecord | null {
  if (e.kind !== 'walkin' || !e.attendeeId) return null;
  const p = WalkinPayload.safeParse(e.payload);
  if (!p.success) return null;
  return { id: e.attendeeId, ...p.data.attendee, status: 'active', badgeVersion: 1, noteHlc: null, noPhotoHlc: null, source: 'walkin' };
}

/**
 * A 'reprint' event's payload: the badge version it replaces, the new one, and the new badge's
 * short code (absent in reprints made before every version had one).
 */
export const ReprintPayload = z.object({
  oldVersion: z.number().int().min(1),
  newVersion: z.number().int().min(2),
  code: z.string().min(1).max(64).optional(),
  /** Why the badge was printed again ("lost", "printer jammed"…): a badge desk asks, the log keeps it. */
  reason: z.string().max(200).optional(),
});
export type ReprintPayload = z.infer<typeof ReprintPayload>;

/** The reprint a 'reprint' event makes (null: not one anyone can read; the event stays and changes nothing). */
export function reprintOf(e: { kind: string; attendeeId: string | null; payload: unknown }): ReprintPayload | null {
  if (e.kind !== 'reprint' || !e.attendeeId) return null;
  const p = ReprintPayload.safeParse(e.payload);
  return p.success && p.data.newVersion > p.data.oldVersion ? p.data : null;
}

export interface BadgeCodes {
  badgeVersion: number;
  badgeCodes: string[];
  retiredBadgeCodes: { code: string; badgeVersion: number }[];
}

/**
 * A reprint applied to a person's codes, in any order of arrival: a newer version makes its code
 * the current one and retires the codes it replaces; the same version (two desks reprinted at
 * once) adds its code beside the other; an older one (arriving late) only retires its code.
 * Every code stays with the version it was printed on, so an old badge is refused, never admitted.
 */
export function foldReprint(cur: BadgeCodes, r: ReprintPayload): BadgeCodes {
  const retired = [...cur.retiredBadgeCodes];
  const retire = (code: string, badgeVersion: number) => {
    if (!retired.some((x) => x.code === code)) retired.push({ code, badgeVersion });
  };
  if (r.newVersion > cur.badgeVersion) {
    for (const code of cur.badgeCodes) retire(code, cur.badgeVersion);
    return { badgeVersion: r.newVersion, badgeCodes: r.code ? [r.code] : [], retiredBadgeCodes: retired };
  }
  if (r.newVersion === cur.badgeVersion) {
    const codes = r.code && !cur.badgeCodes.includes(r.code) ? [...cur.badgeCodes, r.code] : cur.badgeCodes;
    return { ...cur, badgeCodes: codes, retiredBadgeCodes: retired };
  }
  if (r.code) retire(r.code, r.newVersion);
  return { ...cur, retiredBadgeCodes: retired };
}

/** A 'note' or 'no_photo' event as either log holds it. */
export interface NoteEvent {
  id: string;
  stationId: string;
  hlc: string;
  payload: unknown;
}

/** The note a 'note' event sets ('' clears it); null when the payload carries none. */
export function noteText(payload: unknown): string | null {
  const n = (payload as { notes?: unknown } | null)?.notes;
  return typeof n === 'string' ? n.slice(0, MAX_NOTE) : null;
}

/** What a 'no_photo' event asks (true: do not photograph; false: withdrawn); null when unreadable. */
export function noPhotoOf(payload: unknown): boolean | null {
  const v = (payload as { noPhoto?: unknown } | null)?.noPhoto;
  return typeof v === 'boolean' ? v : null;
}

/**
 * The newest event wins, in log order (HLC, station, id) — desk notes and "no photography"
 * requests both follow it. Returns the value and its HLC, or null when the row keeps its own:
 * the row's value is as new (`rowHlc`, set by a folded event or an organiser edit; null =
 * imported, older than anything a desk did), or the newest event carries nothing readable.
 */
function foldNewest<T>(rowHlc: string | null, events: readonly NoteEvent[], read: (payload: unknown) => T | null): { value: T; hlc: string } | null {
  let newest: NoteEvent | null = null;
  for (const e of events) if (!newest || compareEvents(e, newest) > 0) newest = e;
  const value = newest ? read(newest.payload) : null;
  if (!newest || value === null) return null;
  if (rowHlc !== null && rowHlc >= newest.hlc) return null;
  return { value, hlc: newest.hlc };
}

/** Desk notes: the newest note event wins (docs/sync-protocol.md, "Conflict rules"). */
export function foldNote(rowNoteHlc: string | null, events: readonly NoteEvent[]): { notes: string; noteHlc: string } | null {
  const f = foldNewest(rowNoteHlc, events, noteText);
  return f && { notes: f.value, noteHlc: f.hlc };
}

/** "No photography" asked or withdrawn at a desk: the newest request wins, as notes do. */
export function foldNoPhoto(rowHlc: string | null, events: readonly NoteEvent[]): { noPhoto: boolean; noPhotoHlc: string } | null {
  const f = foldNewest(rowHlc, events, noPhotoOf);
  return f && { noPhoto: f.value, noPhotoHlc: f.hlc };
}
