// Station data area of the station API: "Forget this event" wipes the personal data a
// station holds once the event is over (docs/data-at-rest.md).
import { z } from 'zod';
import type { Notice } from './notice';

export const stationDataMethods = {
  /**
   * `confirm` must be true (the screen asked once). While events are not yet uploaded to a
   * paired registry it refuses unless `discardUnsynced` is true too (asked a second time).
   */
  'station.forget': z.object({ confirm: z.literal(true), discardUnsynced: z.boolean().default(false) }).strict(),
} as const;

export interface ForgetResult {
  forgotten: boolean;
  /** Own events the registry has not acknowledged (0 when not paired). */
  unsynced: number;
  /** True when the operator must confirm a second time that these events may be lost. */
  needsSecondConfirmation: boolean;
  /** One sentence for the operator (English); `notice` says it in the desk's language. */
  message: string;
  notice: Notice;
  /**
   * Whether the registry revoked this station's token before the data was deleted (null: the
   * station was not paired). False: the registry could not be reached; the operator should revoke it.
   */
  tokenRevoked?: boolean | null;
}

export interface StationDataResults {
  'station.forget': ForgetResult;
}
