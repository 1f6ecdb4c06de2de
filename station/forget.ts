// "Forget this event": after the event the station deletes everything it holds about it
// (attendees, scans, exports, badge PDFs — see docs/data-at-rest.md) and starts again clean
// in the same folder, with a new identity, as on first start. Scans not yet uploaded to a
// paired registry would be lost for good, so that needs a second confirmation. A paired
// station first asks the registry to revoke its token (when it can be reached), so the old
// identity cannot sync any more from a copy of the folder.
import fs from 'node:fs';
import path from 'node:path';
import { notice, noticeText, type Notice } from '../core/api/notice';
import type { ForgetResult } from '../core/api/station-data';
import { z } from 'zod';
import { getSetting } from '../db/settings';
import { STATION_FILES, openStation, type Station } from './station';
import { LINK, transportTo, type RegistryLink } from './sync/link';
import { syncClientFor } from './sync/index';
import { outboxCount } from './sync/outbox';
import { request } from './sync/transport';

const said = (n: Notice) => ({ message: noticeText(n), notice: n });

export async function forgetEvent(station: Station, opts: { discardUnsynced: boolean }): Promise<ForgetResult> {
  const paired = !!getSetting(station.db.orm, LINK);
  const unsynced = paired ? outboxCount(station) : 0;
  if (unsynced > 0 && !opts.discardUnsynced) {
    return {
      forgotten: false,
      unsynced,
      needsSecondConfirmation: true,
      ...said(notice('forgetUnsynced', { count: unsynced })),
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
  const registryNote = tokenRevoked === false ? notice('forgetNotRevoked', { name, id: oldId }) : undefined;
  return {
    forgotten: true,
    unsynced,
    needsSecondConfirmation: false,
    tokenRevoked,
    ...said(unsynced > 0 ? notice('forgottenLost', { count: unsynced }, registryNote) : notice('forgotten', undefined, registryNote)),
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
