// A whole event in one value — the event, its rooms, sessions and attendees with one badge
// code each — as the demo generator makes it (resources/demo/generate.ts) and
// db/event-bundle.ts loads it into a station in one go. Its parts are the travelling records
// (core/records/), less what a new list does not set yet.
import type { AttendeeRecord } from './records/attendee';
import type { EventInfoRecord } from './records/event-info';
import type { RoomRecord } from './records/room';
import type { SessionRecord } from './records/session';

export type BundleAttendee = Pick<
  AttendeeRecord,
  'id' | 'givenName' | 'familyName' | 'organisation' | 'delegation' | 'country' | 'category' | 'validDays' | 'notes'
> & { status: 'active' | 'cancelled'; badgeCode: string } & Partial<Pick<AttendeeRecord, 'protected' | 'chosenName' | 'noPhoto'>>;

/** Capacity levels and the full-room policy keep the station's defaults. */
export type BundleRoom = Pick<RoomRecord, 'id' | 'name' | 'capacity' | 'floor' | 'allowedCategories'>;

/** Open sessions: no invitation lists. */
export type BundleSession = Omit<SessionRecord, 'invited'>;

export interface EventBundle {
  event: EventInfoRecord;
  rooms: BundleRoom[];
  sessions: BundleSession[];
  attendees: BundleAttendee[];
}
