// Registration photos across the network (#19.1): the organiser uploads a picture or an archive,
// the registry checks and shrinks it, desk stations receive it for the ID check, and a door
// station never holds a byte of it — not even when it asks for photos itself.
import { describe, expect, it } from 'vitest';
import { PhotoPage } from '../../core/sync/protocol';
import { collectView } from '../../station/collect';
import { readLink, transportTo } from '../../station/sync/link';
import { request } from '../../station/sync/transport';
import { registryFetch } from '../../node-shared/pinned-fetch';
import { useDemoRegistry } from '../helpers/demo-registry';
import { folderBytes, pairAs, syncOnce } from '../helpers/paired-stations';
import { testJpeg, withExif } from '../helpers/photos';
import { deflated, writeZip } from '../helpers/zip-writer';
import jpeg from 'jpeg-js';

const jpegSize = (b: Buffer) => ((d) => ({ width: d.width, height: d.height }))(jpeg.decode(b, { useTArray: true }));

const demo = useDemoRegistry('foyer-reg-photos-', { event: 'other' });




async function send(method: string, p: string, body?: Buffer): Promise<{ status: number; json: unknown; bytes: Buffer }> {
  const res = await registryFetch(demo.reg.fingerprint)(demo.reg.url + p, { method, headers: { authorization: `Bearer ${demo.reg.adminToken}` }, body: body ? new Uint8Array(body) : undefined });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString('utf8')) : null;
  return { status: res.status, json, bytes };
}

describe('registration photos reach desks only', () => {
  it('an uploaded photo is shrunk and stripped, shown at the desk, and not one byte of it is on a door station', async () => {
    const [anna, ben] = demo.published!.attendees;
    const up = await send('PUT', `/v1/admin/attendees/${anna!.id}/photo`, withExif(testJpeg(480, 640), 1, 'GPS-SECRET-PLACE'));
    expect(up.status, JSON.stringify(up.json)).toBe(200);
    expect(up.json).toMatchObject({ width: 240, height: 320 });
    const stored = (await send('GET', `/v1/admin/attendees/${anna!.id}/photo`)).bytes;
    expect(stored.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(stored.includes('GPS-SECRET-PLACE')).toBe(false);

    const desk = await pairAs(demo, 'Badge desk', 'desk');
    const door = await pairAs(demo, 'Festsaal door', 'door');
    await syncOnce(demo, desk.station);
    await syncOnce(demo, door.station);

    const atDesk = collectView(desk.station, anna!.id).photo;
    expect(atDesk).toBe(`data:image/jpeg;base64,${stored.toString('base64')}`);
    expect(collectView(desk.station, ben!.id).photo).toBeNull(); // "no photo on file"

    // The door: no photo table rows, and none of the photo's bytes anywhere in its folder
    // (database, write-ahead log and its index), though it holds the person.
    expect(door.station.db.sqlite.prepare('select count(*) n from attendee_photos').get()).toEqual({ n: 0 });
    expect(collectView(door.station, anna!.id).photo).toBeNull();
    const doorBytes = folderBytes(door.dir);
    const slice = stored.subarray(Math.floor(stored.length / 2), Math.floor(stored.length / 2) + 48);
    expect(doorBytes.includes(slice)).toBe(false);
    expect(doorBytes.includes(stored.subarray(0, 20))).toBe(false); // the JPEG/JFIF header
    expect(doorBytes.includes(stored.toString('base64').slice(100, 160))).toBe(false);
    // …while the same search finds it on the desk: the search itself works.
    expect(folderBytes(desk.dir).includes(slice)).toBe(true);

    // A door station that asks for photos itself (a modified build) is refused by the registry.
    const link = readLink(door.station)!;
    await expect(request(transportTo(link, { timeoutMs: 5000 }), 'GET', '/v1/sync/photos?after=0', PhotoPage)).rejects.toMatchObject({ status: 403 });

    // The organiser deletes the photo: the desk deletes it at its next sync.
    expect((await send('DELETE', `/v1/admin/attendees/${anna!.id}/photo`)).json).toMatchObject({ deleted: true });
    await syncOnce(demo, desk.station);
    expect(collectView(desk.station, anna!.id).photo).toBeNull();
  });

  it('refuses hostile pictures with a sentence and stores nothing', async () => {
    const [, , carla] = demo.published!.attendees;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const r = await send('PUT', `/v1/admin/attendees/${carla!.id}/photo`, svg);
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ error: { code: 'photo_refused', message: expect.stringMatching(/SVG.*never accepted/) } });
    const cut = testJpeg(200, 200);
    const r2 = await send('PUT', `/v1/admin/attendees/${carla!.id}/photo`, cut.subarray(0, cut.length / 2));
    expect(r2.status).toBe(422);
    expect((r2.json as { error: { message: string } }).error.message).toMatch(/damaged or cut short/);
    expect((await send('GET', `/v1/admin/attendees/${carla!.id}/photo`)).status).toBe(204);
    expect((await send('PUT', '/v1/admin/attendees/nobody-here/photo', testJpeg(20, 20))).status).toBe(404);
  });

  it("reads Indico's attachments archive and a folder of pictures named by id, and says which files matched nobody", async () => {
    const [, , , dora, emil] = demo.published!.attendees;
    const zip = writeZip([
      // Indico: "<form>/<Full name>_<registration id>/<field title>_<field id>_<file name>"
      deflated(`Registration Form/Dora Someone_${dora!.id}/Photo_45_passport.jpg`, testJpeg(300, 400)),
      deflated(`photos/${emil!.id}.png`, testJpeg(64, 64)), // a JPEG named .png: its bytes decide
      deflated('photos/stranger.jpg', testJpeg(30, 30)),
      deflated('__MACOSX/photos/._stranger.jpg', Buffer.from('resource fork')),
      deflated(`photos/${demo.published!.attendees[5]!.id}.jpg`, Buffer.from('<svg/>')),
    ]);
    const r = await send('POST', '/v1/admin/photos', zip);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ stored: 2, unmatched: ['photos/stranger.jpg'], refused: [{ attendeeId: demo.published!.attendees[5]!.id, message: expect.stringMatching(/SVG/) }] });
    expect((await send('GET', `/v1/admin/attendees/${dora!.id}/photo`)).status).toBe(200);
    expect((await send('GET', `/v1/admin/attendees/${emil!.id}/photo`)).status).toBe(200);
    const bad = await send('POST', '/v1/admin/photos', Buffer.from('not a zip at all'));
    expect(bad.status).toBe(422);
    expect((bad.json as { error: { message: string } }).error.message).toMatch(/not a plain ZIP/);
  });

  it("matches Indico's attachments by the list's picture column: the photo, not the CV beside it", async () => {
    // An Indico registrants export with a picture field (the cell is the file's name).
    const csv = 'ID,Name,First Name,Last Name,Registration state,Portrait\n9001,Pia Zedlitz,Pia,Zedlitz,Completed,pia-passport.jpg\n';
    const rep = await demo.reg.admin<{ imported: number }>('POST', '/v1/admin/attendees/import', { format: 'csv', fileBase64: Buffer.from(csv).toString('base64'), defaultCategory: 'delegation', mode: 'valid' });
    expect(rep.imported).toBe(1);
    const pia = (await demo.reg.admin<{ id: string; familyName: string }[]>('GET', '/v1/admin/attendees?q=Zedlitz')).find((a) => a.familyName === 'Zedlitz')!;
    const zip = writeZip([
      deflated(`Registration/Pia Zedlitz_${pia.id}/CV_12_cv.jpg`, testJpeg(50, 50)), // another attachment, a picture too
      deflated(`Registration/Pia Zedlitz_${pia.id}/Portrait_45_pia-passport.jpg`, testJpeg(90, 120)),
    ]);
    const r = await send('POST', '/v1/admin/photos', zip);
    expect(r.json).toMatchObject({ stored: 1, refused: [], unmatched: [] });
    const stored = await send('GET', `/v1/admin/attendees/${pia.id}/photo`);
    expect(stored.status).toBe(200);
    expect(jpegSize(stored.bytes)).toEqual({ width: 90, height: 120 }); // the portrait, not the 50×50 CV
  });
});

