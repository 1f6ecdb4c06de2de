// The station's sync client: upload the outbox, then download changes — the download runs
// even when the upload failed (a pretixSCAN complaint) — on every local scan, on every
// registry poke, and by polling as a fallback. It never sits on the scan path: network I/O
// is asynchronous and pulled pages are applied in short transactions (apply.ts).
// Offline/online is detected from the traffic itself; staff never switch anything.
import { count, eq } from 'drizzle-orm';
import {
  HealthResponse,
  INITIAL_CURSOR,
  MAX_PUSH_BYTES,
  MAX_PUSH_EVENTS,
  PROTOCOL_VERSION,
  PullResponse,
  PushResponse,
  cursorChangeNo,
  type OversizeStub,
  DEFAULT_PAGE,
} from '../../core/sync/protocol';
import { DRIFT_WARNING_MS } from '../../core/hlc';
import { timeInZone } from '../../core/time';
import { admissions } from '../../db/schema/index';
import { getSetting, setSetting } from '../../db/settings';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { openSecret } from '../secret-store';
import type { Station } from '../station';
import { CURSOR, applyPage } from './apply';
import { connectLive } from './live';
import { highestSettled, implausibleAckError, plausibleAck, outboxBatch, outboxCount, rejectedEvents, reopenAfter, settle } from './outbox';
import { SyncError, request, type TransportOptions } from './transport';

export const LINK = 'sync.registry';
const LAST_SUCCESS = 'sync.lastSuccessAt';
const MAX_PUSH_JSON = 1_500_000;

export interface RegistryLink {
  url: string;
  token: string;
  eventId: string | null;
  pairedAt: number;
  /** SHA-256 of the registry's certificate (base64url), pinned at pairing; absent: CA-checked HTTPS or HTTP. */
  fingerprint?: string | null;
}

export type SyncState = 'standalone' | 'online' | 'offline' | 'error';

export interface SyncOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Fallback polling while online (pokes normally make it unnecessary). */
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** While offline: mean delay between health probes (jittered ±30 %), so a station is back within ~3 s. */
  probeMs?: number;
  live?: boolean;
  pushBatch?: number;
  pageSize?: number;
  timeoutMs?: number;
  liveStaleMs?: number;
}

export interface SyncReport {
  ok: boolean;
  state: SyncState;
  pushed: number;
  pulled: number;
  message: string | null;
}

const clients = new WeakMap<Station, SyncClient>();

/** The sync client of a running station (created on first use). */
export function syncClientFor(station: Station, opts?: SyncOptions): SyncClient {
  return clients.get(station) ?? new SyncClient(station, opts);
}

export const REVOKED_MESSAGE = 'This station was revoked or must be paired again. Ask the registry operator for a new pairing code.';

export class SyncClient {
  readonly o: Required<Omit<SyncOptions, 'fetch'>> & { fetch?: typeof fetch };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<SyncReport> | null = null;
  private again = false;
  private started = false;
  private applying = false;
  private unsubscribe: (() => void) | null = null;
  private live: { close: () => void } | null = null;
  private liveFailures = 0;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  failures = 0;
  state: SyncState = 'standalone';
  liveConnected = false;
  lastAttemptAt: number | null = null;
  lastError: SyncError | null = null;
  /** Registry clock − this station's clock (ms), from the last answer. */
  clockSkewMs = 0;
  /** When the next automatic attempt is due (for the status screen). */
  nextAttemptAt: number | null = null;

  constructor(
    readonly station: Station,
    opts: SyncOptions = {},
  ) {
    this.o = {
      now: opts.now ?? Date.now,
      random: opts.random ?? Math.random,
      pollMs: opts.pollMs ?? 15_000,
      backoffBaseMs: opts.backoffBaseMs ?? 1_000,
      backoffMaxMs: opts.backoffMaxMs ?? 30_000,
      probeMs: opts.probeMs ?? 1_000,
      live: opts.live ?? true,
      pushBatch: opts.pushBatch ?? MAX_PUSH_EVENTS,
      pageSize: opts.pageSize ?? DEFAULT_PAGE,
      timeoutMs: opts.timeoutMs ?? 20_000,
      liveStaleMs: opts.liveStaleMs ?? 40_000,
      fetch: opts.fetch,
    };
    this.state = this.link() ? 'offline' : 'standalone';
    // The newest client of a station is the one the API handlers and the status bar use.
    clients.set(station, this);
    station.syncStatus = () => this.statusLine();
  }

  /** The registry link with its token readable ('' when it cannot be unsealed here: the registry answers 401, "pair again"). */
  link(): RegistryLink | undefined {
    const l = getSetting<RegistryLink>(this.station.db.orm, LINK);
    return l && { ...l, token: openSecret(l.token) ?? '' };
  }

  get lastSyncAt(): number | null {
    return getSetting<number>(this.station.db.orm, LAST_SUCCESS) ?? null;
  }

  /** Starts background sync (no-op until the station is paired). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = this.station.on((topic) => {
      if (topic === 'scan' && !this.applying) this.kick(50);
    });
    if (this.link()) {
      this.openLive();
      this.kick(0);
    }
  }

  stop(): void {
    this.started = false;
    clearTimeout(this.timer);
    clearTimeout(this.liveTimer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.live?.close();
    this.live = null;
    this.liveConnected = false;
  }

  /** True between start() and stop(). */
  get active(): boolean {
    return this.started;
  }

  /** Resolves once no cycle is running (after stop(), nothing starts another). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** Runs a cycle now (after the one in progress) and reports how it went. */
  async syncNow(): Promise<SyncReport> {
    if (this.running) await this.running.catch(() => undefined);
    return this.cycle();
  }

  /** Called after pairing: new link, fresh cycle, live channel. */
  relink(): void {
    this.failures = 0;
    this.lastError = null;
    this.live?.close();
    this.live = null;
    this.liveConnected = false;
    if (this.started) {
      this.openLive();
      this.kick(0);
    }
  }

  /** Schedules a cycle in `ms` (sooner wins); during a cycle, asks for another right after. */
  kick(ms: number): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const due = this.o.now() + ms;
    if (this.timer !== undefined && this.nextAttemptAt !== null && this.nextAttemptAt <= due) return;
    this.clearTimer();
    this.nextAttemptAt = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.cycle().catch(() => {});
    }, ms);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAttemptAt = null;
  }

  private cycle(): Promise<SyncReport> {
    this.clearTimer();
    const p = (async () => {
      try {
        const { report, next } = await this.runCycle();
        this.running = null;
        // next === null: revoked or wrong protocol — nothing changes until someone acts.
        if (this.started && next !== null) this.kick(this.again ? 0 : next);
        this.again = false;
        return report;
      } finally {
        this.running = null;
      }
    })();
    this.running = p;
    return p;
  }

  private async runCycle(): Promise<{ report: SyncReport; next: number | null }> {
    const link = this.link();
    if (!link) {
      this.state = 'standalone';
      return { report: { ok: false, state: 'standalone', pushed: 0, pulled: 0, message: 'This station is not paired with a registry.' }, next: null };
    }
    this.again = false;
    this.lastAttemptAt = this.o.now();
    const t: TransportOptions = { baseUrl: link.url, token: link.token, fetch: this.o.fetch ?? registryFetch(link.fingerprint), timeoutMs: this.o.timeoutMs };
    // Offline: a cheap health probe first (short timeout), and the full cycle only once the
    // registry answers — so every station is back within a few seconds of the registry, without
    // 50 stations re-sending their outboxes into a dead network every second.
    if (this.state === 'offline' && this.failures > 0 && !(await this.registryAnswers(t))) {
      this.failures++;
      this.station.emit('status');
      return { report: { ok: false, state: 'offline', pushed: 0, pulled: 0, message: this.lastError ? this.messageFor(this.lastError) : null }, next: this.probeDelay() };
    }
    let pushed = 0;
    let pulled = 0;
    let pushErr: SyncError | null = null;
    let pullErr: SyncError | null = null;

    // 1. Upload. A failure here is remembered, and the download still runs.
    try {
      pushed = await this.push(t);
    } catch (err) {
      pushErr = asSyncError(err);
    }
    // 2. Download.
    try {
      pulled = await this.pull(t);
    } catch (err) {
      pullErr = asSyncError(err);
    }

    const err = worst(pushErr, pullErr);
    let next: number | null;
    if (!err || (err.kind === 'rejected' && !pullErr)) {
      this.state = 'online';
      this.failures = 0;
      this.lastError = err;
      setSetting(this.station.db.orm, LAST_SUCCESS, this.o.now());
      next = outboxCount(this.station) > 0 && !err ? 0 : this.o.pollMs;
      if (!this.live && this.o.live) this.openLive();
    } else if (err.kind === 'unauthorized' || err.kind === 'protocol') {
      this.state = 'error';
      this.lastError = err;
      this.live?.close();
      this.live = null;
      this.liveConnected = false;
      next = null; // nothing will change until someone pairs again (or presses "sync now")
    } else {
      this.state = err.kind === 'network' ? 'offline' : 'error';
      this.lastError = err;
      this.failures++;
      // Unreachable: probe again soon (cheap). A registry in trouble (5xx): back off.
      next = err.kind === 'network' ? this.probeDelay() : this.backoff(this.failures);
    }
    this.station.emit('sync');
    this.station.emit('status');
    return { report: { ok: !err, state: this.state, pushed, pulled, message: err ? this.messageFor(err) : null }, next };
  }

  private async push(t: TransportOptions): Promise<number> {
    let sent = 0;
    let limit = this.o.pushBatch;
    for (let guard = 0; guard < 10_000; guard++) {
      const batch = sizeBounded(outboxBatch(this.station, limit));
      if (batch.length === 0) break;
      const t0 = this.o.now();
      // An event that can never fit in a push (made before events were capped) goes up as a
      // stub the registry records as rejected: it is kept here with the reason instead of
      // blocking the outbox forever. (The registry may cut the connection on a too-large
      // body, so this is decided here, not from a 413 that might never arrive.)
      const send = batch.length === 1 && jsonBytes(batch[0]) > MAX_PUSH_BYTES - 4096 ? [oversizeStub(batch[0]!)] : batch;
      let answer;
      try {
        answer = await request(t, 'POST', '/v1/sync/push', PushResponse, { protocol: PROTOCOL_VERSION, stationId: this.station.id, events: send });
      } catch (err) {
        // A registry with a smaller limit than ours: halve the batch until it fits.
        if (err instanceof SyncError && err.status === 413 && batch.length > 1) {
          limit = Math.ceil(batch.length / 2);
          continue;
        }
        if (err instanceof SyncError && err.status === 413) {
          answer = await request(t, 'POST', '/v1/sync/push', PushResponse, { protocol: PROTOCOL_VERSION, stationId: this.station.id, events: [oversizeStub(batch[0]!)] });
        } else throw err;
      }
      const { data } = answer;
      this.measureSkew(t0, data.serverTime);
      if (!plausibleAck(this.station, data.acked)) throw implausibleAckError(this.station, data.acked);
      settle(this.station, data.acked, data.rejected, this.o.now());
      sent += data.stored + data.duplicates;
      const progressed = batch.some((e) => e.seq <= data.acked) || data.rejected.length > 0;
      if (!progressed && reopenAfter(this.station, data.acked) === 0) {
        // The registry is missing an earlier event that this station no longer has queued.
        throw new SyncError('rejected', `The registry is missing event ${data.acked + 1} of this station; it was re-sent.`);
      }
    }
    this.station.emit('status');
    return sent;
  }

  private async pull(t: TransportOptions): Promise<number> {
    let applied = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      const cursor = getSetting<string>(this.station.db.orm, CURSOR) ?? INITIAL_CURSOR;
      const t0 = this.o.now();
      const { data } = await request(t, 'GET', `/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${this.o.pageSize}&protocol=${PROTOCOL_VERSION}`, PullResponse);
      this.measureSkew(t0, data.serverTime);
      if (cursorChangeNo(data.nextCursor) < cursorChangeNo(cursor)) throw new SyncError('bad_response', 'The registry moved the sync position backwards.');
      this.applying = true;
      let a;
      try {
        a = await applyPage(this.station, data.changes, data.nextCursor, this.o.now);
      } finally {
        this.applying = false;
      }
      this.station.clockDriftMs = this.clockSkewMs;
      // A push answer lost after the registry committed is settled here, without re-sending;
      // a registry restored from backup (acked went down) gets the missing events again.
      // (An impossible acknowledgement is ignored here; the upload reports it.)
      if (plausibleAck(this.station, data.acked)) settle(this.station, data.acked, [], this.o.now());
      if (data.acked < highestSettled(this.station) && reopenAfter(this.station, data.acked) > 0) this.again = true;
      applied += data.changes.length;
      if (data.changes.length > 0) {
        this.station.invalidate();
        if (a.attendees > 0) this.station.emit('attendees');
        if (a.events > 0) {
          this.station.emit('scan');
          this.station.emit('occupancy');
        }
      }
      if (!data.hasMore) break;
    }
    return applied;
  }

  private measureSkew(t0: number, serverTime: number): void {
    const t1 = this.o.now();
    this.clockSkewMs = Math.round(serverTime - (t0 + t1) / 2);
    this.station.clockDriftMs = this.clockSkewMs;
  }

  /** Next health probe while offline: probeMs ± 30 %, so stations spread out instead of probing in step. */
  probeDelay(): number {
    return Math.round(this.o.probeMs * (0.7 + 0.6 * this.o.random()));
  }

  private async registryAnswers(t: TransportOptions): Promise<boolean> {
    try {
      await request({ ...t, token: null, timeoutMs: Math.min(this.o.timeoutMs, 2_000) }, 'GET', '/v1/health', HealthResponse);
      return true;
    } catch {
      return false;
    }
  }

  backoff(failures: number): number {
    const cap = Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** Math.min(failures - 1, 20));
    return Math.round(cap / 2 + (cap / 2) * this.o.random()); // "equal jitter": never all stations at once
  }

  private openLive(): void {
    const link = this.link();
    if (!link || !this.o.live || !this.started || this.lastError?.kind === 'unauthorized') return;
    this.live = connectLive({
      url: `${link.url}/v1/sync/live`,
      token: link.token,
      fetch: this.o.fetch ?? registryFetch(link.fingerprint),
      staleMs: this.o.liveStaleMs,
      onOpen: () => {
        this.liveConnected = true;
        this.liveFailures = 0;
        if (this.state !== 'online') this.kick(0);
      },
      onPoke: (changeNo) => {
        const mine = cursorChangeNo(getSetting<string>(this.station.db.orm, CURSOR) ?? INITIAL_CURSOR);
        if (changeNo > mine) this.kick(20);
      },
      onClose: (status) => {
        this.liveConnected = false;
        this.live = null;
        if (!this.started) return;
        if (status === 401) {
          this.kick(0); // the cycle finds out and says so
          return;
        }
        this.liveFailures++;
        if (this.state === 'online') this.kick(0); // check at once whether we went offline
        clearTimeout(this.liveTimer);
        this.liveTimer = setTimeout(() => this.openLive(), this.backoff(this.liveFailures));
      },
    });
  }

  messageFor(err: SyncError): string {
    if (err.kind === 'unauthorized') return REVOKED_MESSAGE;
    if (err.kind === 'network') {
      const since = this.lastSyncAt;
      const tz = safeTz(this.station);
      return since
        ? `Offline since ${timeInZone(since, tz)}. Scans are saved on this station and upload when the registry is back.`
        : 'Cannot reach the registry. Scans are saved on this station and upload when the registry is back.';
    }
    return err.message;
  }

  /** The status-bar line (Station.syncStatus). */
  statusLine(): { state: SyncState; lastSyncAt: number | null; message: string | null } {
    const link = this.link();
    if (!link) return { state: 'standalone', lastSyncAt: null, message: null };
    let message = this.lastError ? this.messageFor(this.lastError) : null;
    const rejected = rejectedEvents(this.station).length;
    if (!message && rejected > 0) message = `${rejected} event${rejected === 1 ? ' was' : 's were'} refused by the registry (see Settings).`;
    if (!message && this.clockWarning()) message = clockMessage(this.clockSkewMs);
    return { state: this.state, lastSyncAt: this.lastSyncAt, message };
  }

  clockWarning(): boolean {
    return Math.abs(this.clockSkewMs) > DRIFT_WARNING_MS;
  }

  conflictCount(): number {
    return this.station.db.orm.select({ n: count() }).from(admissions).where(eq(admissions.conflict, true)).get()?.n ?? 0;
  }
}

export function clockMessage(skewMs: number): string {
  const min = Math.round(Math.abs(skewMs) / 60_000);
  return `This station's clock is ${min} minute${min === 1 ? '' : 's'} ${skewMs > 0 ? 'behind' : 'ahead of'} the registry. Scans stay in the right order, but please set the clock.`;
}

function safeTz(station: Station): string {
  try {
    return station.eventInfo().timeZone;
  } catch {
    return 'UTC';
  }
}

function asSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  // A local failure (disk full while applying a page…): retry later, say what happened.
  return new SyncError('server', `Sync stopped on this station: ${(err as Error)?.message ?? String(err)}`);
}

const SEVERITY: Record<SyncError['kind'], number> = { unauthorized: 6, protocol: 5, network: 4, server: 3, bad_response: 2, rejected: 1 };
function worst(a: SyncError | null, b: SyncError | null): SyncError | null {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY[a.kind] >= SEVERITY[b.kind] ? a : b;
}

/** Stands in for an event too large to upload (docs/sync-protocol.md, "Oversized events"). */
function oversizeStub(e: { id: string; seq: number; stationId: string }): OversizeStub {
  return { id: e.id, seq: e.seq, stationId: e.stationId, oversize: jsonBytes(e) };
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v));
}

function sizeBounded<T>(batch: T[]): T[] {
  let bytes = 0;
  for (let i = 0; i < batch.length; i++) {
    bytes += JSON.stringify(batch[i]).length;
    if (bytes > MAX_PUSH_JSON) return batch.slice(0, Math.max(1, i));
  }
  return batch;
}
