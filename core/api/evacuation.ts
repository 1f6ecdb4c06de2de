// Evacuation area of the station API (docs/evacuation.md): the roll call of everyone inside now,
// starting and ending an evacuation or drill, assembly-point marks (by badge scan or by name), and
// the list for emergency services as CSV or PDF.
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';
import type { AttendeeSummary } from '../model';
import type { ExportFile } from './occupancy';
import { ScanAlternatives } from './checkin';

const Operator = z.string().trim().max(120).optional();

export const evacuationMethods = {
  'evacuation.view': z.object({}),
  'evacuation.start': z.object({ drill: z.boolean(), operator: Operator }),
  'evacuation.end': z.object({ operator: Operator }),
  /** Accounted for at the assembly point: a scanned badge (`text`) or a person chosen by name (`attendeeId`); `undo` takes a mark back. */
  'evacuation.safe': z
    .object({
      attendeeId: z.string().min(1).max(64).optional(),
      text: z.string().max(20_000).optional(),
      alternatives: ScanAlternatives,
      undo: z.boolean().default(false),
      operator: Operator,
    })
    .refine((a) => (a.attendeeId === undefined) !== (a.text === undefined), { message: 'a badge scan or a person, not both' }),
  /** Scanned at the venue exit: the person left the building (a 'departure'), so is no longer inside. */
  'evacuation.depart': z.object({ text: z.string().max(20_000), alternatives: ScanAlternatives, operator: Operator }),
  'evacuation.export': z.object({ kind: z.enum(['csv', 'pdf']), lang: z.enum(LANGUAGES).optional() }),
} as const;

export interface EvacuationPerson {
  attendeeId: string;
  /** As shared screens may show it (core/sync/visibility.ts publicName): '' for a protected person without a chosen name. */
  name: string;
  protected: boolean;
  categoryLabel: string;
  safe: boolean;
}

export interface EvacuationRoom {
  /** '' for people in the building but in no room this station knows of. */
  roomId: string;
  roomName: string;
  people: EvacuationPerson[];
  unaccounted: number;
}

export interface EvacuationView {
  generatedAt: number;
  day: string;
  /** The evacuation or drill in progress, or null (the list then shows who is inside). */
  evacuation: { startedAt: number; drill: boolean; stationName: string } | null;
  inside: number;
  safe: number;
  unaccounted: number;
  floors: { floor: string; rooms: EvacuationRoom[] }[];
  /** How fresh each station's part of the list is: the newest event this station holds from it. */
  stations: { id: string; name: string; lastEventAt: number | null; own: boolean }[];
  /** This station's last exchange with the registry (null: never, or standalone). */
  lastSyncAt: number | null;
}

export interface SafeResult {
  /** 'marked': accounted for now; 'already': was already; 'not_inside': not on the list of people inside (marked anyway); 'unknown': no such badge or person. */
  outcome: 'marked' | 'already' | 'not_inside' | 'undone' | 'unknown' | 'no_evacuation';
  attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'protected' | 'noPhoto'> | null;
  unaccounted: number;
}

export interface DepartResult {
  /** 'left': was inside, now recorded as gone; 'again': the same person's second scan within 30 s (recorded once); 'not_inside': was not on the list of people inside (recorded anyway); 'unknown': no such badge. */
  outcome: 'left' | 'again' | 'not_inside' | 'unknown';
  attendee: SafeResult['attendee'];
  /** People inside the venue now, after this scan. */
  inside: number;
}

export interface EvacuationResults {
  'evacuation.view': EvacuationView;
  'evacuation.start': EvacuationView;
  'evacuation.end': EvacuationView;
  'evacuation.safe': SafeResult;
  'evacuation.depart': DepartResult;
  'evacuation.export': ExportFile;
}
