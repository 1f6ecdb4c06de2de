// Upload: this station's outbox, oldest first, in batches the registry accepts. A registry
// answering 413 gets half the batch, down to one event; an event that can never fit goes up
// as a stub the registry records as rejected, so it is kept here with its reason instead of
// blocking the outbox for good (docs/sync-protocol.md, "Oversized events"). Every answer
// settles what the registry acknowledged (outbox.ts).
import { MAX_PUSH_BYTES, PROTOCOL_VERSION, PushResponse, jsonBytes, type OversizeStub, type StationReport, type WireEvent } from '../../core/sync/protocol';
import type { Station } from '../station';
import { signOwn } from './sign';
import { implausibleAckError, outboxBatch, plausibleAck, reopenAfter, settle } from './outbox';
import { notice } from '../../core/api/notice';
import { SyncError, request, type TransportOptions } from './transport';

/** A batch stops growing past this many bytes (the registry's request limit is MAX_PUSH_BYTES). */
const BATCH_BYTES = 1_500_000;

export interface PushOptions {
  /** Most events per request. */
  batch: number;
  now: () => number;
  /** Each answer's serverTime, with when its request left (clock skew, clock.ts). */
  onServerTime: (sentAt: number, serverTime: number) => void;
  /** What the station says about itself with each request (outbox, clock; for the organiser console). */
  report: () => StationReport;
}

/** Uploads the whole outbox; returns how many events the registry holds now that it did not confirm before. */
export async function pushOutbox(station: Station, t: TransportOptions, o: PushOptions): Promise<number> {
  let sent = 0;
  let limit = o.batch;
  for (let guard = 0; guard < 10_000; guard++) {
    const batch = sizeBounded(signOwn(station, outboxBatch(station, limit)));
    if (batch.length === 0) break;
    const sentAt = o.now();
    const post = (events: (WireEvent | OversizeStub)[]) =>
      request(t, 'POST', '/v1/sync/push', PushResponse, { protocol: PROTOCOL_VERSION, stationId: station.id, events, report: o.report() });
    // Decided here, not from a 413 that might never arrive (the registry may cut the connection on a too-large body).
    const send = batch.length === 1 && jsonBytes(batch[0]) > MAX_PUSH_BYTES - 4096 ? [oversizeStub(batch[0]!)] : batch;
    let answer;
    try {
      answer = await post(send);
    } catch (err) {
      if (!(err instanceof SyncError) || err.status !== 413) throw err;
      // A registry with a smaller limit than ours: halve the batch until it fits.
      if (batch.length > 1) {
        limit = Math.ceil(batch.length / 2);
        continue;
      }
      answer = await post([oversizeStub(batch[0]!)]);
    }
    const { data } = answer;
    o.onServerTime(sentAt, data.serverTime);
    if (!plausibleAck(station, data.acked)) throw implausibleAckError(station, data.acked);
    settle(station, data.acked, data.rejected, o.now());
    sent += data.stored + data.duplicates;
    const progressed = batch.some((e) => e.seq <= data.acked) || data.rejected.length > 0;
    if (!progressed && reopenAfter(station, data.acked) === 0) {
      // The registry is missing an earlier event that this station no longer has queued.
      throw new SyncError('rejected', notice('ackMissing', { seq: data.acked + 1 }));
    }
  }
  station.emit('status');
  return sent;
}

/** Stands in for an event too large to upload. */
function oversizeStub(e: WireEvent): OversizeStub {
  return { id: e.id, seq: e.seq, stationId: e.stationId, oversize: jsonBytes(e) };
}

/** The batch cut where its JSON would pass BATCH_BYTES (at least one event). */
function sizeBounded(batch: WireEvent[]): WireEvent[] {
  let bytes = 0;
  for (let i = 0; i < batch.length; i++) {
    bytes += jsonBytes(batch[i]);
    if (bytes > BATCH_BYTES) return batch.slice(0, Math.max(1, i));
  }
  return batch;
}
