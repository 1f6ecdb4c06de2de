// Station database schema (SQLite via better-sqlite3 + drizzle-orm).
// Change it here, then `npm run db:generate -- --name what_changed`; the numbered
// SQL files in db/migrations are applied at start-up (db/connection.ts).
//
// Ground truth is the append-only `events` log. Tables marked DERIVED are kept in
// step with it by the same transaction that appends (insertEvent in db/events.ts and the
// hooks listed in db/derived-hooks.ts), and can always be rebuilt from the log.
//
// The tables of records that travel (event, attendees, rooms, sessions, stations, events,
// signing keys, revocations) take their shared columns from core/records/, where the
// registry's tables take theirs: only what is the station's own is written here.
import { blob, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AttendeeFields, type AttendeeSource } from '../../core/records/attendee';
import { EventInfoFields } from '../../core/records/event-info';
import { LogEventFields } from '../../core/records/log-event';
import { RevocationFields } from '../../core/records/revocation';
import { RoomFields } from '../../core/records/room';
import { SessionFields } from '../../core/records/session';
import { KeyFields } from '../../core/records/signing-key';
import { StationFields } from '../../core/records/station';
import { sqliteColumns } from '../../node-shared/record-columns';

/** The event this station serves (one row). */
export const event = sqliteTable('event', sqliteColumns(EventInfoFields));

export const attendees = sqliteTable(
  'attendees',
  {
    ...sqliteColumns(AttendeeFields),
    /** Also 'badge': known only from a signed badge, not yet synced. */
    source: text('source').$type<AttendeeSource | 'badge'>().notNull().default('registry'),
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

/**
 * Registration photos, on desk stations only (a door never asks, and the registry refuses it):
 * ≤320 px JPEGs for the ID check at the badge desk, fetched by station/sync/photos.ts.
 */
export const attendeePhotos = sqliteTable('attendee_photos', {
  attendeeId: text('attendee_id').primaryKey(),
  jpeg: blob('jpeg', { mode: 'buffer' }).notNull(),
});

export const rooms = sqliteTable('rooms', sqliteColumns(RoomFields));

/** Invitation lists are the session_access table (db/schema/occupancy.ts). */
export const sessions = sqliteTable('sessions', sqliteColumns(SessionFields), (t) => [
  foreignKey({ columns: [t.roomId], foreignColumns: [rooms.id] }),
  index('sessions_room_idx').on(t.roomId, t.startsAt),
]);

export const stations = sqliteTable('stations', sqliteColumns(StationFields));

/** Key/value settings: this station's id, sequence counter, HLC state, sync cursor… */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** The append-only event log: every scan and every decision, from every station. */
export const events = sqliteTable(
  'events',
  {
    ...sqliteColumns(LogEventFields),
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

/**
 * A LAN hub's relay outbox (docs/lan-hub.md): other stations' events this station took as their
 * hub and has not yet handed to the registry. Not derived: only the hub's push route adds rows.
 */
export const hubRelay = sqliteTable('hub_relay', {
  eventId: text('event_id').primaryKey(),
});

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
  ...sqliteColumns(KeyFields),
  /** Only for keys this console signs with itself (standalone mode, or its own key once paired). */
  privateKey: text('private_key'),
});

/** Superseded badge versions (reprints) and revoked attendees. */
export const revocations = sqliteTable(
  'revocations',
  sqliteColumns(RevocationFields),
  (t) => [primaryKey({ columns: [t.attendeeId, t.badgeVersion] })],
);
