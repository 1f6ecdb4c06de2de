// The live channel: a Server-Sent Events stream of data-free pokes ("pull now").
// Node 20 has no EventSource, and the format is four lines, so it is read by hand.
// A silent connection (no heartbeat within `staleMs`) counts as dead: a pulled cable
// sends no FIN, and the station must notice it is offline by itself. LiveChannel keeps one
// such connection open while sync wants it, and reconnects with back-off when it drops.
export interface LiveOptions {
  url: string;
  token: string;
  fetch?: typeof fetch;
  staleMs?: number;
  onPoke: (changeNo: number) => void;
  onOpen: () => void;
  onClose: (status: number | null) => void;
}

export function connectLive(o: LiveOptions): { close: () => void } {
  const ctl = new AbortController();
  let stale: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(stale);
    stale = setTimeout(() => ctl.abort(), o.staleMs ?? 40_000);
  };
  let closedByUs = false;
  void (async () => {
    let status: number | null = null;
    try {
      arm();
      const res = await (o.fetch ?? fetch)(o.url, { headers: { authorization: `Bearer ${o.token}`, accept: 'text/event-stream' }, signal: ctl.signal });
      status = res.status;
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => {});
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      let eventName = '';
      let data = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        arm();
        buf += value;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, '');
          buf = buf.slice(nl + 1);
          if (line === '') {
            if (eventName === 'hello') o.onOpen();
            if (eventName === 'poke' || eventName === 'hello') o.onPoke(Number(data) || 0);
            eventName = '';
            data = '';
          } else if (line.startsWith('event:')) eventName = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        if (buf.length > 64 * 1024) break; // a misbehaving server: drop and reconnect
      }
    } catch {
      // network error or our own abort
    } finally {
      clearTimeout(stale);
      if (!closedByUs) o.onClose(status === 200 ? null : status);
    }
  })();
  return {
    close: () => {
      closedByUs = true;
      ctl.abort();
    },
  };
}

export interface LiveChannelOptions {
  staleMs: number;
  /** Delay before reconnecting after the n-th failure in a row. */
  backoff: (failures: number) => number;
  onOpen: () => void;
  onPoke: (changeNo: number) => void;
  /** The connection dropped (status: the registry's refusal, or null); false: do not reconnect. */
  onDrop: (status: number | null) => boolean;
  /** Reconnect (the caller decides with which link, or not at all). */
  reconnect: () => void;
}

export class LiveChannel {
  /** The registry said hello on the current connection. */
  connected = false;
  private conn: { close: () => void } | null = null;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly o: LiveChannelOptions) {}

  /** A connection is open or being opened. */
  get open(): boolean {
    return this.conn !== null;
  }

  connect(url: string, token: string, fetchImpl?: typeof fetch): void {
    this.close();
    this.conn = connectLive({
      url,
      token,
      fetch: fetchImpl,
      staleMs: this.o.staleMs,
      onOpen: () => {
        this.connected = true;
        this.failures = 0;
        this.o.onOpen();
      },
      onPoke: this.o.onPoke,
      onClose: (status) => {
        this.connected = false;
        this.conn = null;
        if (!this.o.onDrop(status)) return;
        this.failures++;
        clearTimeout(this.retry);
        this.retry = setTimeout(() => this.o.reconnect(), this.o.backoff(this.failures));
      },
    });
  }

  close(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.conn?.close();
    this.conn = null;
    this.connected = false;
  }
}
