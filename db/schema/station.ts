// Station database schema (SQLite via better-sqlite3 + drizzle-orm).
// Change it here, then `npm run db:generate -- --name what_changed`; the numbered
// SQL files in db/migrations are applied at start-up (db/connection.ts).
//
// Ground truth is the append-only `events` log. Tables marked DERIVED are kept in
// step with it by the same transaction that appends (insertEvent in db/events.ts and the
// hooks listed in db/derived-hooks.ts), and can always be rebuilt from the log.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The event this station serves (one row). */
export const event = sqliteTable('event', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  venue: text('venue').notNull(),
  timeZone: text('time_zone').notNull(),
  /** JSON array of 'YYYY-MM-DD' days, in the event's time zone. */
  days: text('days', { mode: 'json' }).$type<string[]>().notNull(),
  description: text('description').notNull().default(''),
  /** Host of the Indico server whose ticket QR codes this event accepts; null: none. */
  indicoHost: text('indico_host'),
});

export const attendees = sqliteTable(
  'attendees',
  {
    id: text('id').primaryKey(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    organisation: text('organisation').notNull().default(''),
    delegation: text('delegation').notNull().default(''),
    /** ISO 3166 alpha-2 or '' (for the badge band and flags of delegations). */
    country: text('country').notNull().default(''),
    category: text('category').notNull(),
    /** JSON array of days the badge is valid, or null = every event day. */
    validDays: text('valid_days', { mode: 'json' }).$type<string[] | null>(),
    status: text('status').notNull().default('active'),
    badgeVersion: integer('badge_version').notNull().default(1),
    notes: text('notes').notNull().default(''),
    /** HLC of what set `notes` (a note event, or the registry's row); a newer one wins. */
    noteHlc: text('note_hlc'),
    /** 'registry' | 'walkin' | 'badge' (known only from a signed badge, not yet synced). */
    source: text('source').notNull().default('registry'),
    /** Accent/script-folded name, organisation and delegation, for search. */
    searchText: text('search_text').notNull().default(''),
    updatedAt: integer('updated_at').notNull().default(0),
  },
  (t) => [index('attendees_family_idx').on(t.familyName)],
);

/** Plain badge codes (imported lists, Indico-style ids). Signed badges need no row here. */
export const badgeCodes = sqliteTable(
  'badge_codes',
  {
    code: text('code').primaryKey(),
    attendeeId: text('attendee_id')
      .notNull()
      .references(() => attendees.id, { onDelete: 'cascade' }),
    badgeVersion: integer('badge_version').notNull().default(1),
  },
  (t) => [index('badge_codes_attendee_idx').on(t.attendeeId)],
);

export const rooms = sqliteTable('rooms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Safe capacity (fire-safety limit). */
  capacity: integer('capacity').notNull(),
  warnPct: integer('warn_pct').notNull().default(80),
  criticalPct: integer('critical_pct').notNull().default(95),
  /** What a door does at 100%: 'refuse' entry or only 'warn'. */
  fullPolicy: text('full_policy').notNull().default('refuse'),
  /** JSON array of categories allowed in, or null = everyone with a valid badge. */
  allowedCategories: text('allowed_categories', { mode: 'json' }).$type<string[] | null>(),
  floor: text('floor').notNull().default(''),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** JSON array of categories with access, or null = anyone allowed in the room. */
    allowedCategories: text('allowed_categories', { mode: 'json' }).$type<string[] | null>(),
  },
  (t) => [index('sessions_room_idx').on(t.roomId, t.startsAt)],
);

export const stations = sqliteTable('stations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** 'desk' | 'door' */
  role: text('role').notNull().default('desk'),
  roomId: text('room_id'),
  /** 'entry' | 'exit' | 'toggle' for door stations. */
  doorMode: text('door_mode'),
  /** JSON array of categories this desk admits, or null = all. */
  allowedCategories: text('allowed_categories', { mode: 'json' }).$type<string[] | null>(),
});

/** Key/value settings: this station's id, sequence counter, HLC state, sync cursor… */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** The append-only event log: every scan and every decision, from every station. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    stationId: text('station_id').notNull(),
    seq: integer('seq').notNull(),
    hlc: text('hlc').notNull(),
    wallTime: integer('wall_time').notNull(),
    kind: text('kind').notNull(),
    attendeeId: text('attendee_id'),
    roomId: text('room_id'),
    sessionId: text('session_id'),
    verdict: text('verdict'),
    reason: text('reason'),
    operator: text('operator'),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Event day ('YYYY-MM-DD', event time zone) — admissions are per day. */
    day: text('day').notNull(),
    /** When the registry acknowledged it (own events); null = still in the outbox. */
    pushedAt: integer('pushed_at'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    uniqueIndex('events_station_seq_uq').on(t.stationId, t.seq),
    index('events_hlc_idx').on(t.hlc),
    index('events_attendee_idx').on(t.attendeeId, t.day),
    index('events_room_idx').on(t.roomId, t.hlc),
    index('events_outbox_idx').on(t.stationId, t.pushedAt),
  ],
);

/** DERIVED: events compensated by an 'undo' (which may arrive before its target). */
export const undone = sqliteTable('undone', {
  eventId: text('event_id').primaryKey(),
  undoEventId: text('undo_event_id').notNull(),
});

/** DERIVED: first admission per attendee and day (earliest by HLC order, not undone). */
export const admissions = sqliteTable(
  'admissions',
  {
    attendeeId: text('attendee_id').notNull(),
    day: text('day').notNull(),
    eventId: text('event_id').notNull(),
    hlc: text('hlc').notNull(),
    stationId: text('station_id').notNull(),
    wallTime: integer('wall_time').notNull(),
    /** How many non-undone admitting events exist for this person and day. */
    admitCount: integer('admit_count').notNull(),
    /** Distinct stations that admitted them as a *first* entry while unaware of each other. */
    conflict: integer('conflict', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.attendeeId, t.day] }), index('admissions_day_idx').on(t.day, t.hlc)],
);

/** Ed25519 public keys that may sign badges for this event (rotation: several at once). */
export const signingKeys = sqliteTable('signing_keys', {
  keyId: integer('key_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  /** Only where this console issues badges itself (standalone mode). */
  privateKey: text('private_key'),
  createdAt: integer('created_at').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** Superseded badge versions (reprints) and revoked attendees. */
export const revocations = sqliteTable(
  'revocations',
  {
    attendeeId: text('attendee_id').notNull(),
    badgeVersion: integer('badge_version').notNull(),
    revokedAt: integer('revoked_at').notNull(),
    reason: text('reason').notNull().default('reprint'),
  },
  (t) => [primaryKey({ columns: [t.attendeeId, t.badgeVersion] })],
);
