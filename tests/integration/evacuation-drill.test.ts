// Evacuation drill across the network (docs/evacuation.md): everyone the demo admits today, spread
// over the demo's rooms by two door stations; a desk starts a drill; the registry goes down in the
// middle while the doors mark people safe at the assembly point by badge and the desk by name; when
// it is back, all three stations show the same unaccounted count. The doors' lists never name a
// protected person; the desk's list for emergency services does, marked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvacuationView } from '../../core/api/evacuation';
import type { Method } from '../../core/api/index';
import { attendees, badgeCodes } from '../../db/schema/index';
import { checkInAttendee } from '../../station/checkin';
import { configureDoor, doorScan } from '../../station/door';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { tool } from '../../testkit/tools';
import { useDemoRegistry } from '../helpers/demo-registry';
import { freshStation } from '../helpers/station';
import { eq } from 'drizzle-orm';

const demo = useDemoRegistry('foyer-reg-evac-');
const handlers = createHandlers();

async function call<T = any>(station: Station, method: Method, args: unknown = {}): Promise<T> {
  const r = await dispatch(handlers, station, method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function pairAs(name: string, role: 'desk' | 'door', roomId?: string): Promise<Station> {
  const { station } = freshStation({ stationName: name, demo: false });
  demo.opened.push(station);
  const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name, role, ...(roomId ? { roomId, doorMode: 'entry' } : {}) });
  const r = await pairStation(station, demo.reg.url, code);
  expect(r.paired, r.message).toBe(true);
  return station;
}

async function sync(station: Station): Promise<string> {
  const c = newSyncClient(station, { live: false, backoffBaseMs: 10, backoffMaxMs: 50 });
  demo.clients.push(c);
  const rep = await c.syncNow();
  c.stop();
  return rep.state;
}

describe('evacuation drill: three stations, the registry cut mid-drill', () => {
  it('all stations agree on who is unaccounted once the network heals', { timeout: 240_000 }, async () => {
    const desk = await pairAs('Front desk', 'desk');
    const doorA = await pairAs('East doors', 'door', 'festsaal');
    const doorB = await pairAs('West doors', 'door', 'neuer-saal');
    const all = [desk, doorA, doorB];
    for (const s of all) expect(await sync(s)).toBe('online');

    // Everyone valid today checks in at the desk; the doors count them into the rooms.
    let now = Date.now();
    const people = desk.db.orm.select({ id: attendees.id, code: badgeCodes.code, protected: attendees.protected, givenName: attendees.givenName, familyName: attendees.familyName })
      .from(attendees).innerJoin(badgeCodes, eq(badgeCodes.attendeeId, attendees.id)).all();
    const admitted = desk.write(() => people.filter((p) => checkInAttendee(desk, p.id, ++now).verdict !== 'refused'));
    expect(admitted.length).toBeGreaterThan(1100);
    const roomIds = ['festsaal', 'zeremoniensaal', 'forschungssaal', 'neuer-saal', 'ratsaal', 'press-room'];
    const split = (s: Station, ids: string[], from: number) =>
      s.write(() => {
        ids.forEach((roomId, r) => {
          configureDoor(s, roomId, 'entry', undefined);
          for (let i = from + r; i < admitted.length; i += roomIds.length) doorScan(s, admitted[i]!.code, ++now);
        });
      });
    split(doorA, roomIds.slice(0, 3), 0);
    split(doorB, roomIds.slice(3), 3);
    for (let round = 0; round < 2; round++) for (const s of all) expect(await sync(s)).toBe('online');

    // The drill starts at the desk and reaches the doors.
    await call(desk, 'evacuation.start', { drill: true });
    for (const s of all) expect(await sync(s)).toBe('online');
    const before = await Promise.all(all.map((s) => call<EvacuationView>(s, 'evacuation.view')));
    expect(before.map((v) => v.evacuation?.drill)).toEqual([true, true, true]);
    expect(before.map((v) => v.inside)).toEqual([admitted.length, admitted.length, admitted.length]);
    expect(before[0]!.unaccounted).toBe(admitted.length);
    expect(before[0]!.floors.flatMap((f) => f.rooms).filter((r) => r.roomId !== '').length).toBeGreaterThanOrEqual(5);

    // The registry goes down. The doors mark people at the assembly point by badge, the desk by name.
    await demo.reg.kill('SIGKILL');
    const marked = new Set<string>();
    for (const [s, from, to] of [[doorA, 0, 60], [doorB, 50, 110]] as const) {
      for (const p of admitted.slice(from, to)) {
        const r = await call(s, 'evacuation.safe', { text: p.code });
        expect(['marked', 'already']).toContain(r.outcome);
        marked.add(p.id);
      }
    }
    for (const p of admitted.slice(110, 130)) {
      expect((await call(desk, 'evacuation.safe', { attendeeId: p.id })).outcome).toBe('marked');
      marked.add(p.id);
    }
    for (const s of all) expect(await sync(s)).not.toBe('online');
    const cut = await Promise.all(all.map((s) => call<EvacuationView>(s, 'evacuation.view')));
    expect(cut.map((v) => v.unaccounted)).toEqual([admitted.length - 20, admitted.length - 60, admitted.length - 60]);

    // Back: every station converges on the same list.
    await demo.reg.start();
    for (let round = 0; round < 2; round++) for (const s of all) expect(await sync(s)).toBe('online');
    const healed = await Promise.all(all.map((s) => call<EvacuationView>(s, 'evacuation.view')));
    expect(healed.map((v) => v.unaccounted)).toEqual(Array(3).fill(admitted.length - marked.size));
    expect(healed.map((v) => v.safe)).toEqual(Array(3).fill(marked.size));
    // Each says how fresh every station's part is.
    for (const v of healed) expect(v.stations.filter((s) => s.lastEventAt !== null).map((s) => s.name).sort()).toEqual(['East doors', 'Front desk', 'West doors']);

    // Protected people: a door's screen list names them by chosen name; the desk's list for emergency services by legal name, marked.
    const protectedOnes = admitted.filter((p) => p.protected);
    expect(protectedOnes.length).toBeGreaterThan(0);
    // Whole legal names (a given name alone, e.g. Khalid, is shared with unprotected people).
    const legal = protectedOnes.map((p) => `${p.givenName} ${p.familyName}`).filter((n) => people.filter((q) => `${q.givenName} ${q.familyName}` === n).length === 1);
    expect(legal.length).toBeGreaterThan(0);
    const doorView = JSON.stringify(healed[1]);
    for (const part of legal) expect(doorView).not.toContain(part);
    expect(doorView).toContain('"protected":true');
    const doorPdf = await call(doorA, 'evacuation.export', { kind: 'pdf', lang: 'en' });
    const doorText = execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', doorPdf.path, '-'], { encoding: 'utf8' });
    for (const part of legal) expect(doorText).not.toContain(part);
    const deskPdf = await call(desk, 'evacuation.export', { kind: 'pdf', lang: 'en' });
    const deskText = execFileSync(tool('pdftotext'), ['-enc', 'UTF-8', deskPdf.path, '-'], { encoding: 'utf8' });
    expect(deskText).toContain(`${admitted.length - marked.size} not yet accounted for`);
    expect(deskText).toContain('do not call the name aloud');
    const csv = fs.readFileSync((await call(desk, 'evacuation.export', { kind: 'csv', lang: 'de' })).path, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(admitted.length + 1);
    for (const p of protectedOnes) expect(csv).toContain(p.familyName);
  });
});
