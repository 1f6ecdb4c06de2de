// Check-in area of the station API: status, scanning, manual check-in, undo, search.
import { z } from 'zod';
import { MAX_ALTERNATIVES, MAX_SCAN_LENGTH } from '../checkin/scan-input';
import type { AttendeeSummary, CheckInResult, Verdict } from '../model';
import type { Notice } from './notice';
import { typedLine } from '../text';

/** Other readings of a scanner burst's keys (core/keyboard/scanner-text.ts), tried when the text is no badge. */
export const ScanAlternatives = z.array(z.string().max(MAX_SCAN_LENGTH)).max(MAX_ALTERNATIVES).optional();

export const checkinMethods = {
  'station.status': z.object({}),
  'checkin.scan': z.object({ text: z.string().max(20_000), operator: typedLine(120).optional(), alternatives: ScanAlternatives }),
  'checkin.attendee': z.object({ attendeeId: z.string().min(1).max(64), operator: typedLine(120).optional() }),
  /** Without eventId: the operator's last admission, within UNDO_WINDOW_MS. With it: that admission, chosen in Recent scans. */
  'checkin.undo': z.object({ operator: typedLine(120).optional(), eventId: z.string().min(1).max(64).optional() }),
  /** What Undo would take back right now (the button names it before it is pressed). */
  'checkin.undoable': z.object({ operator: typedLine(120).optional() }),
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
  sync: { state: 'standalone' | 'online' | 'offline' | 'error'; lastSyncAt: number | null; message: string | null; notice: Notice | null; via?: string | null };
  clockDriftMs: number;
  /** The evacuation or drill in progress today, as this station holds it (null: none): every screen's top bar shows it. */
  evacuation: { drill: boolean; startedAt: number } | null;
  /** Personal data was deleted by the event's retention setting (docs/data-at-rest.md): every screen says so. */
  retention: { date: string; at: number } | null;
  now: number;
}

export interface RecentScan {
  eventId: string;
  at: number;
  kind: string;
  /** How the person was found: a badge scanned or typed, a name search, or registered here as a walk-in. */
  via: 'badge' | 'search' | 'walkin' | null;
  verdict: Verdict | null;
  reason: string | null;
  message: string;
  attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'organisation' | 'delegation' | 'categoryLabel' | 'protected' | 'chosenName'> | null;
  undone: boolean;
  /** A first admission made here and not undone: Recent scans offers to undo it (no time limit). */
  undoable: boolean;
}

/** The admission Undo would take back: whom, when, and until when the shortcut may. */
export interface UndoTarget {
  eventId: string;
  attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName'>;
  at: number;
  /** After this time the shortcut no longer undoes it (choose it in Recent scans instead). */
  until: number;
}

export interface UndoResult {
  undone: boolean;
  /** Why nothing was undone: no admission here, the last one is older than the window, or the chosen row is not an undoable admission. */
  why: 'nothing' | 'too_old' | 'not_admission' | null;
  /** English sentence (logs, fallback); the renderer words it from the fields. */
  message: string;
  /** The admission undone (or, with why='too_old', the one that is too old). */
  target: CheckInResult | null;
  /** Still admitted today through another station's scan, after this undo. */
  stillAdmitted: { stationName: string; at: number } | null;
}

export interface SearchHit extends AttendeeSummary {
  checkedInToday: boolean;
  checkedInAt: number | null;
  /** "Iuliia Sokolova" beside "Юлия Соколова" (core/search/keys.ts latinReading); null for a Latin name. */
  latinName: string | null;
  /** The typeable code of the current badge, if it has one: tells apart people with the same name. */
  badgeCode: string | null;
}

export interface SearchResults {
  hits: SearchHit[];
  /** How many more people match than are listed (at most COUNT_CAP in all): "12 more — type more of the name". */
  more: number;
}

export interface CheckinResults {
  'station.status': StationStatus;
  'checkin.scan': CheckInResult;
  'checkin.attendee': CheckInResult;
  'checkin.undo': UndoResult;
  'checkin.undoable': UndoTarget | null;
  'checkin.recent': RecentScan[];
  'attendees.search': SearchResults;
}

