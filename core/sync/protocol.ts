// Sync protocol v1 between stations and the registry (docs/sync-protocol.md).
// One set of zod schemas, used by the registry to validate requests and by the
// station to validate responses: a misbehaving peer is refused, never half-applied.
import { z } from 'zod';
import { AttendeeStatus, Category, IsoDay, LogEvent, StationRole } from '../model';

/** Bumped on any incompatible change; both sides refuse a version they do not speak. */
export const PROTOCOL_VERSION = 1;

/** Batch and page bounds (also the request size limits). */
export const MAX_PUSH_EVENTS = 500;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
/**
 * Largest single event, as JSON. Stations refuse to create a bigger one (station.append),
 * so every event fits in a push with room to spare; the biggest real one (a walk-in with
 * every field full) is about 6 kB.
 */
export const MAX_EVENT_JSON = 64 * 1024;
export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = 5000;
/** Largest invitation list of one session (it travels inside the session record). */
export const MAX_INVITED = 5000;

const Id = z.string().min(1).max(64);

/** A log event as it travels: the LogEvent plus its event day. */
export const WireEvent = LogEvent.extend({ day: IsoDay });
export type WireEvent = z.infer<typeof WireEvent>;

export const EventInfoRecord = z.object({
  id: Id,
  name: z.string().min(1).max(300),
  venue: z.string().max(300),
  timeZone: z.string().min(1).max(64),
  days: z.array(IsoDay).min(1).max(60),
  description: z.string().max(4000),
  /**
   * The Indico server whose ticket QR codes this event accepts ("indico.un.org"); a ticket from
   * any other host is another event's. Null or absent: Indico tickets are not accepted.
   */
  indicoHost: z.string().max(200).nullable().optional(),
});
export type EventInfoRecord = z.infer<typeof EventInfoRecord>;

/** Only what a station needs to admit someone (attendee data is personal data). */
export const AttendeeRecord = z.object({
  id: Id,
  givenName: z.string().max(200),
  familyName: z.string().max(200),
  organisation: z.string().max(300),
  delegation: z.string().max(200),
  country: z.string().max(8),
  category: Category,
  validDays: z.array(IsoDay).max(60).nullable(),
  status: AttendeeStatus,
  badgeVersion: z.number().int().min(1),
  notes: z.string().max(2000),
  /** HLC of the desk-note event (or organiser edit) that set `notes`; null: imported as is. */
  noteHlc: z.string().max(64).nullable().optional(),
  /** Plain badge codes from the registration system (signed badges need none). */
  badgeCodes: z.array(z.string().min(1).max(256)).max(10),
  /** 'registry' (imported/edited by the organiser) or 'walkin' (registered at a station). */
  source: z.enum(['registry', 'walkin']),
});
export type AttendeeRecord = z.infer<typeof AttendeeRecord>;

export const RoomRecord = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  capacity: z.number().int().min(0).max(1_000_000),
  warnPct: z.number().int().min(1).max(100),
  criticalPct: z.number().int().min(1).max(100),
  fullPolicy: z.enum(['refuse', 'warn']),
  allowedCategories: z.array(z.string().max(40)).max(20).nullable(),
  floor: z.string().max(100),
});
export type RoomRecord = z.infer<typeof RoomRecord>;

export const SessionRecord = z.object({
  id: Id,
  roomId: Id,
  title: z.string().min(1).max(300),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  allowedCategories: z.array(z.string().max(40)).max(20).nullable(),
  /** Invitation list: only these attendees are admitted (null = open). Absent: unchanged (older registries). */
  invited: z.array(Id).max(MAX_INVITED).nullable().optional(),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

/** A badge signing public key (the private half never leaves the registry). */
export const KeyRecord = z.object({
  keyId: z.number().int().min(0).max(255), // one byte in the badge format
  publicKey: z.string().min(1).max(200),
  createdAt: z.number().int(),
  active: z.boolean(),
});
export type KeyRecord = z.infer<typeof KeyRecord>;

export const RevocationRecord = z.object({
  attendeeId: Id,
  badgeVersion: z.number().int().min(1),
  revokedAt: z.number().int(),
  reason: z.string().max(64),
});
export type RevocationRecord = z.infer<typeof RevocationRecord>;

export const StationRecord = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  role: StationRole,
  roomId: Id.nullable(),
  doorMode: z.enum(['entry', 'exit', 'toggle']).nullable(),
  allowedCategories: z.array(z.string().max(40)).max(20).nullable(),
  revoked: z.boolean(),
});
export type StationRecord = z.infer<typeof StationRecord>;

const seq = z.number().int().positive();
export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), seq, data: EventInfoRecord }),
  z.object({ type: z.literal('attendee'), seq, data: AttendeeRecord }),
  z.object({ type: z.literal('room'), seq, data: RoomRecord }),
  z.object({ type: z.literal('session'), seq, data: SessionRecord }),
  z.object({ type: z.literal('key'), seq, data: KeyRecord }),
  z.object({ type: z.literal('revocation'), seq, data: RevocationRecord }),
  z.object({ type: z.literal('station'), seq, data: StationRecord }),
  z.object({ type: z.literal('log'), seq, data: WireEvent }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

/** Opaque to stations; "1:<server sequence>" today. */
export const Cursor = z.string().regex(/^1:\d{1,18}$/).max(24);
export const INITIAL_CURSOR = '1:0';
export const cursorSeq = (c: string): number => Number(c.slice(2));
export const cursorFor = (seq: number): string => `1:${seq}`;

// ---- requests and responses --------------------------------------------------

export const PairRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  code: z.string().trim().min(6).max(64),
  stationId: Id,
  /** The station's current name, used when the pairing code gave none. */
  name: z.string().min(1).max(120),
  /** The station's own badge signing public key (raw Ed25519, base64url); its private half stays on the station. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});
export type PairRequest = z.infer<typeof PairRequest>;

export const PairResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  stationId: Id,
  token: z.string().min(32).max(128),
  eventId: Id.nullable(),
  eventName: z.string().nullable(),
  /** The key id the registry gave the station's public key (null: none sent, or no id left). */
  keyId: z.number().int().min(1).max(255).nullable().optional(),
  /** Why no key id was given, as a sentence. */
  keyMessage: z.string().max(300).nullable().optional(),
});
export type PairResponse = z.infer<typeof PairResponse>;

export const PushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  stationId: Id,
  /** Validated one by one so a single bad event is rejected, not the batch. */
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
});
export type PushRequest = { protocol: typeof PROTOCOL_VERSION; stationId: string; events: (WireEvent | OversizeStub)[] };

/**
 * Sent in place of an event the registry refused as too large (413 for that event alone):
 * the registry records it as rejected, so the acknowledgement passes it and the station
 * keeps the event with the reason instead of retrying it forever.
 */
export const OversizeStub = z.object({ id: Id, seq: z.number().int().positive(), stationId: Id, oversize: z.number().int().positive() });
export type OversizeStub = z.infer<typeof OversizeStub>;

export const Rejection = z.object({
  id: z.string().max(64),
  seq: z.number().int().nullable(),
  reason: z.string().max(500),
});
export type Rejection = z.infer<typeof Rejection>;

export const PushResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Highest n such that every one of this station's events 1..n is stored (or settled as rejected). */
  acked: z.number().int().min(0),
  stored: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(Rejection),
  serverTime: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  changes: z.array(Change).max(MAX_PAGE),
  nextCursor: Cursor,
  hasMore: z.boolean(),
  /** Same meaning as PushResponse.acked: lets a station notice a registry restored from backup. */
  acked: z.number().int().min(0),
  serverTime: z.number().int(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Every error response: a stable code and a sentence. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string().max(64), message: z.string().max(2000) }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const HealthResponse = z.object({
  ok: z.literal(true),
  protocol: z.number().int(),
  serverTime: z.number().int(),
});
