// Pairing: registry URL + one-time code → a station token, stored in this station's
// settings. The station keeps its own id (its offline events already carry it). The address
// may be a whole pairing link (pasted, or typed by a scanner from the QR the admin CLI prints):
// it carries the code and the certificate fingerprint this station pins from then on.
import { count, ne } from 'drizzle-orm';
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

export interface PairResult {
  paired: boolean;
  message: string;
  eventName: string | null;
}

export async function pairStation(
  station: Station,
  rawUrl: string,
  code: string,
  opts: { fetch?: typeof fetch; now?: () => number } = {},
): Promise<PairResult> {
  const now = opts.now ?? Date.now;
  const link = parsePairingText(rawUrl);
  if (!link) return { paired: false, message: 'That is not a registry address. It looks like https://192.168.1.10:8787 — or paste the whole pairing link.', eventName: null };
  const { url, fingerprint } = link;
  code = link.code ?? code;
  if (!code.trim()) return { paired: false, message: 'Type the pairing code too (it looks like ABCDE-FGHJK).', eventName: null };
  const t = { baseUrl: url, token: null, fetch: opts.fetch ?? registryFetch(fingerprint), timeoutMs: 10_000 };
  try {
    const health = await request(t, 'GET', '/v1/health', HealthResponse);
    if (health.data.protocol !== PROTOCOL_VERSION) {
      return { paired: false, message: `The registry speaks sync protocol ${health.data.protocol}, this station ${PROTOCOL_VERSION}. Update Foyer.`, eventName: null };
    }
    // This station's own badge signing key: made here, the private half never leaves it; the
    // registry publishes the public half to every station (docs/badge-format.md, "Keys").
    const own = generateEd25519();
    const publicKey = Buffer.from(own.publicKey).toString('base64url');
    const body: PairRequest = { protocol: PROTOCOL_VERSION, code, stationId: station.id, name: station.config().name, publicKey };
    const { data } = await request(t, 'POST', '/v1/pair', PairResponse, body);
    const refusal = prepareForEvent(station, data.eventId);
    if (refusal) return { paired: false, message: refusal, eventName: data.eventName };
    const previous = getSetting<RegistryLink>(station.db.orm, LINK);
    station.write(() => {
      if (!previous || previous.url !== url) {
        // A different registry has none of our events and a different change sequence.
        setSetting(station.db.orm, CURSOR, INITIAL_CURSOR);
        station.db.sqlite.prepare('update events set pushed_at = null where station_id = ?').run(station.id);
      }
      // Stored sealed (station/secret-store.ts): OS-encrypted in the desktop app.
      const saved: RegistryLink = { url, token: sealSecret(data.token), eventId: data.eventId, pairedAt: now(), fingerprint };
      setSetting(station.db.orm, LINK, saved);
      if (data.keyId) upsertSigningKey(station.db.orm, { keyId: data.keyId, publicKey: own.publicKey, privateKey: own.privateKey, createdAt: now(), stationId: station.id });
    });
    station.invalidate();
    const keyNote = data.keyId ? '' : data.keyMessage ? ` ${data.keyMessage}` : '';
    return { paired: true, message: `Paired with the registry${data.eventName ? ` for “${data.eventName}”` : ''}.${keyNote}`, eventName: data.eventName };
  } catch (err) {
    const e = err as SyncError;
    if (e.kind === 'network') return { paired: false, message: `Cannot reach ${url}. Check the address and that this laptop is on the event network.`, eventName: null };
    return { paired: false, message: e.message, eventName: null };
  }
}

/**
 * A station holding scans for another event must not mix them into this one. With no
 * events in its log, the local attendee list (the demo) is simply replaced by the download.
 */
function prepareForEvent(station: Station, eventId: string | null): string | null {
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
    return `This station holds ${n} scans for another event (${local}). Start Foyer with a new data folder to pair it with this registry; nothing was changed.`;
  }
  station.write(() => {
    orm.delete(sessions).run();
    orm.delete(attendees).run(); // badge codes go with them (on delete cascade)
    orm.delete(rooms).where(ne(rooms.id, '')).run();
  });
  return null;
}
