// A station core in its own process (so tests can SIGKILL it): opens its data folder,
// runs the sync client, and takes commands over the IPC channel. A scan is answered only
// after its transaction committed — that answer is the "acknowledged on screen" moment.
import { seedDemoEvent } from '../resources/demo/seed';
import { checkIn, undoLast } from '../station/checkin';
import { openStation } from '../station/station';
import { startSync } from '../station/sync/index';
import { pairStation } from '../station/sync/pair';

const dir = process.env.STATION_DIR!;
const skew = Number(process.env.STATION_SKEW_MS ?? 0);
const now = () => Date.now() + skew;
const station = openStation(dir, { stationName: process.env.STATION_NAME ?? 'Station', now: now(), seed: seedDemoEvent });
const client = startSync(station, {
  now,
  pollMs: Number(process.env.SYNC_POLL_MS ?? 500),
  backoffBaseMs: 50,
  backoffMaxMs: 800,
  timeoutMs: 3000,
  liveStaleMs: 3000,
});

type Msg = { id: number; cmd: string; args?: Record<string, unknown> };
process.on('message', async (m: Msg) => {
  try {
    let value: unknown;
    if (m.cmd === 'pair') value = await pairStation(station, String(m.args!.url), String(m.args!.code), { now });
    else if (m.cmd === 'relink') value = client.relink();
    else if (m.cmd === 'scan') {
      const r = checkIn(station, String(m.args!.code), now());
      station.emit('scan');
      value = { eventId: r.eventId, verdict: r.verdict, reason: r.reason };
    } else if (m.cmd === 'undo') {
      const r = undoLast(station, now());
      station.emit('scan');
      value = { undone: r.undone };
    } else if (m.cmd === 'sync') value = await client.syncNow();
    else if (m.cmd === 'status') value = { ...client.statusLine(), skew: client.clockSkewMs, clockWarning: client.clockWarning() };
    else if (m.cmd === 'close') {
      client.stop();
      station.close();
      value = true;
      process.send!({ id: m.id, ok: true, value }, () => process.exit(0));
      return;
    }
    process.send!({ id: m.id, ok: true, value });
  } catch (err) {
    process.send!({ id: m.id, ok: false, error: String((err as Error)?.stack ?? err) });
  }
});
process.send!({ id: 0, ok: true, value: { ready: true, stationId: station.id } });
