// The station's sync client. One cycle = upload the outbox (push.ts), then download what
// changed (pull.ts) — the download runs even when the upload failed (a pretixSCAN complaint).
// Cycles run on start, after every local scan, on every registry poke (live.ts), when the wait
// the last cycle asked for is over, and on "Sync now" (schedule.ts). Sync never sits on the scan
// path: network I/O is asynchronous and pages are applied in short transactions. Online or
// offline is read from the traffic itself; staff never switch anything. This file decides what
// a cycle's outcome means (state, next attempt); the sentences people read are status.ts.
import { DEFAULT_PAGE, HealthResponse, MAX_PUSH_EVENTS, cursorChangeNo, type StationReport } from '../../core/sync/protocol';
import type { Station } from '../station';
import { ClockSkew } from './clock';
import { lastSyncAt, markSynced, readLink, transportTo, type RegistryLink } from './link';
import { LiveChannel } from './live';
import { outboxCount } from './outbox';
import { cursorOf, pullChanges } from './pull';
import { pullPhotos } from './photos';
import { applyRetention, retentionDone } from '../retention';
import { pushOutbox } from './push';
import { Schedule, backoffDelay, probeDelay, type Cycle } from './schedule';
import { problemNotice, statusLine, type StatusLine, type SyncState } from './status';
import { notice, noticeText, type Notice } from '../../core/api/notice';
import { SyncError, request, type TransportOptions } from './transport';
import { hubAddress, hubCycle, openHubSession, waitForNews, type HubSession } from './hub-client';
import { HubFinder } from './discover';
import { forwardRelayed } from './relay';

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
  /** The first download as the registry's prepared snapshot (default), or page by page (false). */
  snapshot?: boolean;
  timeoutMs?: number;
  liveStaleMs?: number;
  /** A LAN hub to fall back on when the registry is out of reach (else the one typed in Settings). */
  hubUrl?: string | null;
  /** While syncing through a hub that does not poke: how often to ask it for news. */
  hubPollMs?: number;
  /** Live pokes from the hub (a long poll); while they work, cycles come every `hubPokedPollMs` only (they still try the registry first). */
  hubPokes?: boolean;
  hubPokedPollMs?: number;
  /** How long one long poll waits at the hub. */
  hubWaitMs?: number;
  /** Look for hubs announced on the network (DNS-SD/mDNS, station/sync/discover.ts). */
  discover?: boolean;
}

export interface SyncReport {
  ok: boolean;
  state: SyncState;
  pushed: number;
  pulled: number;
  message: string | null;
  notice: Notice | null;
}

export class SyncClient {
  /** The options this client runs with, every one of them (defaults filled in). */
  readonly o: Required<Omit<SyncOptions, 'fetch' | 'hubUrl'>> & { fetch?: typeof fetch; hubUrl: string | null };
  state: SyncState;
  /** Failed cycles in a row (drives the back-off). */
  failures = 0;
  lastAttemptAt: number | null = null;
  lastError: SyncError | null = null;
  readonly clock = new ClockSkew();
  private readonly schedule: Schedule<SyncReport>;
  private readonly live: LiveChannel;
  private applying = false;
  private hubSession: HubSession | null = null;
  /** The long poll on the hub in use (null: none; polling). */
  private hubWatch: { s: HubSession; ctl: AbortController } | null = null;
  /** The session whose hub does not poke (an older hub): not asked again. */
  private noPokes: HubSession | null = null;
  private finder: HubFinder | null = null;
  /** The hub this station syncs through while the registry is out of reach (null: none). */
  via: { hubId: string; name: string } | null = null;
  /** Why the last attempt to use a hub failed (shown in Settings), in English and as a notice. */
  hubProblem: string | null = null;
  hubNotice: Notice | null = null;
  private unsubscribe: (() => void) | null = null;

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
      snapshot: opts.snapshot ?? true,
      timeoutMs: opts.timeoutMs ?? 20_000,
      liveStaleMs: opts.liveStaleMs ?? 40_000,
      hubUrl: opts.hubUrl ?? null,
      hubPollMs: opts.hubPollMs ?? 1_000,
      hubPokes: opts.hubPokes ?? true,
      hubPokedPollMs: opts.hubPokedPollMs ?? 3_000,
      hubWaitMs: opts.hubWaitMs ?? 25_000,
      discover: opts.discover ?? false,
      fetch: opts.fetch,
    };
    this.state = this.link() ? 'offline' : 'standalone';
    this.schedule = new Schedule(this.o.now, () => this.runCycle());
    this.live = new LiveChannel({
      staleMs: this.o.liveStaleMs,
      backoff: (n) => this.backoff(n),
      onOpen: () => {
        if (this.state !== 'online') this.kick(0);
      },
      onPoke: (changeNo) => {
        if (changeNo > cursorChangeNo(cursorOf(this.station))) this.kick(20);
      },
      onDrop: (status) => {
        if (!this.active) return false;
        if (status === 401) {
          this.kick(0); // the cycle finds out and says so
          return false;
        }
        if (this.state === 'online') this.kick(0); // check at once whether we went offline
        return true;
      },
      reconnect: () => this.openLive(),
    });
  }

  /** The registry link, token unsealed (undefined: not paired). */
  link(): RegistryLink | undefined {
    return readLink(this.station);
  }

  get lastSyncAt(): number | null {
    return lastSyncAt(this.station);
  }

  /** The live channel is open and the registry said hello. */
  get liveConnected(): boolean {
    return this.live.connected;
  }

  /** When the next automatic attempt is due (for the status screen). */
  get nextAttemptAt(): number | null {
    return this.schedule.nextAt;
  }

  /** What this station tells the registry about itself (the organiser console shows it; docs/sync-protocol.md). */
  report(): StationReport {
    return { outbox: outboxCount(this.station), clockAheadMs: this.clock.aheadMs };
  }

  /** Registry clock − this station's clock (ms), from the last answer. */
  get clockSkewMs(): number {
    return this.clock.ms;
  }

  clockWarning(): boolean {
    return this.clock.warning;
  }

  /** Starts background sync (no-op until the station is paired). */
  start(): void {
    if (this.schedule.active) return;
    this.schedule.start();
    this.unsubscribe = this.station.on((topic) => {
      if (topic === 'scan' && !this.applying) this.kick(50);
    });
    if (this.link()) {
      this.openLive();
      this.kick(0);
    }
    if (this.o.discover) this.finder ??= new HubFinder(this.o.now);
  }

  stop(): void {
    this.stopWatch();
    this.finder?.stop();
    this.finder = null;
    this.schedule.stop();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.live.close();
  }

  /** True between start() and stop(). */
  get active(): boolean {
    return this.schedule.active;
  }

  /** Resolves once no cycle is running (after stop(), nothing starts another). */
  whenIdle(): Promise<void> {
    return this.schedule.whenIdle();
  }

  /** Runs a cycle now (after the one in progress) and reports how it went. */
  syncNow(): Promise<SyncReport> {
    return this.schedule.runNow();
  }

  /** Called after pairing: new link, fresh cycle, live channel. */
  relink(): void {
    this.failures = 0;
    this.lastError = null;
    this.live.close();
    if (this.active) {
      this.openLive();
      this.kick(0);
    }
  }

  /** Schedules a cycle in `ms` (sooner wins); during a cycle, asks for another right after. */
  kick(ms: number): void {
    this.schedule.kick(ms);
  }

  backoff(failures: number): number {
    return backoffDelay(failures, { baseMs: this.o.backoffBaseMs, maxMs: this.o.backoffMaxMs, random: this.o.random });
  }

  /** The status bar's line. */
  statusLine(): StatusLine {
    return statusLine(this.station, { paired: !!this.link(), state: this.state, lastError: this.lastError, clockWarning: this.clockWarning(), skewMs: this.clock.ms, via: this.via?.name ?? null });
  }

  /** A cycle's report says what went wrong as a notice and in English. */
  private said(err: SyncError | null): { message: string | null; notice: Notice | null } {
    const n = err && problemNotice(this.station, err);
    return { message: n ? noticeText(n) : (err?.message ?? null), notice: n };
  }

  private async runCycle(): Promise<Cycle<SyncReport>> {
    // Past the retention day this station holds nothing personal and stops syncing (station/retention.ts).
    // The station's clock set right by the registry's last answer (0 until measured; station/sync/clock.ts).
    const retained = applyRetention(this.station, this.o.now() + this.clock.ms) ?? retentionDone(this.station);
    if (retained) {
      this.state = 'standalone';
      const n = notice('retentionDone', { date: retained.date });
      return { report: { ok: false, state: 'standalone', pushed: 0, pulled: 0, message: noticeText(n), notice: n }, next: null };
    }
    const link = this.link();
    if (!link) {
      this.state = 'standalone';
      return { report: { ok: false, state: 'standalone', pushed: 0, pulled: 0, message: noticeText(notice('notPaired')), notice: notice('notPaired') }, next: null };
    }
    this.lastAttemptAt = this.o.now();
    const t = transportTo(link, this.o);
    // Offline: a cheap health probe first (short timeout), and the full cycle only once the
    // registry answers — so every station is back within a few seconds of the registry, without
    // 50 stations re-sending their outboxes into a dead network every second.
    if (this.state === 'offline' && this.failures > 0 && !(await this.registryAnswers(t))) {
      this.failures++;
      const hub = await this.viaHub();
      this.station.emit('sync');
      this.station.emit('status');
      return { report: { ok: false, state: 'offline', pushed: hub?.pushed ?? 0, pulled: hub?.pulled ?? 0, ...this.said(this.lastError) }, next: hub ? this.hubPollDelay() : this.probeDelay() };
    }
    const onServerTime = (sentAt: number, serverTime: number) => this.clock.measure(sentAt, this.o.now(), serverTime);
    const report = () => this.report();
    let pushed = 0;
    let pulled = 0;
    let pushErr: SyncError | null = null;
    let pullErr: SyncError | null = null;
    // 1. Upload. A failure here is remembered, and the download still runs.
    try {
      pushed = await pushOutbox(this.station, t, { batch: this.o.pushBatch, now: this.o.now, onServerTime, report });
      // A station that has been a hub hands on what other stations gave it (station/sync/relay.ts).
      await forwardRelayed(this.station, t);
    } catch (err) {
      pushErr = asSyncError(err);
    }
    // 2. Download.
    try {
      pulled = await pullChanges(this.station, t, {
        pageSize: this.o.pageSize,
        snapshot: this.o.snapshot,
        now: this.o.now,
        onServerTime,
        onApplying: (busy) => (this.applying = busy),
        onResend: () => this.kick(0),
        report,
      });
    } catch (err) {
      pullErr = asSyncError(err);
    }
    // 3. Registration photos, on desk stations only (photos.ts). Not part of the verdict on sync:
    // a photo that cannot be fetched now comes at a later cycle, and the desk says "no photo on file".
    if (!pullErr) await pullPhotos(this.station, t).catch(() => undefined);
    const err = worst(pushErr, pullErr);
    let next = this.settleCycle(err, pullErr);
    if (err?.kind === 'network') {
      // The registry is out of reach: keep in step with the other stations through a hub.
      const hub = await this.viaHub();
      if (hub) {
        pushed += hub.pushed;
        pulled += hub.pulled;
        next = this.hubPollDelay();
      }
    } else {
      this.via = null;
      this.stopWatch();
    }
    this.station.emit('sync');
    this.station.emit('status');
    return { report: { ok: !err, state: this.state, pushed, pulled, ...this.said(err) }, next };
  }

  /** One exchange with the hub, when there is one to use (null: none, or it failed). */
  private async viaHub(): Promise<{ pushed: number; pulled: number } | null> {
    for (const url of await this.hubCandidates()) {
      const r = await this.viaHubAt(url);
      if (r) return r;
    }
    this.via = null;
    this.stopWatch();
    return null;
  }

  /** Where to look for a hub: the address typed in Settings (or given), else the hubs heard on the network (the one in use first). */
  private async hubCandidates(): Promise<string[]> {
    const typed = this.o.hubUrl ?? hubAddress(this.station);
    if (typed) return [typed];
    if (!this.o.discover) return [];
    if (!this.finder) {
      this.finder = new HubFinder(this.o.now);
      await this.finder.waitForAny(2_000);
    }
    const found = this.finder.hubs(this.link()?.eventId ?? null, this.station.id).map((h) => h.url);
    const current = this.hubSession?.url;
    // At most three a cycle: a network full of fake announcements cannot hold a cycle up for long.
    return [...(current && found.includes(current) ? [current] : []), ...found.filter((u) => u !== current)].slice(0, 3);
  }

  private async viaHubAt(url: string): Promise<{ pushed: number; pulled: number } | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        if (!this.hubSession || this.hubSession.url !== url || this.hubSession.expiresAt < this.o.now() + 60_000) {
          this.hubSession = await openHubSession(this.station, url, { timeoutMs: Math.min(this.o.timeoutMs, 5_000), now: this.o.now });
        }
        const r = await hubCycle(this.station, this.hubSession, { now: this.o.now, onApplying: (busy) => (this.applying = busy) });
        this.via = { hubId: this.hubSession.hubId, name: this.hubSession.name };
        this.hubProblem = null;
        this.hubNotice = null;
        this.watchHub();
        return r;
      } catch (err) {
        this.hubSession = null;
        this.via = null;
        const e = asSyncError(err);
        this.hubProblem = e.message;
        this.hubNotice = e.notice;
        // A session the hub forgot (it restarted): prove ourselves again, once.
        if (!(err instanceof SyncError && err.kind === 'unauthorized')) return null;
      }
    }
    return null;
  }

  /** While syncing through a hub: the next cycle soon (polling), or later while the hub pokes. */
  private hubPollDelay(): number {
    return this.hubWatch ? Math.max(this.o.hubPollMs, this.o.hubPokedPollMs) : this.o.hubPollMs;
  }

  /** Live pokes from the hub in use: news runs a cycle at once. Any failure ends them; polling goes on. */
  private watchHub(): void {
    const s = this.hubSession;
    if (!this.o.hubPokes || !s || this.hubWatch?.s === s || this.noPokes === s) return;
    this.stopWatch();
    const w = { s, ctl: new AbortController() };
    this.hubWatch = w;
    void (async () => {
      try {
        while (this.active && this.hubWatch === w) {
          if (await waitForNews(this.station, s, { waitMs: this.o.hubWaitMs, signal: w.ctl.signal })) {
            if (this.hubWatch !== w || !this.active) break;
            await this.syncNow();
          }
        }
      } catch (err) {
        // A hub that does not know the request (older): poll it; anything else: the next hub cycle tries again.
        if (err instanceof SyncError && err.kind === 'rejected') this.noPokes = s;
      }
      if (this.hubWatch === w) this.hubWatch = null;
    })();
  }

  private stopWatch(): void {
    this.hubWatch?.ctl.abort();
    this.hubWatch = null;
  }

  /** What a cycle's outcome means: the new state, and when to try again (null: not until someone acts). */
  private settleCycle(err: SyncError | null, pullErr: SyncError | null): number | null {
    this.lastError = err;
    if (!err || (err.kind === 'rejected' && !pullErr)) {
      // Online (a refused upload is kept with its reason; it does not make the registry unreachable).
      this.state = 'online';
      this.failures = 0;
      markSynced(this.station, this.o.now());
      if (!this.live.open && this.o.live) this.openLive();
      return outboxCount(this.station) > 0 && !err ? 0 : this.o.pollMs;
    }
    if (err.kind === 'unauthorized' || err.kind === 'protocol') {
      // Nothing will change until someone pairs again (or presses "Sync now").
      this.state = 'error';
      this.live.close();
      return null;
    }
    this.state = err.kind === 'network' ? 'offline' : 'error';
    this.failures++;
    // Unreachable: probe again soon (cheap). A registry in trouble (5xx): back off.
    return err.kind === 'network' ? this.probeDelay() : this.backoff(this.failures);
  }

  private probeDelay(): number {
    return probeDelay(this.o);
  }

  private async registryAnswers(t: TransportOptions): Promise<boolean> {
    try {
      await request({ ...t, token: null, timeoutMs: Math.min(this.o.timeoutMs, 2_000) }, 'GET', '/v1/health', HealthResponse);
      return true;
    } catch {
      return false;
    }
  }

  private openLive(): void {
    const link = this.link();
    if (!link || !this.o.live || !this.active || this.lastError?.kind === 'unauthorized') return;
    const t = transportTo(link, this.o);
    this.live.connect(`${link.url}/v1/sync/live`, link.token, t.fetch);
  }
}

function asSyncError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  // A local failure (disk full while applying a page…): retry later, say what happened.
  return new SyncError('server', notice('syncStopped', { reason: (err as Error)?.message ?? String(err) }));
}

const SEVERITY: Record<SyncError['kind'], number> = { unauthorized: 6, protocol: 5, network: 4, server: 3, bad_response: 2, rejected: 1 };
function worst(a: SyncError | null, b: SyncError | null): SyncError | null {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY[a.kind] >= SEVERITY[b.kind] ? a : b;
}
