// Whether this station is a hub (docs/lan-hub.md): the Settings switch and `--hub` both end
// here. The choice is kept in the station's settings ('hub.enabled'), so a hub that restarts
// (a crash, a reboot) serves again by itself. One hub per running station.
import { notice, noticeText, type Notice } from '../../core/api/notice';
import { getSetting, setSetting } from '../../db/settings';
import type { Station } from '../station';
import { HubStartError, startHub, type HubOptions, type RunningHub } from './server';

const ENABLED = 'hub.enabled';
const running = new WeakMap<Station, RunningHub>();
const problems = new WeakMap<Station, Notice>();
/** How this process serves hubs (the command line's --hub-port): used by the Settings switch too. */
let defaults: Omit<HubOptions, 'station'> = {};

export function setHubDefaults(o: Omit<HubOptions, 'station'>): void {
  defaults = o;
}

export interface HubState {
  enabled: boolean;
  /** The address other stations can type in (null: not serving). */
  url: string | null;
  /** Why the hub is not serving although switched on, as a sentence (and as a notice for the renderer). */
  message: string | null;
  notice: Notice | null;
}

export function hubState(station: Station): HubState {
  const enabled = getSetting<boolean>(station.db.orm, ENABLED) === true;
  const problem = enabled ? (problems.get(station) ?? null) : null;
  return { enabled, url: running.get(station)?.url ?? null, message: problem && noticeText(problem), notice: problem };
}

/** Switches the hub on or off (kept across restarts) and starts or stops it now. */
export async function setHubEnabled(station: Station, on: boolean, o: Omit<HubOptions, 'station'> = {}): Promise<HubState> {
  station.write(() => setSetting(station.db.orm, ENABLED, on));
  if (on) await resumeHub(station, o);
  else await stopHub(station);
  return hubState(station);
}

/** At start-up: serves as a hub if it was switched on. Never throws: the station works either way. */
export async function resumeHub(station: Station, o: Omit<HubOptions, 'station'> = {}): Promise<HubState> {
  if (getSetting<boolean>(station.db.orm, ENABLED) !== true || running.has(station)) return hubState(station);
  try {
    running.set(station, await startHub({ announce: true, ...defaults, ...o, station }));
    problems.delete(station);
  } catch (err) {
    const code = (err as { code?: string }).code;
    problems.set(station, err instanceof HubStartError ? err.notice : code === 'EADDRINUSE' ? notice('hubPortInUse') : notice('hubStartFailed', { reason: (err as Error).message }));
  }
  return hubState(station);
}

export async function stopHub(station: Station): Promise<void> {
  const h = running.get(station);
  running.delete(station);
  problems.delete(station);
  await h?.close();
}
