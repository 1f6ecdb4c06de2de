// "Forget this event": after the event the station deletes everything it holds about it
// (attendees, scans, exports, badge PDFs — see docs/data-at-rest.md) and starts again clean
// in the same folder, with a new identity, as on first start. Scans not yet uploaded to a
// paired registry would be lost for good, so that needs a second confirmation. A paired
// station first asks the registry to revoke its token (when it can be reached), so the old
// identity cannot sync any more from a copy of the folder.
import fs from 'node:fs';
import path from 'node:path';
import type { ForgetResult } from '../core/api/station-data';
import { z } from 'zod';
import { getSetting } from '../db/settings';
import { STATION_FILES, openStation, type Station } from './station';
import { LINK, transportTo, type RegistryLink } from './sync/link';
import { syncClientFor } from './sync/index';
import { outboxCount } from './sync/outbox';
import { request } from './sync/transport';

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
  const link = paired ? client.link() : undefined;
  client.stop();
  await client.whenIdle();
  const tokenRevoked = link ? await revokeOwnToken(link, client.o.fetch) : null;

  const oldId = station.id;
  // From here to adopt() everything is synchronous: no request can run in between.
  station.close();
  for (const f of STATION_FILES) fs.rmSync(path.join(station.dataDir, f), { recursive: true, force: true });
  const fresh = openStation(station.dataDir, { stationName: name, seed: station.seed });
  station.adopt(fresh.db);

  if (wasActive) client.start();
  for (const topic of ['status', 'scan', 'attendees', 'occupancy', 'sync']) station.emit(topic);
  const registryNote =
    tokenRevoked === false ? ` The registry could not be reached: ask its operator to revoke the station “${name}” (${oldId}).` : '';
  return {
    forgotten: true,
    unsynced,
    needsSecondConfirmation: false,
    tokenRevoked,
    message:
      (unsynced > 0
        ? `Everything this station held about the event was deleted, including ${plural(unsynced)} that never reached the registry. It starts again as a new station.`
        : 'Everything this station held about the event was deleted. It starts again as a new station.') + registryNote,
  };
}

/** Asks the registry to revoke this station's token (best effort, a few seconds at most). */
async function revokeOwnToken(link: RegistryLink, fetchImpl: typeof fetch | undefined): Promise<boolean> {
  if (!link.token) return false;
  try {
    await request(transportTo(link, { fetch: fetchImpl, timeoutMs: 5_000 }), 'POST', '/v1/sync/forget', z.object({ ok: z.literal(true) }), {});
    return true;
  } catch (err) {
    // 401: the token was already revoked there: nothing left to do.
    return (err as { kind?: string }).kind === 'unauthorized';
  }
}
