// Registry database schema (PostgreSQL via drizzle-orm; PGlite embedded or a real server).
// Change it here, then `npm run registry:generate -- --name what_changed`.
//
// Every row a station pulls carries a change number (`changeNo`, column `seq`; `seq` on the
// wire's Change), taken from one sequence (change_seq) when it is inserted or changed.
// Writers hold a transaction-scoped advisory lock while they take change numbers, so their
// order is commit order and a cursor never skips a row that commits late (registry/store.ts).
// A station's own sequence number of an event is `stationSeq` here (`seq` in its LogEvent).
//
// The tables of records that travel (event, attendees, rooms, sessions, stations, events,
// signing keys, revocations) take their shared columns from core/records/, where the
// stations' tables take theirs: only what is the registry's own is written here.
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RegistryRules } from '../core/checkin/desk-rules';
import type { DoorMode, StationRole } from '../core/model';
import type { ConsoleRole } from '../core/console/access';
import type { RemoteParticipant } from '../core/hybrid/remote';
import { AttendeeFields } from '../core/records/attendee';
import { EventInfoFields } from '../core/records/event-info';
import { LogEventFields } from '../core/records/log-event';
import { RevocationFields } from '../core/records/revocation';
import { RoomFields } from '../core/records/room';
import { SessionFields } from '../core/records/session';
import { KeyFields } from '../core/records/signing-key';
import { StationFields } from '../core/records/station';
import { pgColumns } from '../node-shared/record-columns';

/** Raw bytes (a photo): Buffer in, Buffer out, on PGlite and PostgreSQL alike. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const changeNumbers = pgSequence('change_seq', { startWith: 1 });

/** The change number every pulled table has (a new one on each update). */
const changeNoCol = () => bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('change_seq')`);

/** Key/value settings: admin token hash, schema facts. Never served to stations. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** The one event this registry serves. */
export const event = pgTable('event', { ...pgColumns(EventInfoFields), changeNo: changeNoCol() });

export const attendees = pgTable(
  'attendees',
  {
    ...pgColumns(AttendeeFields),
    badgeCodes: jsonb('badge_codes').$type<string[]>().notNull().default([]),
    /** Codes of replaced badge versions ({code, badgeVersion}): kept so a station can say "replaced by a reprint". */
    retiredBadgeCodes: jsonb('retired_badge_codes').$type<{ code: string; badgeVersion: number }[]>().notNull().default([]),
    /** The registration's e-mail, as imported: the registry's own (Zoom reports are matched by it), never sent to a station. */
    email: text('email'),
    /** The picture cell of the import (a file name to find in an uploaded photo archive); the registry's own. */
    photoRef: text('photo_ref'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    changeNo: changeNoCol(),
  },
  (t) => [
    index('attendees_seq_idx').on(t.changeNo),
    // A badge code belongs to one attendee: walk-ins claiming a taken code are refused (registry/ingest.ts).
    index('attendees_badge_codes_idx').using('gin', t.badgeCodes.op('jsonb_path_ops')),
    index('attendees_retired_badge_codes_idx').using('gin', t.retiredBadgeCodes.op('jsonb_path_ops')),
  ],
);

/**
 * Registration photos (node-shared/photo.ts made them: ≤320 px JPEG, no metadata), served only to
 * desk stations (GET /v1/sync/photos). A deleted photo stays as a row without bytes until the
 * desks have heard of it; retention and "delete the event" remove every row.
 */
export const attendeePhotos = pgTable(
  'attendee_photos',
  {
    attendeeId: text('attendee_id').primaryKey(),
    jpeg: bytea('jpeg'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    changeNo: changeNoCol(),
  },
  (t) => [index('attendee_photos_seq_idx').on(t.changeNo)],
);

export const rooms = pgTable(
  'rooms',
  { ...pgColumns(RoomFields), changeNo: changeNoCol() },
  (t) => [index('rooms_seq_idx').on(t.changeNo)],
);

export const sessions = pgTable(
  'sessions',
  {
    ...pgColumns(SessionFields),
    /** Invitation list (attendee ids); null = open to everyone the room's rules admit. */
    invited: jsonb('invited').$type<string[] | null>(),
    changeNo: changeNoCol(),
  },
  (t) => [index('sessions_seq_idx').on(t.changeNo)],
);

/** Badge signing keys. The private key is only used by the registry (batch printing); `station_id` marks a paired station's own key (its private half never leaves that station). */
export const signingKeys = pgTable(
  'signing_keys',
  {
    ...pgColumns(KeyFields),
    privateKey: text('private_key'),
    changeNo: changeNoCol(),
  },
  (t) => [index('signing_keys_seq_idx').on(t.changeNo)],
);

export const revocations = pgTable(
  'revocations',
  { ...pgColumns(RevocationFields), changeNo: changeNoCol() },
  (t) => [primaryKey({ columns: [t.attendeeId, t.badgeVersion] }), index('revocations_seq_idx').on(t.changeNo)],
);

export const stations = pgTable(
  'stations',
  {
    ...pgColumns(StationFields),
    /** sha-256 (hex) of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash'),
    pairedAt: bigint('paired_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
    /** Admission rules the organiser set for this station (repeat policy, categories, when); travels to it. */
    rules: jsonb('rules').$type<RegistryRules | null>(),
    /** Highest n such that events 1..n of this station are stored or settled. */
    ackedStationSeq: integer('acked_seq').notNull().default(0),
    /** What the station last said about itself (push/pull): events not yet uploaded, and how far its clock is ahead of ours (ms). */
    outbox: integer('outbox'),
    clockAheadMs: integer('clock_ahead_ms'),
    reportedAt: bigint('reported_at', { mode: 'number' }),
    changeNo: changeNoCol(),
  },
  (t) => [uniqueIndex('stations_token_uq').on(t.tokenHash), index('stations_seq_idx').on(t.changeNo)],
);

/**
 * Admin tokens (sha-256 only), shared by every registry process on the database: the CLI and,
 * later, the organiser's web console log in with one. `registry:admin token --new` adds one.
 */
export const adminTokens = pgTable('admin_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull().default(''),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
});

/**
 * Named accounts of the organiser's web console (registry/console/): a role, and a password
 * hashed with scrypt (registry/console/passwords.ts). The user name is kept lower-cased.
 */
export const consoleAccounts = pgTable('console_accounts', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull().default(''),
  role: text('role').$type<ConsoleRole>().notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  passwordChangedAt: bigint('password_changed_at', { mode: 'number' }).notNull(),
  disabledAt: bigint('disabled_at', { mode: 'number' }),
});

/**
 * Console sessions (the cookie holds a random id; only its sha-256 is kept), shared by every
 * registry process. A session belongs to an account or to the admin token it logged in with;
 * disabling the one or revoking the other ends it on the next request.
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: text('account_id'),
    adminTokenId: text('admin_token_id'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('console_sessions_account_idx').on(t.accountId)],
);

/** Failed console logins, per account name and per address, for rate limiting (registry/console/login-limit.ts). */
export const loginFailures = pgTable(
  'login_failures',
  {
    key: text('key').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/**
 * One-time pairing codes (hashed), issued by an admin. Without `stationId` a code pairs a new
 * station; with it, only that station (a new token for a laptop that lost its own).
 */
export const pairingCodes = pgTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  stationId: text('station_id'),
  name: text('name'),
  /** What the station becomes when it pairs with this code. */
  role: text('role').$type<StationRole>().notNull().default('desk'),
  roomId: text('room_id'),
  doorMode: text('door_mode').$type<DoorMode>(),
  /** Lets a revoked `stationId` back in (the operator asked for it explicitly). */
  restore: boolean('restore').notNull().default(false),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  usedAt: bigint('used_at', { mode: 'number' }),
  usedBy: text('used_by'),
});

const { seq: _stationSeq, ...logColumns } = pgColumns(LogEventFields);

/** Every station's events, stored exactly once (the UUID is the key). */
export const events = pgTable(
  'events',
  {
    ...logColumns,
    /** The station's own sequence number (`seq` in the LogEvent on the wire). */
    stationSeq: integer('station_seq').notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
    changeNo: changeNoCol(),
  },
  (t) => [
    uniqueIndex('events_station_seq_uq').on(t.stationId, t.stationSeq),
    index('events_seq_idx').on(t.changeNo),
    index('events_attendee_idx').on(t.attendeeId, t.day),
  ],
);

/** Events refused at push (kept with the reason, so the station's sequence can move on). */
export const rejections = pgTable(
  'rejections',
  {
    stationId: text('station_id').notNull(),
    stationSeq: integer('station_seq').notNull(),
    eventId: text('event_id').notNull(),
    reason: text('reason').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.stationSeq] })],
);

/**
 * The Zoom participant reports imported for a session (several: a meeting restarted under a new
 * ID, a second room; one per report key, so importing the same report again replaces it). The
 * registry's own: never served to a station. docs/hybrid-attendance.md.
 */
export const zoomReports = pgTable('zoom_reports', {
  sessionId: text('session_id').notNull(),
  /** Which report: the meeting's ID and start when the export has them, else the file's SHA-256. */
  reportKey: text('report_key').notNull().default(''),
  fileName: text('file_name').notNull().default(''),
  kind: text('kind').$type<'meeting' | 'webinar'>().notNull(),
  /** The meeting's own line (topic, id, host, start), when the export had it. */
  meeting: jsonb('meeting').$type<{ topic: string; id: string; hostName: string; hostEmail: string; start: string } | null>(),
  /** The time zone the report's times were read in (the Zoom account's). */
  timeZone: text('time_zone').notNull(),
  rows: integer('rows').notNull(),
  warnings: jsonb('warnings').$type<{ code: string; params: Record<string, string | number>; text: string }[]>().notNull().default([]),
  importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
  /** The report's people as read (rejoins grouped): the session's people are merged from every report. */
  participants: jsonb('participants').$type<RemoteParticipant[]>().notNull().default([]),
}, (t) => [primaryKey({ columns: [t.sessionId, t.reportKey] })]);

/**
 * One person of a session's Zoom report (their rejoins grouped), matched to a registration or
 * kept unmatched with the reason. E-mails and Zoom names stay in the registry.
 */
export const remoteAttendance = pgTable(
  'remote_attendance',
  {
    sessionId: text('session_id').notNull(),
    /** Stable within the report: the attendee id when matched, else the e-mail, else the name. */
    key: text('key').notNull(),
    attendeeId: text('attendee_id'),
    /** 'email' | 'name' when matched; 'no_match' | 'ambiguous' when not. */
    match: text('match').$type<'email' | 'name' | 'no_match' | 'ambiguous'>().notNull(),
    names: jsonb('names').$type<string[]>().notNull(),
    email: text('email').notNull().default(''),
    role: text('role').$type<'host' | 'panelist' | 'attendee' | 'participant'>().notNull(),
    guest: boolean('guest'),
    minutes: integer('minutes').notNull(),
    firstJoin: bigint('first_join', { mode: 'number' }),
    lastLeave: bigint('last_leave', { mode: 'number' }),
    rows: integer('rows').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.key] }), index('remote_attendance_attendee_idx').on(t.attendeeId)],
);
