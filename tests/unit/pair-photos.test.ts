// Pairing again (another registry, or another event), or turning a desk into a door, must not keep the registration photos of
// the one before: they belong to people this station no longer lists, and the photo cursor counts
// in the old registry's change numbers, so the new registry's photos would be skipped.
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../core/sync/protocol';
import { getPhoto, putPhoto } from '../../db/photos';
import { getSetting, setSetting } from '../../db/settings';
import type { Station } from '../../station/station';
import { configureDoor } from '../../station/door';
import { pairStation } from '../../station/sync/pair';
import { testJpeg } from '../helpers/photos';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
afterEach(() => station?.close());

/** A registry that pairs anyone, for `eventId`. */
const registry = (eventId: string): typeof fetch =>
  (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = url.endsWith('/v1/health')
      ? { ok: true, protocol: PROTOCOL_VERSION, serverTime: Date.now() }
      : { protocol: PROTOCOL_VERSION, stationId: 's1', token: 't'.repeat(40), eventId, eventName: 'Other event', keyId: null };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

function deskWithPhoto(): string {
  ({ station } = freshStation({ stationName: 'Desk 1' }));
  const id = demoCodes(station, 1)[0]!.attendeeId;
  station.write(() => {
    putPhoto(station.db.orm, id, testJpeg(40, 40));
    setSetting(station.db.orm, 'photos.cursor', 500);
  });
  return id;
}

describe('pairing again and registration photos', () => {
  it('pairing for another event deletes the photos of the people it deletes', async () => {
    const id = deskWithPhoto();
    const r = await pairStation(station, 'http://registry-b.invalid:8787', 'ABCD-EFGH', { fetch: registry('another-event') });
    expect(r.paired, r.message).toBe(true);
    expect(station.db.sqlite.prepare('select count(*) n from attendees').get()).toEqual({ n: 0 });
    expect(getPhoto(station.db.orm, id)).toBeNull();
    expect(station.db.sqlite.prepare('select count(*) n from attendee_photos').get()).toEqual({ n: 0 });
  });

  it('pairing with another registry fetches its photos from the start, not from the old cursor', async () => {
    deskWithPhoto();
    const eventId = station.eventInfo().id;
    const r = await pairStation(station, 'http://registry-c.invalid:8787', 'ABCD-EFGH', { fetch: registry(eventId) });
    expect(r.paired, r.message).toBe(true);
    expect(getSetting<number>(station.db.orm, 'photos.cursor') ?? 0).toBe(0);
    expect(station.db.sqlite.prepare('select count(*) n from attendee_photos').get()).toEqual({ n: 0 });
  });

  it('a desk made a door keeps no photo, even with no network to tell it so', () => {
    const id = deskWithPhoto();
    configureDoor(station, null, null, 'Assembly point', 'assembly');
    expect(getPhoto(station.db.orm, id)).toBeNull();
    expect(station.db.sqlite.prepare('select count(*) n from attendee_photos').get()).toEqual({ n: 0 });
    expect(getSetting<number>(station.db.orm, 'photos.cursor') ?? 0).toBe(0);
  });
});
