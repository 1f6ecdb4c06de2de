// Safeguarding across the network (docs/safeguarding.md): a protected person's legal name reaches
// desk stations, never a door station — not in what it shows, not in a single byte of its data
// folder — whether the person was imported, registered as a walk-in at a desk, or given a desk note.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { WalkinForm } from '../../core/api/desk';
import { getAttendee } from '../../db/attendees';
import { registerWalkin, setNote } from '../../station/desk';
import { useDemoRegistry } from '../helpers/demo-registry';
import { folderBytes, pairAs, syncOnce } from '../helpers/paired-stations';

const demo = useDemoRegistry('foyer-reg-safeguard-', { event: 'other' });

// Names found nowhere else, in two scripts: a match in the bytes can only be a leak.
const IMPORTED = { givenName: 'Qeshira', familyName: 'Vantablackova', chosenName: 'Lark' };
const CYRILLIC = { givenName: 'Жозефина', familyName: 'Квантоватова', chosenName: 'Зоря' };
const WALKIN = { givenName: 'Ysolde', familyName: 'Brakkenhoff', chosenName: 'Wren' };
const NOTE = 'Qeshira travels with Vantablackova family escort';




describe('a protected legal name stays off door stations', () => {
  it('imported, walked in and noted at a desk: the desk holds the legal name, the door only the chosen one', async () => {
    const [someone] = demo.published!.attendees;
    // The organiser protects two people (one imported as is, one in Cyrillic) and writes a note naming one.
    const base = { organisation: 'Survivors Alliance', delegation: 'Moldova', country: 'MD', category: 'ngo' as const, validDays: null, status: 'active' as const, badgeVersion: 1, notes: NOTE, badgeCodes: ['SG-0001'] };
    await demo.reg.admin('PUT', '/v1/admin/attendees/sg-imported', { id: 'sg-imported', ...base, ...IMPORTED, protected: true });
    await demo.reg.admin('PUT', '/v1/admin/attendees/sg-cyrillic', { id: 'sg-cyrillic', ...base, notes: '', badgeCodes: ['SG-0002'], ...CYRILLIC, protected: true });

    const desk = await pairAs(demo, 'Front desk', 'desk');
    await syncOnce(demo, desk.station);
    // A protected walk-in registered at the desk, and a desk note on a protected person.
    const w = registerWalkin(desk.station, WalkinForm.parse({ ...WALKIN, category: 'ngo', organisation: 'Survivors Alliance', protected: true }), Date.now(), { checkIn: true });
    if (w.status !== 'registered') throw new Error('walk-in not registered');
    setNote(desk.station, 'sg-cyrillic', `Call ${CYRILLIC.familyName} only by her chosen name`, Date.now() + 5);
    await syncOnce(demo, desk.station);

    const door = await pairAs(demo, 'Festsaal door', 'door');
    await syncOnce(demo, door.station);

    // The door holds the people — by their chosen names — so it can admit them.
    const d = (id: string) => getAttendee(door.station.db.orm, id);
    expect(d('sg-imported')).toMatchObject({ givenName: 'Lark', familyName: '', protected: true, chosenName: 'Lark', organisation: '', notes: '' });
    expect(d('sg-cyrillic')).toMatchObject({ givenName: 'Зоря', familyName: '', protected: true });
    expect(d(w.attendee.id)).toMatchObject({ givenName: 'Wren', familyName: '', protected: true });
    expect(d(someone!.id)?.givenName).toBe(someone!.givenName); // everyone else as registered
    // The desk holds the legal names (it checks identity and prints badges).
    expect(getAttendee(desk.station.db.orm, 'sg-imported')).toMatchObject({ ...IMPORTED, protected: true });
    expect(getAttendee(desk.station.db.orm, w.attendee.id)).toMatchObject({ givenName: WALKIN.givenName, familyName: WALKIN.familyName });

    // Not a byte of any legal name, in any file of the door's folder (the WAL included).
    const bytes = folderBytes(door.dir);
    const deskBytes = folderBytes(desk.dir);
    for (const n of [IMPORTED, CYRILLIC, WALKIN]) {
      for (const part of [n.givenName, n.familyName]) {
        expect(deskBytes.includes(Buffer.from(part, 'utf8')), `${part} on the desk`).toBe(true);
        expect(bytes.includes(Buffer.from(part, 'utf8')), `${part} on the door`).toBe(false);
        expect(bytes.includes(Buffer.from(part, 'utf16le')), `${part} (UTF-16) on the door`).toBe(false);
      }
      expect(bytes.includes(Buffer.from(n.chosenName, 'utf8')), `${n.chosenName} on the door`).toBe(true);
    }
    expect(bytes.includes(Buffer.from('Survivors Alliance'))).toBe(false);

    // The registry's exports: the attendance export names the walk-in (checked in at the desk) by
    // the chosen name only; the organiser's attendee list keeps legal names, marked protected.
    const checkins = Papa.parse<Record<string, string>>(await demo.reg.admin<string>('GET', '/v1/admin/export/checkins.csv'), { header: true }).data;
    const row = checkins.find((r) => r.attendee_id === w.attendee.id);
    expect(row).toMatchObject({ given_name: 'Wren', family_name: '', protected: 'true' });
    const all = await demo.reg.admin<string>('GET', '/v1/admin/export/checkins.csv');
    expect(all).not.toContain(WALKIN.familyName);
    const list = Papa.parse<Record<string, string>>(await demo.reg.admin<string>('GET', '/v1/admin/export/attendees.csv'), { header: true }).data;
    expect(list.find((r) => r.id === 'sg-imported')).toMatchObject({ givenName: IMPORTED.givenName, familyName: IMPORTED.familyName, protected: 'true', chosenName: 'Lark' });
  });

  it('an organiser edit can lift protection (the door then gets the name); an import never lifts it', async () => {
    await demo.reg.admin('PUT', '/v1/admin/attendees/sg-lift', {
      ...{ id: 'sg-lift', givenName: 'Marit', familyName: 'Oosterhuisova', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null },
      ...{ status: 'active', badgeVersion: 1, notes: '', badgeCodes: ['SG-0003'], protected: true, chosenName: 'Kestrel' },
    });
    // A full replace without the safeguarding fields (an old list): still protected, chosen name kept.
    await demo.reg.admin('PUT', '/v1/admin/attendees/sg-lift', {
      ...{ id: 'sg-lift', givenName: 'Marit', familyName: 'Oosterhuisova', organisation: '', delegation: '', country: '', category: 'ngo', validDays: null },
      ...{ status: 'active', badgeVersion: 1, notes: '', badgeCodes: ['SG-0003'] },
    });
    const door = await pairAs(demo, 'Ratsaal door', 'door');
    await syncOnce(demo, door.station);
    expect(getAttendee(door.station.db.orm, 'sg-lift')).toMatchObject({ givenName: 'Kestrel', familyName: '', protected: true });
    // A note edit does not lift it either (an edit changes only what it names).
    await demo.reg.admin('PATCH', '/v1/admin/attendees/sg-lift', { notes: 'Seat near the exit' });
    await syncOnce(demo, door.station);
    expect(getAttendee(door.station.db.orm, 'sg-lift')).toMatchObject({ givenName: 'Kestrel', protected: true });
    await demo.reg.admin('PATCH', '/v1/admin/attendees/sg-lift', { protected: false });
    await syncOnce(demo, door.station);
    expect(getAttendee(door.station.db.orm, 'sg-lift')).toMatchObject({ givenName: 'Marit', familyName: 'Oosterhuisova', protected: false });
  });
});
