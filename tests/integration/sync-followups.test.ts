// Follow-ups to the sync protocol, against a real registry process and station cores with
// their own SQLite files: oversized events and desk notes (docs/sync-protocol.md).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { WalkinForm } from '../../core/api/desk';
import { getAttendee } from '../../db/attendees';
import { events, rooms, sessionAccess, sessions } from '../../db/schema/index';
import { checkIn } from '../../station/checkin';
import { registerWalkin, setNote } from '../../station/desk';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { outboxCount, rejectedEvents } from '../../station/sync/outbox';
import { useDemoRegistry } from '../helpers/demo-registry';
import { demoCodes, freshStation } from '../helpers/station';

const demo = useDemoRegistry('foyer-reg-followups-');
const { opened, clients } = demo;
const pairedStation = (name: string) => demo.pairedStation(name);

describe('oversized events', () => {
  it('a station refuses to create an event too large to upload, and loses nothing else', async () => {
    const { station } = freshStation({ stationName: 'Desk big' });
    opened.push(station);
    const [{ attendeeId }] = demoCodes(station, 1) as [{ attendeeId: string; code: string }];
    const before = station.db.orm.select({ n: count() }).from(events).get()!.n;
    // The API caps a note at 500 characters; the append guard is the last line of defence.
    expect(() => setNote(station, attendeeId, 'x'.repeat(70_000), Date.now())).toThrow(/too long to save/);
    expect(station.db.orm.select({ n: count() }).from(events).get()!.n).toBe(before);
    expect(setNote(station, attendeeId, 'needs wheelchair access', Date.now()).eventId).toBeTruthy();
  });

  it('an old event larger than the push limit is refused once with its reason; the events after it upload', async () => {
    const { station, client } = await pairedStation('Desk legacy');
    await client.syncNow();
    const [{ code }] = demoCodes(station, 1) as [{ code: string; attendeeId: string }];
    // Written straight into the log, as a station from before the cap might have.
    const t = Date.now();
    const bigId = station.write(() => {
      const e = station.append({ kind: 'scan', attendeeId: null, roomId: null, sessionId: null, verdict: 'refused', reason: 'malformed', operator: null, payload: {} }, t);
      station.db.orm.update(events).set({ payload: { blob: 'y'.repeat(3 * 1024 * 1024) } }).where(eq(events.id, e.id)).run();
      return e.id;
    });
    const big = { id: bigId };
    const after = checkIn(station, code, t + 10);
    const rep = await client.syncNow();
    expect(rep.state, client.lastError?.message).toBe('online');
    expect(outboxCount(station)).toBe(0);
    const why = rejectedEvents(station).find((r) => r.id === big.id);
    expect(why?.reason).toMatch(/too large to upload/);
    const stored = await demo.reg.admin<{ id: string }[]>('GET', '/v1/admin/events?limit=10000');
    const ids = new Set(stored.map((e) => e.id));
    expect(ids.has(after.eventId!)).toBe(true);
    expect(ids.has(big.id)).toBe(false);
    // The next cycle does not try again.
    const again = await client.syncNow();
    expect(again.pushed).toBe(0);
  });
});

describe('desk notes travel', () => {
  it('a note travels to every station; a pull never wipes a newer local note; a later organiser edit wins', async () => {
    const a = await pairedStation('Desk notes A');
    // B's first client cannot upload (its uploads fail as if cut): it only downloads.
    const { station: bStation } = await pairedStation('Desk notes B');
    const pullOnly = newSyncClient(bStation, {
      live: false,
      fetch: (async (url: string | URL | Request, init?: RequestInit) =>
        String(url).includes('/v1/sync/push') ? Promise.reject(new TypeError('fetch failed')) : fetch(url, init)) as typeof fetch,
    });
    clients.push(pullOnly);
    await a.client.syncNow();
    await pullOnly.syncNow();
    const [{ attendeeId }] = demoCodes(a.station, 3).slice(-1) as [{ attendeeId: string; code: string }];
    const t = Date.now();
    setNote(a.station, attendeeId, 'Needs wheelchair access', t - 5_000);
    await a.client.syncNow();
    await pullOnly.syncNow();
    expect(getAttendee(bStation.db.orm, attendeeId)?.notes).toBe('Needs wheelchair access');
    setNote(bStation, attendeeId, 'Wheelchair: use the east lift', t); // newer by HLC, not uploaded yet
    // The organiser corrects the name: the row (with A's older note) comes down again.
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${attendeeId}`, { givenName: 'Corrected' });
    const rep = await pullOnly.syncNow();
    expect(rep.pulled).toBeGreaterThan(0);
    expect(getAttendee(bStation.db.orm, attendeeId)?.givenName).toBe('Corrected');
    expect(getAttendee(bStation.db.orm, attendeeId)?.notes).toBe('Wheelchair: use the east lift');

    const b = newSyncClient(bStation, { live: false });
    clients.push(b);
    await b.syncNow();
    await a.client.syncNow();
    for (const s of [a.station, bStation]) expect(getAttendee(s.db.orm, attendeeId)?.notes).toBe('Wheelchair: use the east lift');
    const onRegistry = await demo.reg.admin<{ id: string; notes: string }[]>('GET', `/v1/admin/attendees?limit=1000`);
    expect(onRegistry.find((x) => x.id === attendeeId)?.notes).toBe('Wheelchair: use the east lift');

    // A station that never synced before gets the note in its first download.
    const c = await pairedStation('Desk notes C');
    await c.client.syncNow();
    expect(getAttendee(c.station.db.orm, attendeeId)?.notes).toBe('Wheelchair: use the east lift');

    // The organiser edits the note later: that is the newest note everywhere.
    await new Promise((r) => setTimeout(r, 10));
    await demo.reg.admin('PATCH', `/v1/admin/attendees/${attendeeId}`, { notes: 'Speaker: reserved seat, row 1' });
    await a.client.syncNow();
    await b.syncNow();
    for (const s of [a.station, bStation]) expect(getAttendee(s.db.orm, attendeeId)?.notes).toBe('Speaker: reserved seat, row 1');
  });

  it('a note on a walk-in made at another desk before the walk-in synced still lands', async () => {
    const a = await pairedStation('Walk-in desk');
    const b = await pairedStation('Help desk');
    await a.client.syncNow();
    await b.client.syncNow();
    const r = registerWalkin(a.station, WalkinForm.parse({ givenName: 'Ilse', familyName: 'Vermeulen', category: 'delegation', notes: 'Form note' }), Date.now(), { checkIn: false });
    if (r.status !== 'registered') throw new Error('walk-in not registered');
    await a.client.syncNow();
    await b.client.syncNow();
    setNote(b.station, r.attendee.id, 'Lost her bag at the cloakroom', Date.now() + 1000);
    await b.client.syncNow();
    await a.client.syncNow();
    await b.client.syncNow();
    for (const s of [a.station, b.station]) expect(getAttendee(s.db.orm, r.attendee.id)?.notes).toBe('Lost her bag at the cloakroom');
  });
});

/** The operator CLI against the running registry (what a logistics lead would type). */
async function cli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'registry/admin-cli.ts', '--url', demo.reg.url, '--token', demo.reg.adminToken, ...args], { encoding: 'utf8' });
  return stdout;
}

describe('room settings and invitation lists travel', () => {

  it('capacity, thresholds and full policy set at the registry, and a session’s invitation list, reach a door; opening the list again clears it', async () => {
    const door = await pairedStation('Door Hall B');
    await door.client.syncNow();
    const session = door.station.db.orm.select().from(sessions).all()[0]!;
    const room = door.station.db.orm.select().from(rooms).where(eq(rooms.id, session.roomId)).get()!;
    const invited = demoCodes(door.station, 3).map((c) => c.attendeeId);

    await cli('room', room.id, '--name', room.name, '--capacity', '40', '--warn', '60', '--critical', '90', '--policy', 'warn', '--floor', 'Level 2');
    await cli('invitations', session.id, '--ids', invited.join(','));
    expect((await door.client.syncNow()).ok).toBe(true);
    expect(door.station.db.orm.select().from(rooms).where(eq(rooms.id, room.id)).get()).toMatchObject({ capacity: 40, warnPct: 60, criticalPct: 90, fullPolicy: 'warn', floor: 'Level 2' });
    const list = () =>
      door.station.db.orm
        .select({ a: sessionAccess.attendeeId })
        .from(sessionAccess)
        .where(eq(sessionAccess.sessionId, session.id))
        .all()
        .map((r) => r.a)
        .sort();
    expect(list()).toEqual([...invited].sort());

    // A shorter list replaces the old one; --open admits everyone again.
    await demo.reg.admin('PUT', `/v1/admin/sessions/${session.id}/invitations`, { attendeeIds: [invited[0]] });
    await door.client.syncNow();
    expect(list()).toEqual([invited[0]]);
    await cli('invitations', session.id, '--open');
    await door.client.syncNow();
    expect(list()).toEqual([]);

    // Bad input gets a sentence, not a 500.
    const res = await fetch(`${demo.reg.url}/v1/admin/sessions/no-such-session/invitations`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${demo.reg.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ attendeeIds: ['x'] }),
    });
    expect(res.status).toBe(404);
  }, 60_000);
});

describe('a desk’s admission rules set by the organiser travel (#13.5)', () => {
  it('station-rules sets "refuse repeat scans" and the categories of one desk; it applies them at its next sync; a later change at the desk stands', async () => {
    const desk = await pairedStation('Desk VIP');
    const other = await pairedStation('Desk Main');
    await desk.client.syncNow();
    const [media, ngo] = ['media', 'ngo'].map((cat) =>
      demoCodes(desk.station, 1200).find((c) => getAttendee(desk.station.db.orm, c.attendeeId)?.category === cat && getAttendee(desk.station.db.orm, c.attendeeId)?.status === 'active' && !getAttendee(desk.station.db.orm, c.attendeeId)?.notes && !getAttendee(desk.station.db.orm, c.attendeeId)?.validDays)!,
    );
    const out = await cli('station-rules', desk.station.id, '--repeat', 'refuse', '--categories', 'media,speaker');
    expect(JSON.parse(out)).toMatchObject({ repeatPolicy: 'refuse', allowedCategories: ['media', 'speaker'] });
    const sr = await desk.client.syncNow();
    expect(sr, JSON.stringify(sr)).toMatchObject({ ok: true });
    expect(desk.station.config()).toMatchObject({ repeatPolicy: 'refuse', allowedCategories: ['media', 'speaker'] });
    const now = Date.now();
    expect(checkIn(desk.station, ngo!.code, now)).toMatchObject({ verdict: 'refused', reason: 'category_not_allowed' });
    expect(checkIn(desk.station, media!.code, now).verdict).toBe('admitted');
    expect(checkIn(desk.station, media!.code, now + 1000)).toMatchObject({ verdict: 'refused', reason: 'already_checked_in_refused' });
    // Only that desk: another station keeps its own rules.
    expect((await other.client.syncNow()).ok).toBe(true);
    expect(other.station.config()).toMatchObject({ repeatPolicy: 'warn', allowedCategories: null });
    // The desk changes its categories back; a later sync (the record pulled again after a rename) keeps that.
    const { setDeskRules } = await import('../../station/desk-rules');
    setDeskRules(desk.station, { repeatPolicy: 'refuse', allowedCategories: null }, Date.now());
    await demo.reg.admin('POST', '/v1/admin/pairing-codes', { name: 'unrelated' });
    expect((await desk.client.syncNow()).ok).toBe(true);
    expect(desk.station.config().allowedCategories).toBeNull();
    // "all" clears the restriction from the registry too.
    await cli('station-rules', desk.station.id, '--categories', 'all');
    expect((await desk.client.syncNow()).ok).toBe(true);
    expect(desk.station.config()).toMatchObject({ repeatPolicy: 'refuse', allowedCategories: null });
    // Unknown station or a category that does not exist: a sentence, not a 500.
    const bad = await fetch(`${demo.reg.url}/v1/admin/stations/no-such/rules`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${demo.reg.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ repeatPolicy: 'refuse' }),
    });
    expect(bad.status).toBe(404);
    const worse = await fetch(`${demo.reg.url}/v1/admin/stations/${desk.station.id}/rules`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${demo.reg.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ allowedCategories: ['vip'] }),
    });
    expect(worse.status).toBe(400);
  }, 90_000);
});
