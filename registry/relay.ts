// Relay: a LAN hub forwards the events other stations gave it (docs/lan-hub.md). The hub is a
// paired station, but it is trusted with nothing: each event must carry a valid signature of
// the station it names, by a key this registry published for that station, which is not
// revoked. An event that fails is refused *without* a sequence number, so it settles nothing:
// a hub cannot make the registry acknowledge a station's event it never delivered (the station
// would then drop it from its outbox). Events that pass are ingested exactly as if their
// station had pushed them (registry/ingest.ts): stored once by UUID, acknowledged per station.
import { MAX_CLOCK_AHEAD_MS } from '../core/hlc';
import { signatureProblem } from '../core/sync/event-signature';
import { WireEvent, type RelayResponse, type Rejection } from '../core/sync/protocol';
import { nodeEd25519 } from '../node-shared/ed25519';
import type { RegistryOrm } from './db';
import { ingest } from './ingest';
import { stationKeys } from './stations';

export interface RelayResult extends Omit<RelayResponse, 'protocol' | 'serverTime'> {
  changed: boolean;
}

export async function relayIngest(orm: RegistryOrm, raw: unknown[], now: number, maxClockAheadMs = MAX_CLOCK_AHEAD_MS): Promise<RelayResult> {
  const keys = await stationKeys(orm);
  const rejected: Rejection[] = [];
  const byAuthor = new Map<string, WireEvent[]>();
  for (const r of raw) {
    const id = typeof (r as { id?: unknown })?.id === 'string' ? String((r as { id: string }).id).slice(0, 64) : '';
    const p = WireEvent.safeParse(r);
    if (!p.success) {
      rejected.push({ id, seq: null, reason: 'invalid event (not relayed as sent by its station)' });
      continue;
    }
    const problem = signatureProblem(p.data, keys, nodeEd25519, true);
    if (problem) {
      rejected.push({ id, seq: null, reason: `not relayed: ${problem}`.slice(0, 500) });
      continue;
    }
    const list = byAuthor.get(p.data.stationId) ?? [];
    list.push(p.data);
    byAuthor.set(p.data.stationId, list);
  }
  const out: RelayResult = { acked: {}, stored: 0, duplicates: 0, rejected, changed: false };
  for (const [author, list] of byAuthor) {
    const r = await ingest(orm, author, list, now, maxClockAheadMs);
    out.acked[author] = r.acked;
    out.stored += r.stored;
    out.duplicates += r.duplicates;
    out.rejected.push(...r.rejected);
    out.changed ||= r.changed;
  }
  return out;
}
