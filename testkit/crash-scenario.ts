// One seeded crash: the real headless host takes a burst of requests over HTTP (desk scans,
// door scans, manual counters and undos; valid demo codes, repeats, unknown codes and junk),
// gets SIGKILLed at a random point, restarts on the same data folder, and the database is
// checked against everything that was acknowledged. Used by tests/integration/crash.test.ts
// (a few seeds) and bench/crash.bench.ts (many).
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { attendees, badgeCodes, rooms } from '../db/schema/index';
import { prng } from '../resources/demo/generate';
import { seedDemoEvent } from '../resources/demo/seed';
import { openStation } from '../station/station';
import { rebuiltSnapshot, snapshotDerived } from './derived';
import { startHostProcess } from './host';
import { tempDir } from './temp';

export interface CrashOptions {
  seed: number;
  /** Requests planned for the burst (the kill comes after 10–90 % of them are acknowledged). */
  scans?: number;
  /** Requests in flight at once (several are cut by the kill). */
  concurrency?: number;
  dir?: string;
}

export interface CrashResult {
  seed: number;
  /** Requests planned for the burst. */
  planned: number;
  /** Requests sent before the kill stopped the burst: the burst's real size. */
  sent: number;
  /** Scans answered with a stored verdict before the kill. */
  acknowledged: number;
  /** Manual counters answered "counted" and undos answered "undone" before the kill. */
  acknowledgedCounters: number;
  acknowledgedUndos: number;
  /** Requests cut by the kill (no answer: the desk would show "Not saved"). */
  cut: number;
  /** Events in the log after restart (own events; may exceed acknowledged: committed but unanswered). */
  logged: number;
  /** Acknowledged scans, counters and undos missing after restart or stored differently from what was shown. */
  lost: string[];
  /** Every other broken invariant: sequence, outbox, derived state, a refusal that is no sentence, the restart. */
  violations: string[];
}

/** What the screen showed, keyed so the stored event can be found again. */
type Ack =
  | { kind: 'scan'; eventId: string; verdict: string; reason: string; text: string }
  | { kind: 'counter'; operator: string; delta: number }
  | { kind: 'undo'; target: string };

/** Makes the burst's texts: mostly real codes (so people are admitted and repeated), plus unknown codes and junk. */
function burst(rnd: () => number, codes: string[], n: number): { method: 'checkin.scan' | 'door.scan' | 'occupancy.counter' | 'checkin.undo'; text: string; delta?: number }[] {
  const out: ReturnType<typeof burst> = [];
  const junkChars = '\u0000\u0007\u001b\u202e\ufeff<>"\'&;|=+-@\\ \t\r\n';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const code = codes[Math.floor(rnd() * codes.length)]!;
    if (r < 0.45) out.push({ method: 'checkin.scan', text: code });
    else if (r < 0.7) out.push({ method: 'door.scan', text: code });
    else if (r < 0.8) out.push({ method: 'checkin.scan', text: `A23-${Math.floor(rnd() * 1e6).toString(36).toUpperCase().padStart(6, 'Z')}` });
    else if (r < 0.9) {
      const len = Math.floor(rnd() * (rnd() < 0.1 ? 12_000 : 80));
      let s = '';
      for (let k = 0; k < len; k++) s += rnd() < 0.5 ? junkChars[Math.floor(rnd() * junkChars.length)] : String.fromCharCode(32 + Math.floor(rnd() * 0x2fff));
      out.push({ method: rnd() < 0.5 ? 'checkin.scan' : 'door.scan', text: s });
    } else if (r < 0.95) out.push({ method: 'occupancy.counter', text: '', delta: rnd() < 0.7 ? 1 : -1 });
    else out.push({ method: 'checkin.undo', text: '' });
  }
  return out;
}

export async function runCrash(o: CrashOptions): Promise<CrashResult> {
  const rnd = prng(o.seed * 104_729 + 7);
  const dir = o.dir ?? tempDir('foyer-crash-');
  const n = o.scans ?? 1000;
  // Prepare the station in-process (demo event, door on a room), then hand the folder to the host.
  const st = openStation(dir, { stationName: 'Crash desk', seed: seedDemoEvent });
  const codes = st.db.orm
    .select({ code: badgeCodes.code })
    .from(badgeCodes)
    .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
    .limit(400)
    .all()
    .map((r) => r.code)
    .filter((_, i) => i % 5 === 0); // 80 people: plenty of repeats in 1,000 scans
  const room = st.db.orm.select().from(rooms).limit(1).get()!;
  st.close();

  let host = await startHostProcess({ dataDir: dir });
  const violations: string[] = [];
  const lost: string[] = [];
  const acks: Ack[] = [];
  let cut = 0;
  let scansAcked = 0;
  try {
    const cfg = await host.call('door.configure', { roomId: room.id, mode: 'toggle' });
    if (!cfg.ok) throw new Error(`door.configure failed: ${cfg.error.message}`);
    const plan = burst(rnd, codes, n);
    const killAfter = Math.floor(n * (0.1 + 0.8 * rnd()));
    let started = 0;
    let killed = false;
    const current = host;
    const one = async (i: number) => {
      const p = plan[i]!;
      // A counter answers without an event id: a unique operator finds its event again. An undo
      // names the admission it took back, and its stored event points at that admission.
      const operator = `crash-${i}`;
      const args = p.method === 'occupancy.counter' ? { roomId: room.id, delta: p.delta, operator } : p.method === 'checkin.undo' ? {} : { text: p.text };
      let res;
      try {
        res = await current.call<{ eventId?: string | null; verdict?: string; reason?: string; applied?: boolean; undone?: boolean; target?: { eventId: string } | null }>(p.method, args);
      } catch {
        cut++;
        return;
      }
      if (!res.ok) {
        // A refusal that is not a verdict must still be a sentence, never a stack trace.
        if (!/^[A-Z].*[.!?)]$/s.test(res.error.message) || /\bat \w+ \(|Error:/.test(res.error.message)) violations.push(`not a sentence: ${res.error.message}`);
        return;
      }
      const v = res.value;
      if ((p.method === 'checkin.scan' || p.method === 'door.scan') && v.eventId) {
        acks.push({ kind: 'scan', eventId: v.eventId, verdict: v.verdict!, reason: v.reason!, text: p.text });
        scansAcked++;
      }
      if (p.method === 'occupancy.counter' && v.applied) acks.push({ kind: 'counter', operator, delta: p.delta! });
      if (p.method === 'checkin.undo' && v.undone) {
        if (v.target?.eventId) acks.push({ kind: 'undo', target: v.target.eventId });
        else violations.push('an undo answered "undone" without naming what it took back');
      }
      if (!killed && scansAcked >= killAfter) {
        killed = true;
        current.proc.kill('SIGKILL');
      }
    };
    await new Promise<void>((resolve) => {
      let running = 0;
      const pump = () => {
        while (running < (o.concurrency ?? 4) && started < n && !killed) {
          running++;
          void one(started++).finally(() => {
            running--;
            if (running === 0 && (killed || started >= n)) resolve();
            else pump();
          });
        }
        if (running === 0) resolve();
      };
      pump();
    });
    if (!killed) current.proc.kill('SIGKILL');
    await host.stop();

    // Restart on the same folder: it must open (no repair step) and take the next scan.
    host = await host.restart();
    const next = await host.call<{ eventId: string }>('checkin.scan', { text: codes[0]! });
    if (!next.ok) violations.push(`the restarted host refused a scan: ${next.error.message}`);
    await host.stop();

    // ---- invariants, read straight from the file -------------------------------
    const db = new Database(path.join(dir, 'foyer.sqlite'));
    try {
      const self = (db.prepare("select value from settings where key = 'self'").get() as { value: string }).value;
      const selfId = JSON.parse(self) as string;
      const rows = db.prepare('select id, station_id as stationId, seq, kind, verdict, reason, operator, payload, pushed_at as pushedAt from events').all() as {
        id: string;
        stationId: string;
        seq: number;
        kind: string;
        verdict: string | null;
        reason: string | null;
        operator: string | null;
        payload: string;
        pushedAt: number | null;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      const undone = new Set(rows.filter((r) => r.kind === 'undo').map((r) => (JSON.parse(r.payload) as { target?: string }).target));
      const byOperator = new Map(rows.filter((r) => r.operator?.startsWith('crash-')).map((r) => [r.operator!, r]));
      for (const a of acks) {
        if (a.kind === 'scan') {
          const r = byId.get(a.eventId);
          if (!r) lost.push(`acknowledged ${a.verdict} scan ${a.eventId} (${JSON.stringify(a.text.slice(0, 20))}) is missing`);
          else if (r.verdict !== a.verdict || r.reason !== a.reason) lost.push(`scan ${a.eventId} was shown as ${a.verdict}/${a.reason} but stored as ${r.verdict}/${r.reason}`);
        } else if (a.kind === 'counter') {
          const r = byOperator.get(a.operator);
          const delta = r ? (JSON.parse(r.payload) as { delta?: number }).delta : undefined;
          if (!r || r.kind !== 'counter') lost.push(`acknowledged counter ${a.delta > 0 ? '+' : ''}${a.delta} (${a.operator}) is missing`);
          else if (delta !== a.delta) lost.push(`counter ${a.operator} was shown as ${a.delta} but stored as ${delta}`);
        } else if (!undone.has(a.target)) {
          lost.push(`acknowledged undo of ${a.target} is missing`);
        }
      }
      const own = rows.filter((r) => r.stationId === selfId);
      const seqs = own.map((r) => r.seq).sort((a, b) => a - b);
      if (seqs.some((q, k) => q !== k + 1)) violations.push('the station’s own sequence numbers have holes or repeats');
      // Not paired: every own event is still waiting in the outbox.
      const outbox = own.filter((r) => r.pushedAt === null).length;
      if (outbox !== own.length) violations.push(`outbox holds ${outbox} of ${own.length} unsynced own events`);
      if (next.ok && !byId.has(next.value.eventId)) violations.push('the scan after restart is missing');
      if (snapshotDerived(db) !== rebuiltSnapshot(db)) violations.push('derived state (admissions/occupancy) differs from a rebuild from the log');
      const count = (k: Ack['kind']) => acks.filter((a) => a.kind === k).length;
      return {
        seed: o.seed,
        planned: n,
        sent: started,
        acknowledged: count('scan'),
        acknowledgedCounters: count('counter'),
        acknowledgedUndos: count('undo'),
        cut,
        logged: own.length,
        lost,
        violations,
      };
    } finally {
      db.close();
    }
  } finally {
    await host.stop().catch(() => undefined);
  }
}
