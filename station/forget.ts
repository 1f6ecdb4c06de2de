// "Forget this event": after the event the station deletes everything it holds about it
// (attendees, scans, exports, badge PDFs — see docs/data-at-rest.md) and starts again clean
// in the same folder, with a new identity, as on first start. Scans not yet uploaded to a
// paired registry would be lost for good, so that needs a second confirmation.
import fs from 'node:fs';
import path from 'node:path';
import type { ForgetResult } from '../core/api/station-data';
import { DB_FILE } from '../db/connection';
import { getSetting } from '../db/settings';
import { openStation, type Station } from './station';
import { LINK } from './sync/client';
import { syncClientFor } from './sync/index';
import { outboxCount } from './sync/outbox';

/** What Foyer itself writes in a data folder. Anything else (an operator's own files, the desktop app's browser profile in use) is left alone. */
export const STATION_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`, 'station.json', 'exports', 'badges'];

const plural = (n: number) => `${n} ${n === 1 ? 'scan' : 'scans'}`;

export async function forgetEvent(station: Station, opts: { discardUnsynced: boolean }): Promise<ForgetResult> {
  const paired = !!getSetting(station.db.orm, LINK);
  const unsynced = paired ? outboxCount(station) : 0;
  if (unsynced > 0 && !opts.discardUnsynced) {
    return {
      forgotten: false,
      unsynced,
      needsSecondConfirmation: true,
      message: `${plural(unsynced)} of this station ${unsynced === 1 ? 'has' : 'have'} not reached the registry yet. Connect and press "Sync now" first, or confirm again to delete ${unsynced === 1 ? 'it' : 'them'} for good.`,
    };
  }
  const name = station.config().name;
  // No sync cycle may write into the database being deleted (or into the new one).
  const client = syncClientFor(station);
  const wasActive = client.active;
  client.stop();
  await client.whenIdle();

  // From here to adopt() everything is synchronous: no request can run in between.
  station.close();
  for (const f of STATION_FILES) fs.rmSync(path.join(station.dataDir, f), { recursive: true, force: true });
  const fresh = openStation(station.dataDir, { stationName: name, seed: station.seed });
  station.adopt(fresh.db);

  if (wasActive) client.start();
  for (const topic of ['status', 'scan', 'attendees', 'occupancy', 'sync']) station.emit(topic);
  return {
    forgotten: true,
    unsynced,
    needsSecondConfirmation: false,
    message:
      unsynced > 0
        ? `Everything this station held about the event was deleted, including ${plural(unsynced)} that never reached the registry. It starts again as a new station.`
        : 'Everything this station held about the event was deleted. It starts again as a new station.',
  };
}
