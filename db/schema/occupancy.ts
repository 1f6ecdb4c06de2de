// Occupancy tables (issue 4). All but session_access are DERIVED from the event log by
// db/occupancy/derive.ts (same transaction as the event) and can be rebuilt from it.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** DERIVED: times someone was inside a room (see core/occupancy/track.ts). */
export const occupancyStays = sqliteTable(
  'occupancy_stays',
  {
    /** The entry event that opened the stay. */
    id: text('id').primaryKey(),
    attendeeId: text('attendee_id').notNull(),
    day: text('day').notNull(),
    roomId: text('room_id').notNull(),
    inKey: text('in_key').notNull(),
    inAt: integer('in_at').notNull(),
    outEventId: text('out_event_id'),
    outKey: text('out_key'),
    outAt: integer('out_at'),
    /** 'exit' | 'sweep' | 'moved' | null while inside. */
    outBy: text('out_by'),
  },
  (t) => [
    index('occupancy_stays_person_idx').on(t.attendeeId, t.day),
    index('occupancy_stays_room_idx').on(t.roomId, t.day, t.inAt),
    // Stays closed since a moment (the trend a door shows after every scan), without reading every
    // stay of the room's day. Partial: a stay opened by an entry is not in it until it closes.
    index('occupancy_stays_out_idx').on(t.roomId, t.day, t.outAt).where(sql`${t.outAt} IS NOT NULL`),
  ],
);

/** DERIVED: what each door event did to the count (in, out, duplicate, unmatched_exit…). */
export const occupancyEffects = sqliteTable(
  'occupancy_effects',
  {
    eventId: text('event_id').primaryKey(),
    attendeeId: text('attendee_id'),
    roomId: text('room_id').notNull(),
    day: text('day').notNull(),
    key: text('key').notNull(),
    effect: text('effect').notNull(),
  },
  (t) => [index('occupancy_effects_person_idx').on(t.attendeeId, t.day)],
);

/** DERIVED: sweeps ("everyone out") and manual counter presses, indexed by room and day. */
export const occupancyMarks = sqliteTable(
  'occupancy_marks',
  {
    eventId: text('event_id').primaryKey(),
    /** 'sweep' | 'counter' */
    kind: text('kind').notNull(),
    roomId: text('room_id').notNull(),
    day: text('day').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
    delta: integer('delta').notNull().default(0),
  },
  (t) => [index('occupancy_marks_room_idx').on(t.roomId, t.day, t.key), index('occupancy_marks_day_idx').on(t.day, t.kind)],
);

/** DERIVED: the live numbers per room and day (core/occupancy/model.ts RoomDayCounts). */
export const occupancyRooms = sqliteTable(
  'occupancy_rooms',
  {
    roomId: text('room_id').notNull(),
    day: text('day').notNull(),
    inside: integer('inside').notNull().default(0),
    tally: integer('tally').notNull().default(0),
    arrivals: integer('arrivals').notNull().default(0),
    uniq: integer('uniq').notNull().default(0),
    flagged: integer('flagged').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    lastAt: integer('last_at').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.day] })],
);

/** Invitation lists: a session with rows here admits only the listed attendees. */
export const sessionAccess = sqliteTable(
  'session_access',
  {
    sessionId: text('session_id').notNull(),
    attendeeId: text('attendee_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.attendeeId] })],
);
