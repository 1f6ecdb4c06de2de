// What the status bar and Settings say about sync, as sentences staff can act on.
import { timeInZone } from '../../core/time';
import type { Station } from '../station';
import { lastSyncAt } from './link';
import { rejectedEvents } from './outbox';
import { skippedChanges } from './pull';
import type { SyncError } from './transport';

export type SyncState = 'standalone' | 'online' | 'offline' | 'error';

export interface StatusLine {
  state: SyncState;
  lastSyncAt: number | null;
  message: string | null;
  /** The LAN hub this station syncs through while the registry is out of reach (docs/lan-hub.md). */
  via?: string | null;
}

export const REVOKED_MESSAGE = 'This station was revoked or must be paired again. Ask the registry operator for a new pairing code.';

/** What went wrong, for people: offline says since when and that scans are safe. */
export function problemSentence(station: Station, err: SyncError): string {
  if (err.kind === 'unauthorized') return REVOKED_MESSAGE;
  if (err.kind === 'network') {
    const since = lastSyncAt(station);
    return since
      ? `Offline since ${timeInZone(since, timeZoneOf(station))}. Scans are saved on this station and upload when the registry is back.`
      : 'Cannot reach the registry. Scans are saved on this station and upload when the registry is back.';
  }
  return err.message;
}

export function clockMessage(skewMs: number): string {
  const min = Math.round(Math.abs(skewMs) / 60_000);
  return `This station's clock is ${min} minute${min === 1 ? '' : 's'} ${skewMs > 0 ? 'behind' : 'ahead of'} the registry. Scans stay in the right order, but please set the clock.`;
}

/** The status bar's line: the worst news first (a problem, refused events, the clock). */
export function statusLine(
  station: Station,
  s: { paired: boolean; state: SyncState; lastError: SyncError | null; clockWarning: boolean; skewMs: number; via?: string | null },
): StatusLine {
  if (!s.paired) return { state: 'standalone', lastSyncAt: null, message: null };
  const via = s.state === 'offline' ? (s.via ?? null) : null;
  let message = via ? viaHubSentence(via) : s.lastError ? problemSentence(station, s.lastError) : null;
  const rejected = rejectedEvents(station).length;
  if (!message && rejected > 0) message = `${rejected} event${rejected === 1 ? ' was' : 's were'} refused by the registry (see Settings).`;
  const skipped = skippedChanges(station).length;
  if (!message && skipped > 0) message = `${skipped} record${skipped === 1 ? '' : 's'} from the registry could not be read and ${skipped === 1 ? 'was' : 'were'} left out; the rest is up to date. Tell the registry operator.`;
  if (!message && s.clockWarning) message = clockMessage(s.skewMs);
  return { state: s.state, lastSyncAt: lastSyncAt(station), message, via };
}

export function viaHubSentence(name: string): string {
  return `Via hub ${name}: the registry is out of reach, so this station keeps in step with the others through the hub. Scans are saved here and upload when the registry is back.`;
}

function timeZoneOf(station: Station): string {
  try {
    return station.eventInfo().timeZone;
  } catch {
    return 'UTC';
  }
}
