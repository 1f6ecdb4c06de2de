// Pairing: registry URL + one-time code → a station token, stored in this station's
// settings. The station keeps its own id (its offline events already carry it). The address
// may be a whole pairing link (pasted, or typed by a scanner from the QR the admin CLI prints):
// it carries the code and the certificate fingerprint this station pins from then on.
import { count, ne } from 'drizzle-orm';
import { notice, noticeText, type Notice } from '../../core/api/notice';
import { parsePairingText } from '../../core/sync/pairing-link';
import { HealthResponse, INITIAL_CURSOR, PROTOCOL_VERSION, PairRequest, PairResponse } from '../../core/sync/protocol';
import { upsertSigningKey } from '../../db/badges';
import { attendees, events, rooms, sessions } from '../../db/schema/index';
import { generateEd25519 } from '../../node-shared/ed25519';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { getSetting, setSetting } from '../../db/settings';
import { sealSecret } from '../secret-store';
import type { Station } from '../station';
import { CURSOR } from './apply';
import { LINK, type RegistryLink } from './link';
import { SyncError, request } from './transport';
import { forgetPhotos } from './photos';

export interface PairResult {
  paired: boolean;
  message: string;
  notice: Notice | null;
  eventName: string | null;
}

const result = (paired: boolean, said: Notice, eventName: string | null = null): PairResult => ({ paired, message: noticeText(said), notice: said, eventName });

export async function pairStation(
  station: Station,
  rawUrl: string,
  code: string,
  opts: { fetch?: typeof fetch; now?: () => number } = {},
): Promise<PairResult> {
  const now = opts.now ?? Date.now;
  const link = parsePairingText(rawUrl);
  if (!link) return result(false, notice('pairNotAddress'));
  const { url, fingerprint } = link;
  code = link.code ?? code;
  if (!code.trim()) return result(false, notice('pairCodeMissing'));
  const t = { baseUrl: url, token: null, fetch: opts.fetch ?? registryFetch(fingerprint), timeoutMs: 10_000 };
  try {
    const health = await request(t, 'GET', '/v1/health', HealthResponse);
    if (health.data.protocol !== PROTOCOL_VERSION) {
      return result(false, notice('pairProtocol', { registry: health.data.protocol, station: PROTOCOL_VERSION }));
    }
    // This station's own badge signing key: made here, the private half never leaves it; the
    // registry publishes the public half to every station (docs/badge-format.md, "Keys").
    const own = generateEd25519();
    const publicKey = Buffer.from(own.publicKey).toString('base64url');
    const body: PairRequest = { protocol: PROTOCOL_VERSION, code, stationId: station.id, name: station.config().name, publicKey };
    const { data } = await request(t, 'POST', '/v1/pair', PairResponse, body);
    const refusal = prepareForEvent(station, data.eventId);
    if (refusal) return result(false, refusal, data.eventName);
    const previous = getSetting<RegistryLink>(station.db.orm, LINK);
    station.write(() => {
      if (!previous || previous.url !== url) {
        // A different registry has none of our events and a different change sequence.
        setSetting(station.db.orm, CURSOR, INITIAL_CURSOR);
        station.db.sqlite.prepare('update events set pushed_at = null where station_id = ?').run(station.id);
        // Its photo cursor counts in the old registry's change numbers: fetch the new one's from the start.
        forgetPhotos(station);
      }
      // Stored sealed (station/secret-store.ts): OS-encrypted in the desktop app.
      const saved: RegistryLink = { url, token: sealSecret(data.token), eventId: data.eventId, pairedAt: now(), fingerprint };
      setSetting(station.db.orm, LINK, saved);
      if (data.keyId) upsertSigningKey(station.db.orm, { keyId: data.keyId, publicKey: own.publicKey, privateKey: own.privateKey, createdAt: now(), stationId: station.id });
    });
    station.invalidate();
    // The registry's reason when it assigned no badge key (its own sentence).
    const keyNote = !data.keyId && data.keyMessage ? notice('registrySays', { reason: data.keyMessage }) : undefined;
    return result(true, data.eventName ? notice('pairedFor', { event: data.eventName }, keyNote) : notice('paired', undefined, keyNote), data.eventName);
  } catch (err) {
    if (!(err instanceof SyncError)) return result(false, notice('syncStopped', { reason: (err as Error)?.message ?? String(err) }));
    if (err.kind === 'network') return result(false, notice('pairUnreachable', { url }));
    return err.notice ? result(false, err.notice) : { paired: false, message: err.message, notice: null, eventName: null };
  }
}

/**
 * A station holding scans for another event must not mix them into this one. With no
 * events in its log, the local attendee list (the demo) is simply replaced by the download.
 */
function prepareForEvent(station: Station, eventId: string | null): Notice | null {
  if (!eventId) return null;
  let local: string | null = null;
  try {
    local = station.eventInfo().id;
  } catch {
    local = null;
  }
  if (local === null || local === eventId) return null;
  const orm = station.db.orm;
  const n = orm.select({ n: count() }).from(events).get()?.n ?? 0;
  if (n > 0) {
    return notice('pairOtherEvent', { count: n, event: local });
  }
  station.write(() => {
    orm.delete(sessions).run();
    orm.delete(attendees).run(); // badge codes go with them (on delete cascade)
    forgetPhotos(station); // and their registration photos (not tied by a foreign key)
    orm.delete(rooms).where(ne(rooms.id, '')).run();
  });
  return null;
}
