// Occupancy area of the station API: door scans, live room numbers, sessions and
// attendance, manual counter, sweep, door settings and exports (issue 4).
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import { ScanAlternatives } from './checkin';
import type { AttendeeSummary, Verdict } from '../model';
import type { CapacityState } from '../occupancy/capacity';
import type { DoorReason } from '../occupancy/door';
import { DOOR_POSTS, type DoorMode, type DoorPost } from '../occupancy/types';

const Id = z.string().min(1).max(64);
const Operator = z.string().trim().max(120).optional();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The asking desk's language: exports are written in it (English when absent). */
const Lang = z.enum(LANGUAGES).optional();

export const occupancyMethods = {
  'door.status': z.object({}),
  'door.configure': z.object({
    roomId: Id.nullable(),
    mode: z.enum(['entry', 'exit', 'toggle']).nullable(),
    name: z.string().trim().min(1).max(80).optional(),
    /** A room's door (roomId and mode), the venue exit or the assembly point (roomId and mode are then not used). */
    post: z.enum(DOOR_POSTS).default('room'),
    /** Media staff work this door: a "no photography" badge fills their screen (absent: unchanged). */
    mediaStaff: z.boolean().optional(),
  }),
  'door.scan': z.object({ text: z.string().max(20_000), operator: Operator, alternatives: ScanAlternatives }),
  'occupancy.rooms': z.object({}),
  'occupancy.room': z.object({ roomId: Id, day: Day.optional(), recent: z.number().int().min(1).max(200).default(20) }),
  'occupancy.sessions': z.object({ day: Day.optional() }),
  'occupancy.session': z.object({ sessionId: Id }),
  'occupancy.counter': z.object({ roomId: Id, delta: z.number().int().min(-50).max(50).refine((d) => d !== 0, 'must not be 0'), operator: Operator }),
  'occupancy.sweep': z.object({ roomId: Id, operator: Operator }),
  'occupancy.export': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('attendance_csv'), sessionId: Id, lang: Lang }),
    z.object({ kind: z.literal('series_csv'), roomId: Id, day: Day.optional(), lang: Lang }),
    z.object({ kind: z.literal('day_report_pdf'), day: Day.optional(), lang: Lang }),
  ]),
} as const;

export interface SessionRef {
  id: string;
  title: string;
  startsAt: number;
  endsAt: number;
}

/** A room as the dashboard shows it right now. */
export interface RoomLive {
  id: string;
  name: string;
  floor: string;
  capacity: number;
  warnPct: number;
  criticalPct: number;
  fullPolicy: 'refuse' | 'warn';
  allowedCategories: string[] | null;
  /** People inside now (scanned + manual tally, never below 0). */
  current: number;
  /** Of which counted by badge scans. */
  inside: number;
  /** Manual +/− since the last sweep. */
  tally: number;
  pct: number;
  state: CapacityState;
  stateWords: string;
  /** Net change over the last TREND_WINDOW_MS. */
  trend: number;
  session: SessionRef | null;
  nextSession: SessionRef | null;
  arrivals: number;
  unique: number;
  flagged: number;
  duplicates: number;
  refused: number;
  lastAt: number | null;
}

export const TREND_WINDOW_MS = 10 * 60_000;

export interface RoomsOverview {
  day: string;
  now: number;
  rooms: RoomLive[];
}

export interface SessionAttendance extends SessionRef {
  roomId: string;
  roomName: string;
  capacity: number;
  /** 'upcoming' | 'running' | 'over' */
  phase: 'upcoming' | 'running' | 'over';
  current: number | null;
  peak: number;
  peakAt: number | null;
  unique: number;
  aboveWarnMs: number;
  arrivals: { at: number; count: number }[];
}

export interface SessionAttendee {
  attendeeId: string;
  /** As shared papers may show it (docs/safeguarding.md): '' for a protected person without a chosen name. */
  name: string;
  /** Protected (safeguarding): the name is their chosen one, or '' for "Protected participant". */
  protected: boolean;
  organisation: string;
  delegation: string;
  /** Category code ('' when the person is not in this station's list). */
  category: string;
  categoryLabel: string;
  /** False when the person is not (yet) in this station's list: name is then a placeholder. */
  listed: boolean;
  firstIn: number;
  insideMinutes: number;
}

export interface RoomEventView {
  eventId: string;
  at: number;
  kind: 'room_entry' | 'room_exit' | 'counter' | 'sweep';
  verdict: Verdict | null;
  reason: string | null;
  /** What it did to the count (in, out, duplicate, unmatched_exit…), door scans only. */
  effect: string | null;
  delta: number | null;
  name: string | null;
  /** Protected (safeguarding): `name` is their chosen name, or '' for "Protected participant". */
  protected: boolean;
  stationName: string;
  operator: string | null;
}

export interface RoomDetail {
  room: RoomLive;
  day: string;
  now: number;
  /** Occupancy per minute over the day so far: [minute start, value at end of minute, highest in minute]. */
  series: [number, number, number][];
  peakToday: number;
  sessions: SessionAttendance[];
  recent: RoomEventView[];
}

export interface DoorStatus {
  /** `deskName`: what the station is called as a front desk (given back when it stops being a door). */
  station: { id: string; name: string; role: 'desk' | 'door'; roomId: string | null; mode: DoorMode | null; post: DoorPost; mediaStaff: boolean; deskName: string };
  room: RoomLive | null;
  rooms: { id: string; name: string; capacity: number }[];
  now: number;
}

export interface DoorScanResult {
  verdict: Verdict;
  reason: DoorReason | 'not_configured';
  direction: 'entry' | 'exit';
  message: string;
  attendee: AttendeeSummary | null;
  room: RoomLive | null;
  /** For entry_again: since when the person is counted inside (for the sentence). */
  insideSince: number | null;
  eventId: string | null;
  at: number;
  /** The scanner's keys were read through another keyboard layout than the computer's (core/keyboard). */
  layoutCorrected?: boolean;
}

export interface CounterResult {
  applied: boolean;
  message: string;
  room: RoomLive;
}

export interface SweepResult {
  /** How many people the sweep counted out. */
  cleared: number;
  message: string;
  room: RoomLive;
}

export interface ExportFile {
  fileName: string;
  mime: 'text/csv' | 'application/pdf';
  /** Where the station saved it. */
  path: string;
  bytes: number;
  /** File content, base64 (the renderer offers it as a download). */
  base64: string;
}

export interface OccupancyResults {
  'door.status': DoorStatus;
  'door.configure': DoorStatus;
  'door.scan': DoorScanResult;
  'occupancy.rooms': RoomsOverview;
  'occupancy.room': RoomDetail;
  'occupancy.sessions': { day: string; now: number; sessions: SessionAttendance[] };
  'occupancy.session': { session: SessionAttendance; attendees: SessionAttendee[] };
  'occupancy.counter': CounterResult;
  'occupancy.sweep': SweepResult;
  'occupancy.export': ExportFile;
}
