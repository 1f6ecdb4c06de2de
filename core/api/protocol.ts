// Protocol-alert area of the station API (core/checkin/protocol-alert.ts): the VIP arrivals this
// station shows until the host acknowledges them from the console.
import { z } from 'zod';

export const protocolMethods = {
  'protocol.open': z.object({}),
} as const;

/** One open alert as this station may show it. */
export interface ProtocolAlertView {
  eventId: string;
  attendeeId: string;
  /** The name shared screens use (a protected person's chosen name; '' = say "protected participant"). */
  name: string;
  at: number;
  /** Where they were admitted. */
  stationName: string;
  /** For desks only ('' at doors: they never receive it). */
  host: string;
  note: string;
  /** The room they are heading to, by its name when this station knows it ('' = none). */
  room: string;
  /** This door station watches that room. */
  forThisRoom: boolean;
}

export interface ProtocolResults {
  'protocol.open': ProtocolAlertView[];
}
