// A whole event in one value — the event, its rooms, sessions and attendees with one badge
// code each — as the demo generator makes it (resources/demo/generate.ts) and
// db/event-bundle.ts loads it into a station in one go.
import type { Category } from './model';

export interface BundleAttendee {
  id: string;
  givenName: string;
  familyName: string;
  organisation: string;
  delegation: string;
  country: string;
  category: Category;
  validDays: string[] | null;
  status: 'active' | 'cancelled';
  badgeCode: string;
  notes: string;
}

export interface BundleRoom {
  id: string;
  name: string;
  capacity: number;
  floor: string;
  allowedCategories: string[] | null;
}

export interface BundleSession {
  id: string;
  roomId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  allowedCategories: string[] | null;
}

export interface EventBundle {
  event: { id: string; name: string; venue: string; timeZone: string; days: string[]; description: string };
  rooms: BundleRoom[];
  sessions: BundleSession[];
  attendees: BundleAttendee[];
}
