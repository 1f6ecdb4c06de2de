// Check-in area of the station API: status, scanning, manual check-in, undo, search.
import { z } from 'zod';
import type { AttendeeSummary, CheckInResult, Verdict } from '../model';

export const checkinMethods = {
  'station.status': z.object({}),
  'checkin.scan': z.object({ text: z.string().max(20_000), operator: z.string().max(120).optional() }),
  'checkin.attendee': z.object({ attendeeId: z.string().min(1).max(64), operator: z.string().max(120).optional() }),
  'checkin.undo': z.object({ operator: z.string().max(120).optional() }),
  'checkin.recent': z.object({ limit: z.number().int().min(1).max(200).default(10) }),
  'attendees.search': z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
} as const;

export interface StationStatus {
  station: { id: string; name: string; role: 'desk' | 'door'; roomId: string | null; doorMode: string | null };
  event: { id: string; name: string; venue: string; timeZone: string; days: string[]; description: string };
  today: string;
  isEventDay: boolean;
  attendees: number;
  checkedInToday: number;
  /** Own events not yet acknowledged by the registry. */
  outbox: number;
  sync: { state: 'standalone' | 'online' | 'offline' | 'error'; lastSyncAt: number | null; message: string | null };
  clockDriftMs: number;
  now: number;
}

export interface RecentScan {
  eventId: string;
  at: number;
  kind: string;
  verdict: Verdict | null;
  reason: string | null;
  message: string;
  attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'organisation' | 'delegation' | 'categoryLabel'> | null;
  undone: boolean;
}

export interface SearchHit extends AttendeeSummary {
  checkedInToday: boolean;
  checkedInAt: number | null;
}

export interface CheckinResults {
  'station.status': StationStatus;
  'checkin.scan': CheckInResult;
  'checkin.attendee': CheckInResult;
  'checkin.undo': { undone: boolean; message: string; target: CheckInResult | null };
  'checkin.recent': RecentScan[];
  'attendees.search': SearchHit[];
}

