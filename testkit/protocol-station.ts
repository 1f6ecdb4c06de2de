// A simulated station that speaks the sync protocol and nothing else (no SQLite, no UI): it pairs,
// pushes scans, pulls every change and holds the live channel, the way a real station does on
// the wire (docs/sync-protocol.md). The benchmark runs hundreds of these against one registry.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { serialize } from '../core/hlc';
import { INITIAL_CURSOR, PROTOCOL_VERSION, SNAPSHOT_CURSOR_HEADER, type PullResponse, type PushResponse, type WireEvent } from '../core/sync/protocol';

export interface RegistryAddress {
  url: string;
  admin<T = unknown>(method: string, p: string, body?: unknown): Promise<T>;
}

export interface PullFigures {
  changes: number;
  pages: number;
  /** Bytes of response bodies as received (compressed when the registry compressed them). */
  bytes: number;
  ms: number;
  cursor: string;
}

export class ProtocolStation {
  /** This station's sequence number of the last event it made. */
  seq = 0;
  cursor = INITIAL_CURSOR;
  private node = crypto.randomBytes(8).toString('hex');

  private constructor(
    private reg: RegistryAddress,
    readonly id: string,
    readonly token: string,
  ) {}

  static async pair(reg: RegistryAddress, name: string): Promise<ProtocolStation> {
    const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name });
    const id = crypto.randomUUID();
    const res = await fetch(`${reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: PROTOCOL_VERSION, code, stationId: id, name }) });
    if (!res.ok) throw new Error(`pairing ${name}: ${res.status} ${await res.text()}`);
    return new ProtocolStation(reg, id, ((await res.json()) as { token: string }).token);
  }

  private get auth() {
    return { authorization: `Bearer ${this.token}` };
  }

  /** A door or desk scan made at `at` (epoch ms) on `day`, numbered next in this station's sequence. */
  scan(at: number, day: string, o: { attendeeId: string | null; roomId?: string | null; sessionId?: string | null; code: string; kind?: 'scan' | 'room_entry' | 'room_exit' }): WireEvent {
    this.seq++;
    return {
      id: crypto.randomUUID(),
      stationId: this.id,
      seq: this.seq,
      hlc: serialize({ millis: at, counter: 0, node: this.node }),
      wallTime: at,
      kind: o.kind ?? 'scan',
      attendeeId: o.attendeeId,
      roomId: o.roomId ?? null,
      sessionId: o.sessionId ?? null,
      verdict: o.attendeeId ? 'admitted' : 'refused',
      reason: o.attendeeId ? 'ok' : 'unknown_code',
      operator: null,
      payload: { code: o.code, format: 'plain' },
      day,
    };
  }

  async push(events: WireEvent[]): Promise<PushResponse> {
    const res = await fetch(`${this.reg.url}/v1/sync/push`, {
      method: 'POST',
      headers: { ...this.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, stationId: this.id, events }),
    });
    if (!res.ok) throw new Error(`push: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return (await res.json()) as PushResponse;
  }

  /** Pulls from this station's cursor until the registry has nothing more. */
  async pullAll(limit?: number): Promise<PullFigures> {
    const t0 = performance.now();
    let changes = 0;
    let pages = 0;
    let bytes = 0;
    for (;;) {
      const res = await fetch(`${this.reg.url}/v1/sync/pull?cursor=${this.cursor}${limit ? `&limit=${limit}` : ''}&protocol=${PROTOCOL_VERSION}`, {
        headers: { ...this.auth, 'accept-encoding': 'gzip' },
      });
      const text = await res.text();
      bytes += Number(res.headers.get('content-length') ?? text.length);
      if (!res.ok) throw new Error(`pull: ${res.status} ${text.slice(0, 200)}`);
      const page = JSON.parse(text) as PullResponse;
      changes += page.changes.length;
      pages++;
      this.cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    return { changes, pages, bytes, ms: performance.now() - t0, cursor: this.cursor };
  }

  /**
   * A first download the way a station makes it (GET /v1/sync/snapshot): the whole gzip'd file,
   * then pages from the snapshot's cursor to the end. `firstByteMs` is the registry's wait before
   * sending (making the snapshot, when nobody asked for this change number before).
   */
  async snapshot(): Promise<PullFigures & { firstByteMs: number; fileBytes: number }> {
    const t0 = performance.now();
    const res = await fetch(`${this.reg.url}/v1/sync/snapshot?protocol=${PROTOCOL_VERSION}`, { headers: this.auth });
    const firstByteMs = performance.now() - t0;
    if (!res.ok) throw new Error(`snapshot: ${res.status} ${(await res.text()).slice(0, 200)}`);
    const file = Buffer.from(await res.arrayBuffer());
    const fileBytes = file.byteLength;
    this.cursor = res.headers.get(SNAPSHOT_CURSOR_HEADER) ?? this.cursor;
    const rest = await this.pullAll();
    // The file's last line says how many changes it holds.
    const text = zlib.gunzipSync(file).toString('utf8').trimEnd();
    const inFile = (JSON.parse(text.slice(text.lastIndexOf('\n') + 1)) as { changes: number }).changes;
    return { ...rest, changes: inFile + rest.changes, bytes: fileBytes + rest.bytes, ms: performance.now() - t0, firstByteMs, fileBytes };
  }

  /** Holds the live channel open; `onPoke` hears each poke's change number. */
  live(onPoke: (changeNo: number) => void = () => {}): { close: () => void; opened: Promise<void> } {
    const ctl = new AbortController();
    let ready!: () => void;
    const opened = new Promise<void>((r) => (ready = r));
    void (async () => {
      try {
        const res = await fetch(`${this.reg.url}/v1/sync/live`, { headers: this.auth, signal: ctl.signal });
        ready();
        const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let end: number;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const msg = buf.slice(0, end);
            buf = buf.slice(end + 2);
            if (/^event: poke$/m.test(msg)) onPoke(Number(/^data: (\d+)$/m.exec(msg)?.[1] ?? 0));
          }
        }
      } catch {
        // closed (abort) or the registry went away: a real station would reconnect; the benchmark counts pokes
      } finally {
        ready();
      }
    })();
    return { close: () => ctl.abort(), opened };
  }
}
