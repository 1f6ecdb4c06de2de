// Live pokes: a data-free "pull now" to every connected station after a commit that
// handed out change numbers. With a real PostgreSQL server several registry
// processes share one database, so pokes travel through LISTEN/NOTIFY; PGlite is a
// single process and pokes directly.
import type { RegistryDb } from './db';

/** A station's live stream, or an open organiser console (stationId null: never kicked, not counted). */
type Subscriber = { stationId: string | null; poke: (changeNo: number) => void; close: () => void };

const POKE = 'foyer_poke';
const KICK = 'foyer_kick';

export class LiveHub {
  private subs = new Set<Subscriber>();
  private latest = 0;
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(private db: RegistryDb) {}

  async start(): Promise<void> {
    if (this.db.listen) {
      await this.db.listen(POKE, (p) => this.pokeLocal(Number(p) || 0));
      await this.db.listen(KICK, (id) => this.kickLocal(id));
    }
  }

  subscribe(s: Subscriber): () => void {
    this.subs.add(s);
    return () => this.subs.delete(s);
  }

  /** Stations connected to this process. */
  get connected(): number {
    let n = 0;
    for (const s of this.subs) if (s.stationId !== null) n++;
    return n;
  }

  /** Something changed up to `changeNo`: tell every station (in every registry process). */
  changed(changeNo: number): void {
    if (this.db.listen) void this.db.notify(POKE, String(changeNo)).catch(() => this.pokeLocal(changeNo));
    else this.pokeLocal(changeNo);
  }

  /**
   * Something was committed; `read` gives the change number to announce (read after the commit).
   * A burst of pushes pokes once per read in flight, not once per push: a change committed while
   * a read is under way is announced by one more read when it ends. Two hundred stations pushing
   * at once then cost a handful of NOTIFYs and fan-outs instead of two hundred, and the push
   * answers without waiting for any of it.
   */
  soon(read: () => Promise<number>): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = (async () => {
      do {
        this.again = false;
        try {
          const n = await read();
          if (this.db.listen) await this.db.notify(POKE, String(n)).catch(() => this.pokeLocal(n));
          else this.pokeLocal(n);
        } catch {
          // the database is gone or busy failing: the next change pokes again
        }
      } while (this.again);
    })().finally(() => (this.sending = null));
  }

  /** A station was revoked: close its live connections at once. */
  kick(stationId: string): void {
    if (this.db.listen) void this.db.notify(KICK, stationId).catch(() => this.kickLocal(stationId));
    else this.kickLocal(stationId);
  }

  closeAll(): void {
    for (const s of [...this.subs]) s.close();
    this.subs.clear();
  }

  private pokeLocal(changeNo: number): void {
    this.latest = Math.max(this.latest, changeNo);
    for (const s of this.subs) s.poke(this.latest);
  }

  private kickLocal(stationId: string): void {
    for (const s of [...this.subs]) if (s.stationId === stationId) s.close();
  }
}
