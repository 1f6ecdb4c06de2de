// Sync protocol v1 between stations and the registry (docs/sync-protocol.md).
// One set of zod schemas, used by the registry to validate requests and by the
// station to validate responses: a misbehaving peer is refused, never half-applied.
// The records that travel are defined once each in core/records/ (fields, zod, mapping).
import { z } from 'zod';
import { AttendeeRecord } from '../records/attendee';
import { EventInfoRecord } from '../records/event-info';
import { Id } from '../records/fields';
import { WireEvent } from '../records/log-event';
import { RevocationRecord } from '../records/revocation';
import { RoomRecord } from '../records/room';
import { SessionRecord } from '../records/session';
import { KeyRecord } from '../records/signing-key';
import { StationRecord } from '../records/station';

export { AttendeeRecord, EventInfoRecord, KeyRecord, RevocationRecord, RoomRecord, SessionRecord, StationRecord, WireEvent };
export { MAX_INVITED } from '../records/session';

/** Bumped on any incompatible change; both sides refuse a version they do not speak. */
export const PROTOCOL_VERSION = 1;

/** Batch and page bounds (also the request size limits). */
export const MAX_PUSH_EVENTS = 500;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;
/**
 * Largest single event, in bytes of its wire JSON (jsonBytes). Stations refuse to create a
 * bigger one (station.append) and the registry refuses to store one (event-rules.ts), so every
 * event fits in a push with room to spare; the biggest real one (a walk-in with every field
 * full) is about 6 kB.
 */
export const MAX_EVENT_JSON = 64 * 1024;

const utf8 = new TextEncoder();
/** Size of a value as the JSON that travels, in UTF-8 bytes: what every size limit here counts. */
export function jsonBytes(v: unknown): number {
  return utf8.encode(JSON.stringify(v)).length;
}
export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = 5000;

/**
 * Two numbering schemes travel, both under the wire name `seq` (protocol v1 keeps its field
 * names): a Change's `seq` is the registry's change number (the pull cursor's position), an
 * event's `seq` is its station's sequence number (1, 2, 3… per station; acknowledged as `acked`).
 * Code calls the first changeNo and keeps seq for the second.
 */
const changeNo = z.number().int().positive();
export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), seq: changeNo, data: EventInfoRecord }),
  z.object({ type: z.literal('attendee'), seq: changeNo, data: AttendeeRecord }),
  z.object({ type: z.literal('room'), seq: changeNo, data: RoomRecord }),
  z.object({ type: z.literal('session'), seq: changeNo, data: SessionRecord }),
  z.object({ type: z.literal('key'), seq: changeNo, data: KeyRecord }),
  z.object({ type: z.literal('revocation'), seq: changeNo, data: RevocationRecord }),
  z.object({ type: z.literal('station'), seq: changeNo, data: StationRecord }),
  z.object({ type: z.literal('log'), seq: changeNo, data: WireEvent }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

/** Opaque to stations; "1:<registry change number>" today. */
export const Cursor = z.string().regex(/^1:\d{1,18}$/).max(24);
export const INITIAL_CURSOR = '1:0';
export const cursorChangeNo = (c: string): number => Number(c.slice(2));
export const cursorFor = (changeNo: number): string => `1:${changeNo}`;

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

/**
 * What a station says about itself with each push and pull, for the organiser console: events
 * not yet uploaded, and how far its clock is ahead of the registry's (negative: behind) as it
 * measured it from the last answer (null: not measured yet). Optional and checked apart from the
 * request: a registry that predates it ignores it, and a malformed one is ignored, never refused.
 */
export const StationReport = z.object({
  outbox: z.number().int().min(0).max(1_000_000_000),
  clockAheadMs: z.number().int().min(-2_000_000_000).max(2_000_000_000).nullable(),
});
export type StationReport = z.infer<typeof StationReport>;

export const PushRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  stationId: Id,
  /** Validated one by one so a single bad event is rejected, not the batch. */
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
  report: z.unknown().optional(),
});
export type PushRequest = { protocol: typeof PROTOCOL_VERSION; stationId: string; events: (WireEvent | OversizeStub)[]; report?: StationReport };

/** The report on a pull travels in the query: `&outbox=N&ahead=MS` (`ahead` left out while unmeasured). */
export function reportQuery(r: StationReport): string {
  return `&outbox=${r.outbox}${r.clockAheadMs === null ? '' : `&ahead=${r.clockAheadMs}`}`;
}

/** The report of a push body; null when absent or malformed (ignored, never an error). */
export function readReport(raw: unknown): StationReport | null {
  const p = StationReport.safeParse(raw);
  return p.success ? p.data : null;
}

/** The report of a pull query (`outbox`, `ahead`); null when absent or malformed. */
export function readReportQuery(q: Record<string, string | undefined>): StationReport | null {
  if (q.outbox === undefined) return null;
  return readReport({ outbox: Number(q.outbox), clockAheadMs: q.ahead === undefined ? null : Number(q.ahead) });
}

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

/**
 * A LAN hub forwarding other stations' events (docs/lan-hub.md): `stationId` is the hub's own,
 * every event keeps its author's station id and carries its author's signature, which the
 * registry checks — a hub can relay events but never forge or alter one.
 */
export const RelayRequest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  stationId: Id,
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
});
export type RelayRequest = { protocol: typeof PROTOCOL_VERSION; stationId: string; events: WireEvent[] };

/** As PushResponse, with `acked` per author station (only those the batch held). */
export const RelayResponse = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  acked: z.record(Id, z.number().int().min(0)),
  stored: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(Rejection),
  serverTime: z.number().int(),
});
export type RelayResponse = z.infer<typeof RelayResponse>;

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
/**
 * A page as a station reads it: each change is checked on its own (station/sync/pull.ts), so a
 * record the station cannot accept is skipped and reported, and never stops the download.
 */
export const PullPage = PullResponse.extend({ changes: z.array(z.unknown()).max(MAX_PAGE) });

/**
 * A first download as one file (GET /v1/sync/snapshot, registry/snapshot.ts): gzip'd lines, each
 * a page of changes (an array of Change), the last one this trailer. The station continues
 * pulling from `cursor`. The file's SHA-256 and cursor also travel as response headers.
 */
export const SnapshotPage = z.array(Change).max(MAX_PAGE);
export const SnapshotTrailer = z.object({ protocol: z.literal(PROTOCOL_VERSION), cursor: Cursor, changes: z.number().int().min(0) });
export type SnapshotTrailer = z.infer<typeof SnapshotTrailer>;
export const SNAPSHOT_CURSOR_HEADER = 'x-foyer-snapshot-cursor';
export const SNAPSHOT_SHA256_HEADER = 'x-foyer-snapshot-sha256';

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

// ---- registration photos (desk stations only: GET /v1/sync/photos) ------------------------

/** Photos per page: each is a ≤320 px JPEG (10–40 kB). */
export const PHOTO_PAGE = 25;
/** A stored photo's largest size in base64 (node-shared/photo.ts STORED_PHOTO_MAX_BYTES, ×4/3). */
const MAX_PHOTO_BASE64 = 280_000;

/** A page of photos changed after `after`; `jpeg: null` = deleted. `cursor` is the next `after`. */
export const PhotoPage = z.object({
  photos: z.array(z.object({ attendeeId: z.string().min(1).max(64), jpeg: z.string().max(MAX_PHOTO_BASE64).nullable() })).max(200),
  cursor: z.number().int().min(0),
  more: z.boolean(),
});
export type PhotoPage = z.infer<typeof PhotoPage>;
