// Handlers of the sync area (see core/api/sync.ts for the contract).
import { count, desc, eq } from 'drizzle-orm';
import type { SyncResults } from '../../core/api/sync';
import { noticeText } from '../../core/api/notice';
import { publicName } from '../../core/sync/visibility';
import { admissions, attendees, stations } from '../../db/schema/index';
import type { Station } from '../station';
import { syncClientFor } from '../sync/index';
import { outboxCount, rejectedEvents } from '../sync/outbox';
import { pairStation } from '../sync/pair';
import { skippedChanges } from '../sync/pull';
import { hubAddress, setHubAddress } from '../sync/hub-client';
import { hubState, setHubEnabled } from '../hub/index';
import type { AreaHandlers, HandlerOptions } from './types';

export function syncHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof SyncResults> {
  const status = (station: Station): SyncResults['sync.status'] => {
    const c = syncClientFor(station);
    const link = c.link();
    const line = c.statusLine();
    return {
      paired: !!link,
      registryUrl: link?.url ?? null,
      state: line.state,
      live: c.liveConnected,
      lastSyncAt: line.lastSyncAt,
      lastAttemptAt: c.lastAttemptAt,
      nextAttemptAt: c.nextAttemptAt,
      outbox: outboxCount(station),
      rejected: rejectedEvents(station).map((r) => ({ eventId: r.id, seq: r.seq, reason: r.reason, at: r.at })),
      skipped: skippedChanges(station),
      message: line.message,
      notice: line.notice,
      clockSkewMs: c.clockSkewMs,
      // An unpaired station has no registry clock to be off from.
      clockWarning: !!link && c.clockWarning(),
      conflicts: station.db.orm.select({ n: count() }).from(admissions).where(eq(admissions.conflict, true)).get()?.n ?? 0,
      via: line.via ?? null,
    };
  };
  return {
    'sync.status': (_args, station) => status(station),
    'sync.pair': async (args, station) => {
      const c = syncClientFor(station);
      const r = await pairStation(station, args.url, args.code, { now: opts.now });
      if (r.paired) {
        c.start();
        c.relink();
        station.emit('sync');
        station.emit('status');
      }
      return r;
    },
    'sync.now': async (_args, station) => {
      const c = syncClientFor(station);
      c.start();
      return c.syncNow();
    },
    'sync.hub': async (args, station) => {
      const c = syncClientFor(station);
      const refused = args.address === undefined ? null : setHubAddress(station, args.address);
      const hub = args.enabled === undefined ? hubState(station) : await setHubEnabled(station, args.enabled);
      station.emit('status');
      // The worst news first: the address just refused, the hub not serving, the hub in use failing.
      const said = refused ?? hub.notice ?? c.hubNotice;
      return { enabled: hub.enabled, url: hub.url, address: hubAddress(station), via: c.via?.name ?? null, message: said ? noticeText(said) : c.hubProblem, notice: said };
    },
    'sync.conflicts': (args, station) => {
      const rows = station.db.orm
        .select({ a: admissions, givenName: attendees.givenName, familyName: attendees.familyName, protected: attendees.protected, chosenName: attendees.chosenName, stationName: stations.name })
        .from(admissions)
        .leftJoin(attendees, eq(attendees.id, admissions.attendeeId))
        .leftJoin(stations, eq(stations.id, admissions.stationId))
        .where(eq(admissions.conflict, true))
        .orderBy(desc(admissions.day), desc(admissions.hlc))
        .limit(args.limit)
        .all();
      return rows.map((r) => ({
        attendeeId: r.a.attendeeId,
        name: (r.givenName !== null && publicName({ givenName: r.givenName, familyName: r.familyName ?? '', protected: !!r.protected, chosenName: r.chosenName ?? '' })) || r.a.attendeeId,
        day: r.a.day,
        admissions: r.a.admitCount,
        first: { stationName: r.stationName ?? 'another station', at: r.a.wallTime },
      }));
    },
  };
}
