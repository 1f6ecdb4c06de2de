// A paired station signs badges offline with its own key: the private half is made at the
// station and never leaves it, the registry gives the public half a key id and publishes it
// (docs/badge-format.md, "Keys"). Against a real registry process.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WalkinForm } from '../../core/api/desk';
import { listSigningKeys } from '../../db/badges';
import { checkIn } from '../../station/checkin';
import { registerWalkin } from '../../station/desk';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { pairStation } from '../../station/sync/pair';
import { rasterise, zbarimg } from '../helpers/raster';
import { useDemoRegistry } from '../helpers/demo-registry';
import { freshStation, tempDir } from '../helpers/station';

const demo = useDemoRegistry('foyer-reg-keys-');
const { opened } = demo;
const pairedStation = (name: string) => demo.pairedStation(name, { syncNow: true });

/** Prints the person's badge as a PDF at the station and reads the QR back with zbarimg. */
async function printAndRead(station: Station, attendeeId: string): Promise<string> {
  const res = await dispatch(createHandlers(), station, 'badges.pdf', { attendeeId, template: 'cr80' });
  if (!res.ok) throw new Error(res.error.message);
  const out = fs.mkdtempSync(path.join(tempDir('foyer-station-key-'), 'png-'));
  const [text] = zbarimg(rasterise((res.value as { path: string }).path, out, 200));
  expect(text).toBeTruthy();
  return text!;
}

describe('station signing keys', () => {
  it('a walk-in registered and printed offline at a paired desk is admitted at another door after sync; revoking the desk stops its key', async () => {
    const desk = await pairedStation('Front desk');
    const door = await pairedStation('Main door');
    // The desk holds its own private key; the registry (and so every station) only the public half.
    const own = listSigningKeys(desk.station.db.orm).filter((k) => k.privateKey && k.active);
    expect(own.length).toBeGreaterThan(0);
    const ownId = Math.max(...own.map((k) => k.keyId));
    expect(ownId).toBeLessThanOrEqual(255);
    const onRegistry = await demo.reg.admin<{ keyId: number; hasPrivateKey?: boolean; privateKey?: string | null }[]>('GET', '/v1/admin/keys');
    expect(onRegistry.map((k) => k.keyId)).toContain(ownId);
    expect(JSON.stringify(onRegistry)).not.toContain(Buffer.from(own.find((k) => k.keyId === ownId)!.privateKey!, 'base64').toString('base64url'));

    // Offline (no sync from here on until the desk comes back): walk-in, print, scan.
    const r = registerWalkin(desk.station, WalkinForm.parse({ givenName: 'Amara', familyName: 'Okafor', category: 'delegation' }), Date.now(), { checkIn: false });
    if (r.status !== 'registered') throw new Error('walk-in not registered');
    const qr = await printAndRead(desk.station, r.attendee.id);
    expect(qr).not.toBe(r.badgeCode); // the signed badge, not the plain code printed under it

    // After both sync, the door admits the printed badge.
    await desk.client.syncNow();
    await door.client.syncNow();
    expect(checkIn(door.station, qr, Date.now())).toMatchObject({ verdict: 'admitted', attendee: { id: r.attendee.id } });

    // A station paired later whose key the door has not pulled yet: refused with "Sync, then scan again".
    const late = await pairedStation('Late desk');
    const r2 = registerWalkin(late.station, WalkinForm.parse({ givenName: 'Jonas', familyName: 'Berg', category: 'delegation' }), Date.now(), { checkIn: false });
    if (r2.status !== 'registered') throw new Error('walk-in not registered');
    const qr2 = await printAndRead(late.station, r2.attendee.id);
    const unknown = checkIn(door.station, qr2, Date.now());
    expect(unknown).toMatchObject({ verdict: 'refused', reason: 'unknown_key' });
    expect(unknown.message).toMatch(/Sync, then scan again/);
    await door.client.syncNow();
    expect(checkIn(door.station, qr2, Date.now()).verdict).toBe('admitted');

    // The organiser revokes the late desk: its key stops being trusted everywhere after sync.
    await demo.reg.admin('POST', `/v1/admin/stations/${late.station.id}/revoke`, {});
    await door.client.syncNow();
    const after = checkIn(door.station, qr2, Date.now());
    expect(after).toMatchObject({ verdict: 'refused', reason: 'unknown_key' });
    // The revoked desk itself can no longer reach the registry; the front desk's badges still work.
    expect(checkIn(door.station, qr, Date.now() + 1000).verdict).not.toBe('refused');
  });

  it('key ids stop at 255 (one byte in the badge): the 256th key is refused with a sentence, and pairing still works without one', async () => {
    const keys = await demo.reg.admin<{ keyId: number }[]>('GET', '/v1/admin/keys');
    for (let id = Math.max(...keys.map((k) => k.keyId)) + 1; id <= 255; id++) await demo.reg.admin('POST', '/v1/admin/keys', {});
    const res = await fetch(`${demo.reg.url}/v1/admin/keys`, { method: 'POST', headers: { authorization: `Bearer ${demo.reg.adminToken}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/All 255 badge signing key ids of this event are used/);
    const { station } = freshStation({ stationName: 'Overflow desk' });
    opened.push(station);
    const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name: 'Overflow desk' });
    const r = await pairStation(station, demo.reg.url, code);
    expect(r.paired).toBe(true);
    expect(r.message).toMatch(/All 255 badge signing key ids/);
  }, 120_000);
});
