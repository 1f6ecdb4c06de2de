// Registry database schema (PostgreSQL via drizzle-orm; PGlite embedded or a real server).
// Change it here, then `npm run registry:generate -- --name what_changed`.
//
// Every row a station pulls carries `seq`, taken from one sequence (change_seq) when it
// is inserted or changed. Writers hold a transaction-scoped advisory lock while they
// take sequence numbers, so sequence order is commit order and a cursor never skips
// a row that commits late (see registry/store.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

export const changeSeq = pgSequence('change_seq', { startWith: 1 });

/** The change sequence column every pulled table has (bumped again on each update). */
const seqCol = () => bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('change_seq')`);

/** Key/value settings: admin token hash, schema facts. Never served to stations. */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** The one event this registry serves. */
export const event = pgTable('event', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  venue: text('venue').notNull(),
  timeZone: text('time_zone').notNull(),
  days: jsonb('days').$type<string[]>().notNull(),
  description: text('description').notNull().default(''),
  /** Host of the Indico server whose ticket QR codes this event accepts (EventInfoRecord.indicoHost). */
  indicoHost: text('indico_host'),
  seq: seqCol(),
});

export const attendees = pgTable(
  'attendees',
  {
    id: text('id').primaryKey(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    organisation: text('organisation').notNull().default(''),
    delegation: text('delegation').notNull().default(''),
    country: text('country').notNull().default(''),
    category: text('category').notNull(),
    validDays: jsonb('valid_days').$type<string[] | null>(),
    status: text('status').notNull().default('active'),
    badgeVersion: integer('badge_version').notNull().default(1),
    notes: text('notes').notNull().default(''),
    /** HLC of the note event (or organiser edit) that set `notes`; a newer one replaces it. */
    noteHlc: text('note_hlc'),
    badgeCodes: jsonb('badge_codes').$type<string[]>().notNull().default([]),
    /** 'registry' | 'walkin' */
    source: text('source').notNull().default('registry'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    seq: seqCol(),
  },
  (t) => [
    index('attendees_seq_idx').on(t.seq),
    // A badge code belongs to one attendee: walk-ins claiming a taken code are refused (registry/ingest.ts).
    index('attendees_badge_codes_idx').using('gin', t.badgeCodes.op('jsonb_path_ops')),
  ],
);

export const rooms = pgTable(
  'rooms',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    warnPct: integer('warn_pct').notNull().default(80),
    criticalPct: integer('critical_pct').notNull().default(95),
    fullPolicy: text('full_policy').notNull().default('refuse'),
    allowedCategories: jsonb('allowed_categories').$type<string[] | null>(),
    floor: text('floor').notNull().default(''),
    seq: seqCol(),
  },
  (t) => [index('rooms_seq_idx').on(t.seq)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id').notNull(),
    title: text('title').notNull(),
    startsAt: bigint('starts_at', { mode: 'number' }).notNull(),
    endsAt: bigint('ends_at', { mode: 'number' }).notNull(),
    allowedCategories: jsonb('allowed_categories').$type<string[] | null>(),
    /** Invitation list (attendee ids); null = open to everyone the room's rules admit. */
    invited: jsonb('invited').$type<string[] | null>(),
    seq: seqCol(),
  },
  (t) => [index('sessions_seq_idx').on(t.seq)],
);

/** Badge signing keys. The private key is only used by the registry (batch printing). */
export const signingKeys = pgTable(
  'signing_keys',
  {
    keyId: integer('key_id').primaryKey(),
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    active: boolean('active').notNull().default(true),
    /** Set for a paired station's own key (its private half never leaves that station). */
    stationId: text('station_id'),
    seq: seqCol(),
  },
  (t) => [index('signing_keys_seq_idx').on(t.seq)],
);

export const revocations = pgTable(
  'revocations',
  {
    attendeeId: text('attendee_id').notNull(),
    badgeVersion: integer('badge_version').notNull(),
    revokedAt: bigint('revoked_at', { mode: 'number' }).notNull(),
    reason: text('reason').notNull().default('reprint'),
    seq: seqCol(),
  },
  (t) => [primaryKey({ columns: [t.attendeeId, t.badgeVersion] }), index('revocations_seq_idx').on(t.seq)],
);

export const stations = pgTable(
  'stations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default('desk'),
    roomId: text('room_id'),
    doorMode: text('door_mode'),
    allowedCategories: jsonb('allowed_categories').$type<string[] | null>(),
    /** sha-256 (hex) of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash'),
    pairedAt: bigint('paired_at', { mode: 'number' }),
    revokedAt: bigint('revoked_at', { mode: 'number' }),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }),
    /** Highest n such that events 1..n of this station are stored or settled. */
    ackedSeq: integer('acked_seq').notNull().default(0),
    seq: seqCol(),
  },
  (t) => [uniqueIndex('stations_token_uq').on(t.tokenHash), index('stations_seq_idx').on(t.seq)],
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
 * One-time pairing codes (hashed), issued by an admin. Without `stationId` a code pairs a new
 * station; with it, only that station (a new token for a laptop that lost its own).
 */
export const pairingCodes = pgTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  stationId: text('station_id'),
  name: text('name'),
  role: text('role').notNull().default('desk'),
  roomId: text('room_id'),
  doorMode: text('door_mode'),
  /** Lets a revoked `stationId` back in (the operator asked for it explicitly). */
  restore: boolean('restore').notNull().default(false),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  usedAt: bigint('used_at', { mode: 'number' }),
  usedBy: text('used_by'),
});

/** Every station's events, stored exactly once (the UUID is the key). */
export const events = pgTable(
  'events',
  {
    id: text('id').primaryKey(),
    stationId: text('station_id').notNull(),
    stationSeq: integer('station_seq').notNull(),
    hlc: text('hlc').notNull(),
    wallTime: bigint('wall_time', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    attendeeId: text('attendee_id'),
    roomId: text('room_id'),
    sessionId: text('session_id'),
    verdict: text('verdict'),
    reason: text('reason'),
    operator: text('operator'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    day: text('day').notNull(),
    receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
    seq: seqCol(),
  },
  (t) => [
    uniqueIndex('events_station_seq_uq').on(t.stationId, t.stationSeq),
    index('events_seq_idx').on(t.seq),
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
