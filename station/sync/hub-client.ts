// A station's side of the LAN hub (docs/lan-hub.md): when the registry is out of reach, sync
// with a hub instead — prove each other's station keys, upload this station's queued events,
// download what the hub holds. The hub is hostile until proved otherwise and trusted with
// nothing after: only log events travel from it, each checked against its author's signature
// and the same rules the registry applies; this station's events stay queued for the registry
// (the hub's acknowledgement only spares sending them to the same hub twice).
import { MAX_CLOCK_AHEAD_MS } from '../../core/hlc';
import { eventProblem } from '../../core/sync/event-rules';
import { HubAuthResponse, HubHello, HubWaitResponse, helloProblem, signAuth } from '../../core/sync/hub-protocol';
import { INITIAL_CURSOR, PROTOCOL_VERSION, PullResponse, PushResponse, cursorChangeNo, type WireEvent } from '../../core/sync/protocol';
import { ownStationKey } from '../../db/badges';
import { insertEvent, maxSeq } from '../../db/events';
import { getSetting, setSetting } from '../../db/settings';
import { nodeEd25519 } from '../../node-shared/ed25519';
import { peerFingerprint, pinnedFetch } from '../../node-shared/pinned-fetch';
import type { Station } from '../station';
import { readLink } from './link';
import { outboxAfter } from './outbox';
import { authorKeys, relayedEventProblem, signOwn } from './sign';
import { notice, type Notice } from '../../core/api/notice';
import { SyncError, request, type TransportOptions } from './transport';

/** The hub address typed in Settings (where multicast is blocked). */
export const HUB_ADDRESS = 'sync.hubAddress';

export interface HubSession {
  url: string;
  hubId: string;
  name: string;
  expiresAt: number;
  t: TransportOptions;
}

export function hubAddress(station: Station): string | null {
  return getSetting<string>(station.db.orm, HUB_ADDRESS) ?? null;
}

/** Sets (or clears, with null) the hub address; only https addresses are taken (else: why not). */
export function setHubAddress(station: Station, url: string | null): Notice | null {
  if (url === null || url.trim() === '') {
    station.write(() => setSetting(station.db.orm, HUB_ADDRESS, null));
    return null;
  }
  let u: URL;
  try {
    u = new URL(/^[a-z]+:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`);
  } catch {
    return notice('hubAddressInvalid');
  }
  if (u.protocol !== 'https:') return notice('hubAddressHttps');
  station.write(() => setSetting(station.db.orm, HUB_ADDRESS, u.origin));
  return null;
}

/** Opens a session with the hub at `url`: both sides prove their station keys (core/sync/hub-protocol.ts). */
export async function openHubSession(station: Station, url: string, o: { timeoutMs: number; now: () => number }): Promise<HubSession> {
  const key = ownStationKey(station.db.orm, station.id);
  if (!key) throw new SyncError('rejected', notice('hubNoKey'));
  let fingerprint: string;
  try {
    fingerprint = await peerFingerprint(url, o.timeoutMs);
  } catch (err) {
    throw new SyncError('network', notice('hubUnreachable', { why: (err as { code?: string }).code ?? (err as Error).message }));
  }
  const t: TransportOptions = { baseUrl: url, token: null, fetch: pinnedFetch(fingerprint), timeoutMs: o.timeoutMs };
  const { data: hello } = await request(t, 'GET', '/v1/hub/hello', HubHello);
  const problem = helloProblem(hello, { fingerprint, eventId: readLink(station)?.eventId ?? null, selfId: station.id, authorKey: authorKeys(station), ed: nodeEd25519 });
  if (problem) throw new SyncError('rejected', notice('hubUntrusted', { url, problem }), null, 'hub_untrusted');
  const { data } = await request(t, 'POST', '/v1/hub/auth', HubAuthResponse, signAuth(station.id, hello.hub, key, nodeEd25519));
  return { url, hubId: hello.hub.stationId, name: hello.hub.name, expiresAt: data.expiresAt, t: { ...t, token: data.token } };
}

const cursorKeyOf = (hubId: string) => `hub.cursor:${hubId}`;

/**
 * The live poke (a long poll, core/sync/hub-protocol.ts): resolves true as soon as the hub holds
 * something for this station after its cursor, false after `waitMs` with nothing new.
 */
export async function waitForNews(station: Station, s: HubSession, o: { waitMs: number; signal: AbortSignal }): Promise<boolean> {
  const cursor = getSetting<string>(station.db.orm, cursorKeyOf(s.hubId)) ?? INITIAL_CURSOR;
  const path = `/v1/hub/wait?cursor=${encodeURIComponent(cursor)}&waitMs=${o.waitMs}`;
  const { data } = await request({ ...s.t, timeoutMs: o.waitMs + 10_000, signal: o.signal }, 'GET', path, HubWaitResponse);
  return data.news;
}

export interface HubCycleOptions {
  now: () => number;
  /** Told while a page is being written (the scans it stores are not this station's own). */
  onApplying: (busy: boolean) => void;
}

/** One exchange with the hub: upload, then download. Returns how many events went each way. */
export async function hubCycle(station: Station, s: HubSession, o: HubCycleOptions): Promise<{ pushed: number; pulled: number; dropped: number }> {
  const ackKey = `hub.acked:${s.hubId}`;
  // Kept with the download's cursor in its transaction below (one durable write a cycle, not two):
  // a crash in between only sends the hub a batch it already holds.
  let acked = getSetting<number>(station.db.orm, ackKey) ?? 0;
  let pushed = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const batch = signOwn(station, outboxAfter(station, acked, 500));
    if (batch.length === 0) break;
    const { data } = await request(s.t, 'POST', '/v1/sync/push', PushResponse, { protocol: PROTOCOL_VERSION, stationId: station.id, events: batch });
    // A hub cannot claim more than this station made, and must move on (or it is ignored until next time).
    const next = Math.min(data.acked, maxSeq(station.db.orm, station.id));
    if (next <= acked) break;
    acked = next;
    pushed += data.stored + data.duplicates;
  }
  const cursorKey = cursorKeyOf(s.hubId);
  let pulled = 0;
  let dropped = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const cursor = getSetting<string>(station.db.orm, cursorKey) ?? INITIAL_CURSOR;
    const { data } = await request(s.t, 'GET', `/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000&protocol=${PROTOCOL_VERSION}`, PullResponse);
    if (cursorChangeNo(data.nextCursor) < cursorChangeNo(cursor)) {
      // The hub's log starts again (its data folder was replaced): read it from the start.
      station.write(() => setSetting(station.db.orm, cursorKey, INITIAL_CURSOR));
      continue;
    }
    const now = o.now();
    const take: WireEvent[] = [];
    for (const c of data.changes) {
      // Only events travel through a hub, and only those their author signed.
      if (c.type !== 'log' || c.data.stationId === station.id) continue;
      if (relayedEventProblem(station, c.data) || eventProblem(c.data, now, MAX_CLOCK_AHEAD_MS)) dropped++;
      else take.push(c.data);
    }
    let stored = 0;
    o.onApplying(true);
    try {
      station.write(() => {
        for (const e of take) if (insertEvent(station.db.orm, e, now)) stored++;
        if (take.length > 0) station.receiveClock(take.reduce((m, e) => (e.hlc > m ? e.hlc : m), take[0]!.hlc), now);
        setSetting(station.db.orm, cursorKey, data.nextCursor);
        if (acked !== (getSetting<number>(station.db.orm, ackKey) ?? 0)) setSetting(station.db.orm, ackKey, acked);
      });
    } finally {
      o.onApplying(false);
    }
    if (stored > 0) {
      station.invalidate();
      station.emit('scan');
      station.emit('occupancy');
    }
    pulled += stored;
    if (!data.hasMore || data.changes.length === 0) break;
  }
  return { pushed, pulled, dropped };
}
