// One bad station must never stop sync (issue 12): far-future clock stamps, text the database
// cannot hold, a walk-in claiming someone else's printed badge, walk-ins valid on days that are
// no days (or not the event's, or too many), an oversized event — each is
// refused with a reason, the hostile station's sequence moves on, and every other station keeps
// scanning and syncing with a sane clock. Plus: fast-check over every text field of every event
// kind, straight into ingest, on PGlite and on PostgreSQL: stored exactly, or refused — never a 500.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hlc from '../../core/hlc';
import { EVENT_KINDS } from '../../core/model';
import { addDays } from '../../core/time';
import { openRegistryDb, type RegistryDb } from '../../registry/db';
import { ingest } from '../../registry/ingest';
import { events as eventsTable, stations as stationsTable } from '../../registry/schema';
import { checkIn } from '../../station/checkin';
import { openStation } from '../../station/station';
import { skippedChanges } from '../../station/sync/pull';
import { setSetting } from '../../db/settings';
import { startPgCluster, type PgCluster } from '../../testkit/pg-cluster';
import { pgliteTemplate } from '../../testkit/registry-proc';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes, tempDir } from '../helpers/station';

const demo = useDemoRegistry('foyer-hostile-');

function wire(stationId: string, seq: number, over: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    stationId,
    seq,
    hlc: hlc.serialize({ millis: Date.now(), counter: seq, node: '0123456789abcdef' }),
    wallTime: Date.now(),
    kind: 'scan',
    attendeeId: null,
    roomId: null,
    sessionId: null,
    verdict: 'refused',
    reason: 'unknown_code',
    operator: null,
    payload: { code: 'NOPE' },
    day: new Date().toISOString().slice(0, 10),
    ...over,
  };
}

function walkin(stationId: string, seq: number, validDays: string[], givenName = 'Walk') {
  const attendee = { givenName, familyName: 'In', organisation: '', delegation: '', country: '', category: 'ngo', validDays, notes: '', badgeCodes: [`W-${seq}-${crypto.randomUUID()}`] };
  return wire(stationId, seq, { kind: 'walkin', attendeeId: crypto.randomUUID(), verdict: null, reason: null, payload: { attendee } });
}

describe('a hostile station', () => {
  it('far-future stamps, NUL text, a taken badge code and a 70 kB event are refused one by one; everyone else keeps syncing', async () => {
    const honest = await demo.pairedStation('Honest desk', { syncNow: true });
    const other = await demo.pairedStation('Other door', { syncNow: true });
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Rogue' });
    const paired = await fetch(`${demo.reg.url}/v1/pair`, { method: 'POST', body: JSON.stringify({ protocol: 1, code, stationId: 'rogue', name: 'Rogue' }) });
    const { token } = (await paired.json()) as { token: string };
    const [victim] = demoCodes(honest.station, 1);
    const days = honest.station.eventInfo().days;

    const hostile = [
      wire('rogue', 1, { hlc: '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff' }),
      wire('rogue', 2, { hlc: hlc.serialize({ millis: Date.parse('2099-01-01'), counter: 0, node: '0123456789abcdef' }), kind: 'note', attendeeId: victim!.attendeeId, payload: { notes: 'from 2099' } }),
      wire('rogue', 3, { hlc: 'Z'.repeat(46) }),
      wire('rogue', 4, { kind: 'note', attendeeId: victim!.attendeeId, payload: { notes: 'pasted\u0000note' } }),
      wire('rogue', 5, {
        kind: 'walkin',
        attendeeId: crypto.randomUUID(),
        verdict: null,
        reason: null,
        payload: { attendee: { givenName: 'Walk', familyName: 'In', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null, notes: '', badgeCodes: [victim!.code] } },
      }),
      wire('rogue', 6, { payload: { code: 'x'.repeat(70 * 1024) } }),
      wire('rogue', 7),
      // Walk-ins the registry would store and serve as people every station refuses on download.
      walkin('rogue', 8, ['2026-02-30']),
      walkin('rogue', 9, ['someday']),
      walkin('rogue', 10, [addDays(days.at(-1)!, 1)]),
      walkin('rogue', 11, Array.from({ length: 61 }, (_, i) => addDays(days[0]!, i))),
      walkin('rogue', 12, [days[0]!], 'Honest'),
    ];
    const res = await fetch(`${demo.reg.url}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, stationId: 'rogue', events: hostile }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { acked: number; stored: number; rejected: { seq: number; reason: string }[] };
    expect(body.stored).toBe(2);
    expect(body.acked).toBe(12); // the rogue's sequence moves on: nothing is stuck
    const why = Object.fromEntries(body.rejected.map((r) => [r.seq, r.reason]));
    expect(why[1]).toMatch(/ahead of the registry's clock; the limit is 5 minutes/);
    expect(why[2]).toMatch(/days ahead of the registry's clock/);
    expect(why[3]).toMatch(/invalid event|malformed/);
    expect(why[4]).toMatch(/field payload\.notes contains a control character/);
    expect(why[5]).toMatch(/already belongs to another attendee/);
    expect(why[6]).toMatch(/too large/);
    expect(why[8]).toMatch(/walk-in's person cannot be read: attendee\.validDays\.0 not a day of the calendar/);
    expect(why[9]).toMatch(/walk-in's person cannot be read: attendee\.validDays\.0/);
    expect(why[10]).toBe(`the walk-in's badge is valid on ${addDays(days.at(-1)!, 1)}, which is not a day of the event (${days.join(', ')})`);
    expect(why[11]).toMatch(/walk-in's person cannot be read: attendee\.validDays/);
    expect(why[12]).toBeUndefined();

    // Everyone else: scan, sync, see each other's scans, with believable clocks.
    const a = checkIn(honest.station, victim!.code, Date.now());
    expect(a.verdict).toBe('admitted');
    expect((await honest.client.syncNow()).ok).toBe(true);
    expect((await other.client.syncNow()).ok).toBe(true);
    const b = checkIn(other.station, demoCodes(other.station, 2)[1]!.code, Date.now());
    expect((await other.client.syncNow()).ok).toBe(true);
    expect((await honest.client.syncNow()).ok).toBe(true);
    for (const s of [honest.station, other.station]) {
      const ids = (s.db.sqlite.prepare('select id, hlc from events').all() as { id: string; hlc: string }[]);
      expect(ids.map((e) => e.id)).toEqual(expect.arrayContaining([a.eventId, b.eventId]));
      for (const e of ids) expect(hlc.stampProblem(e.hlc, Date.now()), e.hlc).toBeNull();
      // Of the rogue's walk-ins only the honest one became a person; nothing was left out of a download.
      const walkins = s.db.sqlite.prepare("select given_name as g from attendees where family_name = 'In'").all() as { g: string }[];
      expect(walkins.map((w) => w.g)).toEqual(['Honest']);
      expect(skippedChanges(s)).toEqual([]);
      // The victim's printed badge still names the victim, not the walk-in.
      const holders = s.db.sqlite.prepare('select attendee_id as id from badge_codes where code = ?').all(victim!.code) as { id: string }[];
      expect(holders.map((h) => h.id)).toEqual([victim!.attendeeId]);
    }
  });

  it('a station whose clock an older build let run to year 9999 heals on upgrade and uploads again', async () => {
    const { station, client } = await demo.pairedStation('Poisoned', { syncNow: true });
    setSetting(station.db.orm, 'hlc', { millis: Date.parse('9999-12-31T23:59:59.999Z'), counter: 0xffff, node: hlc.nodeIdFor(station.id) });
    const dir = station.dataDir;
    client.stop();
    station.close();
    const upgraded = openStation(dir);
    demo.opened.push(upgraded);
    const r = checkIn(upgraded, demoCodes(upgraded, 3)[2]!.code, Date.now());
    const stamp = (upgraded.db.sqlite.prepare('select hlc from events where id = ?').get(r.eventId) as { hlc: string }).hlc;
    expect(hlc.stampProblem(stamp, Date.now())).toBeNull();
    const { newSyncClient } = await import('../../station/sync/index');
    const c = newSyncClient(upgraded, { live: false });
    demo.clients.push(c);
    const rep = await c.syncNow();
    expect(rep.ok, rep.message ?? '').toBe(true);
    const stored = await demo.reg.admin<{ id: string }[]>('GET', '/v1/admin/events?limit=10000');
    expect(stored.map((e) => e.id)).toContain(r.eventId);
  });
});

// ---- every text field of every event kind, on PGlite and PostgreSQL -------------------------

const TEXT_FIELDS = ['operator', 'reason', 'attendeeId', 'roomId', 'sessionId', 'payload.notes', 'payload.code', 'payload.attendee.givenName', 'payload.attendee.organisation', 'payload.key'] as const;

function withText(e: ReturnType<typeof wire>, field: (typeof TEXT_FIELDS)[number], text: string) {
  const x = structuredClone(e) as Record<string, unknown> & { payload: Record<string, unknown> };
  if (field === 'payload.key') x.payload = { ...x.payload, [text.slice(0, 40) || 'k']: 1 };
  else if (field.startsWith('payload.attendee.')) {
    x.payload = { attendee: { givenName: 'A', familyName: 'B', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null, notes: '', badgeCodes: [], [field.split('.')[2]!]: text.slice(0, 200) } };
  } else if (field.startsWith('payload.')) x.payload = { ...x.payload, [field.split('.')[1]!]: text };
  else x[field] = text.slice(0, 64);
  return x;
}

async function fuzzIngest(db: RegistryDb) {
  await db.orm.insert(stationsTable).values({ id: 'fuzz', name: 'Fuzz', tokenHash: crypto.randomBytes(8).toString('hex') });
  let seq = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.constantFrom(...EVENT_KINDS), fc.constantFrom(...TEXT_FIELDS), fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\ud800', '\udfff', '\u001b', '\u007f', '\u0085', '\n', '\t', 'é', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 })), { minLength: 1, maxLength: 6 }),
      async (list) => {
        const batch = list.map(([kind, field, text]) => withText(wire('fuzz', ++seq, { kind, attendeeId: kind === 'walkin' ? crypto.randomUUID() : null }), field, text)) as ReturnType<typeof wire>[];
        const r = await ingest(db.orm, 'fuzz', batch, Date.now());
        // Every event is settled: stored, or refused with a reason.
        expect(r.acked).toBe(seq);
        const refused = new Set(r.rejected.map((x) => x.id));
        expect(r.stored + refused.size).toBe(batch.length);
        for (const e of batch.filter((x) => !refused.has(x.id))) {
          const [row] = await db.orm.select().from(eventsTable).where(eqId(e.id));
          expect(row, 'stored').toBeTruthy();
          expect({ operator: row!.operator, reason: row!.reason, attendeeId: row!.attendeeId, payload: row!.payload }).toEqual({ operator: e.operator, reason: e.reason, attendeeId: e.attendeeId, payload: e.payload });
        }
      },
    ),
    { numRuns: 60 },
  );
}

import { eq } from 'drizzle-orm';
const eqId = (id: string) => eq(eventsTable.id, id);

describe('every text field of every event kind reaches the database intact or is refused', () => {
  let pg: PgCluster;
  beforeAll(async () => {
    pg = await startPgCluster();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });

  it('on PGlite', async () => {
    const dir = tempDir('foyer-fuzz-pglite-');
    fs.cpSync(await pgliteTemplate(), path.join(dir, 'pgdata'), { recursive: true });
    const db = await openRegistryDb({ dataDir: dir });
    try {
      await fuzzIngest(db);
    } finally {
      await db.close();
    }
  });

  it('on PostgreSQL', async () => {
    const db = await openRegistryDb({ dataDir: tempDir('foyer-fuzz-pg-'), databaseUrl: await pg.createDatabase('fuzz') });
    try {
      await fuzzIngest(db);
    } finally {
      await db.close();
    }
  });
});
