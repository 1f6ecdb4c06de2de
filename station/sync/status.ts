// What the status bar and Settings say about sync, as sentences staff can act on: a notice the
// renderer words in the desk's language (core/api/notice.ts), and the same in English.
import { clockNotice, notice, noticeText, type Notice } from '../../core/api/notice';
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
  notice: Notice | null;
  /** The LAN hub this station syncs through while the registry is out of reach (docs/lan-hub.md). */
  via?: string | null;
}

/** What went wrong, for people: offline says since when and that scans are safe. */
export function problemNotice(station: Station, err: SyncError): Notice | null {
  if (err.kind === 'unauthorized') return notice('revoked');
  if (err.kind === 'network') {
    const since = lastSyncAt(station);
    return since ? notice('offlineSince', { time: timeInZone(since, timeZoneOf(station)) }) : notice('unreachable');
  }
  return err.notice;
}

/** The status bar's line: the worst news first (a problem, refused events, the clock). */
export function statusLine(
  station: Station,
  s: { paired: boolean; state: SyncState; lastError: SyncError | null; clockWarning: boolean; skewMs: number; via?: string | null },
): StatusLine {
  if (!s.paired) return { state: 'standalone', lastSyncAt: null, message: null, notice: null };
  const via = s.state === 'offline' ? (s.via ?? null) : null;
  let said = via ? viaHubNotice(via) : s.lastError ? problemNotice(station, s.lastError) : null;
  // A problem said only in English (no notice yet) still comes first.
  const english = !said && !via && s.lastError ? s.lastError.message : null;
  const rejected = rejectedEvents(station).length;
  if (!said && !english && rejected > 0) said = notice('refusedEvents', { count: rejected });
  const skipped = skippedChanges(station).length;
  if (!said && !english && skipped > 0) said = notice('skippedRecords', { count: skipped });
  if (!said && !english && s.clockWarning) said = clockNotice(s.skewMs);
  return { state: s.state, lastSyncAt: lastSyncAt(station), message: said ? noticeText(said) : english, notice: said, via };
}

export function viaHubNotice(name: string): Notice {
  return notice('viaHub', { name });
}

function timeZoneOf(station: Station): string {
  try {
    return station.eventInfo().timeZone;
  } catch {
    return 'UTC';
  }
}
