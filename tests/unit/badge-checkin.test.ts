// Signed badges, Indico codes and reprints at the front desk, through checkIn()
// and the station API: what a volunteer sees for each kind of badge.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base32Encode } from '../../core/badge/base32';
import { BADGE_PREFIX } from '../../core/badge/signed';
import { addRevocation, issuingKey, listSigningKeys } from '../../db/badges';
import { insertEvent } from '../../db/events';
import { attendees, badgeCodes, event as eventTable, events, revocations } from '../../db/schema/index';
import { demoKeyPair } from '../../resources/demo/badges';
import { checkIn } from '../../station/checkin';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { forgedBadgeFor, signedBadgeFor } from '../helpers/badges';
import { expectRevokedSentence } from '../helpers/sentences';
import { freshStation } from '../helpers/station';

let station: Station;
let dir: string;
let now: number;

beforeEach(() => {
  ({ station, dir } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
});
afterEach(() => station.close());

function someAttendee(skip = 0) {
  return station.db.orm
    .select()
    .from(attendees)
    .where(and(eq(attendees.status, 'active'), eq(attendees.notes, '')))
    .all()
    .filter((a) => a.validDays === null)[skip]!;
}

const api = (now: () => number) => {
  const handlers = createHandlers({ now });
  return (method: string, args: unknown) => dispatch(handlers, station, method, args);
};

describe('signing keys', () => {
  it('a new demo station holds the demo event key pair, private half included', () => {
    const keys = listSigningKeys(station.db.orm);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.privateKey).toBeTruthy();
    expect(Buffer.from(keys[0]!.publicKey, 'base64')).toEqual(Buffer.from(demoKeyPair('atip-23').publicKey));
  });

  it('a station created without the demo gets no key until an event arrives', () => {
    const { station: s } = freshStation({ demo: false });
    expect(listSigningKeys(s.db.orm)).toHaveLength(0);
    s.close();
  });
});

describe('signed badges at the desk', () => {
  it('admits a known attendee by their signed badge and names them', () => {
    const a = someAttendee();
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: a.id, category: a.category as never }), now);
    expect(r).toMatchObject({ verdict: 'admitted', reason: 'ok' });
    expect(r.attendee?.familyName).toBe(a.familyName);
    expect(station.db.orm.select().from(events).where(eq(events.id, r.eventId!)).get()?.payload).toMatchObject({ format: 'signed' });
  });

  it('admits a genuine badge for someone this station has never seen, and records a placeholder for sync', () => {
    const id = crypto.randomUUID();
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: id, category: 'media', validDays: [station.eventInfo().days[0]!] }), now);
    expect(r).toMatchObject({ verdict: 'admitted', reason: 'ok_unsynced' });
    expect(r.message).toBe('Genuine badge. Name not yet synced to this station.');
    expect(r.attendee).toMatchObject({ id, synced: false, category: 'media' });
    const row = station.db.orm.select().from(attendees).where(eq(attendees.id, id)).get()!;
    expect(row).toMatchObject({ source: 'badge', category: 'media', validDays: [station.eventInfo().days[0]], badgeVersion: 1 });
    // A second scan is a repeat, like any other badge.
    const again = checkIn(station, signedBadgeFor(station, { attendeeId: id, category: 'media' }), now + 60_000);
    expect(again).toMatchObject({ verdict: 'warning', reason: 'already_checked_in' });
    // Valid only on day one: refused on day two.
    expect(checkIn(station, signedBadgeFor(station, { attendeeId: id, category: 'media', validDays: [station.eventInfo().days[0]!] }), now + 86_400_000)).toMatchObject({
      verdict: 'refused',
      reason: 'not_valid_today',
    });
  });

  it('refuses a forged badge, another event’s badge and an unknown key with sentences a volunteer understands', () => {
    const forged = checkIn(station, forgedBadgeFor(station), now);
    expect(forged).toMatchObject({ verdict: 'refused', reason: 'bad_signature', attendee: null });
    expect(forged.message).toBe('This badge is not genuine (signature check failed).');
    const other = checkIn(station, signedBadgeFor(station, { eventId: 'osce-ministerial-2024' }), now);
    expect(other).toMatchObject({ verdict: 'refused', reason: 'not_this_event' });
    expect(other.message).toBe('This badge is for a different event.');
    const unknownKey = checkIn(station, signedBadgeFor(station, { keyId: 7 }), now);
    expect(unknownKey).toMatchObject({ verdict: 'refused', reason: 'unknown_key' });
    expect(unknownKey.message).toContain('key this station does not know');
    // Nothing was learnt from a refused badge.
    expect(station.db.orm.select().from(attendees).where(eq(attendees.source, 'badge')).all()).toHaveLength(0);
  });

  it('a deactivated key no longer admits (rotation)', () => {
    const text = signedBadgeFor(station);
    station.db.sqlite.prepare('update signing_keys set active = 0').run();
    expect(checkIn(station, text, now)).toMatchObject({ verdict: 'refused', reason: 'unknown_key' });
  });

  it('refuses a superseded version of an attendee it has never seen (revocation list from sync)', () => {
    const id = crypto.randomUUID();
    const revokedAt = now - 3_600_000;
    station.write(() => addRevocation(station.db.orm, { attendeeId: id, badgeVersion: 1, revokedAt }));
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: id }), now);
    expect(r).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    expectRevokedSentence(r.message, revokedAt, station.eventInfo().timeZone, 'reprint');
    expect(checkIn(station, signedBadgeFor(station, { attendeeId: id, badgeVersion: 2 }), now)).toMatchObject({ verdict: 'admitted' });
  });

  it('keeps plain codes working next to signed badges', () => {
    const code = station.db.orm.select().from(badgeCodes).innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId)).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).get()!;
    expect(checkIn(station, code.badge_codes.code, now).verdict).not.toBe('refused');
  });
});

describe('reprint', () => {
  it('bumps the version, logs a reprint event, and the old badge (signed or plain) is refused with the reprint date', async () => {
    const a = someAttendee(3);
    const plain = station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.attendeeId, a.id)).get()!.code;
    const oldBadge = signedBadgeFor(station, { attendeeId: a.id, category: a.category as never });
    const reprintAt = now - 30 * 60_000;
    const call = api(() => reprintAt);
    const res = await call('badges.reprint', { attendeeId: a.id, operator: 'desk volunteer' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value).toMatchObject({ oldVersion: 1, newVersion: 2, attendee: { id: a.id, badgeVersion: 2 } });
    const ev = station.db.orm.select().from(events).where(eq(events.kind, 'reprint')).all();
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ attendeeId: a.id, operator: 'desk volunteer', payload: { oldVersion: 1, newVersion: 2 } });
    expect(station.db.orm.select().from(revocations).where(eq(revocations.attendeeId, a.id)).all()).toMatchObject([{ badgeVersion: 1, revokedAt: reprintAt }]);

    const old = checkIn(station, oldBadge, now);
    expect(old).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    expectRevokedSentence(old.message, reprintAt, station.eventInfo().timeZone, 'reprint');
    // The plain code printed on the old badge is refused the same way.
    expect(checkIn(station, plain, now)).toMatchObject({ verdict: 'refused', reason: 'revoked', message: old.message });
    const fresh = checkIn(station, signedBadgeFor(station, { attendeeId: a.id, badgeVersion: 2, category: a.category as never }), now);
    expect(fresh).toMatchObject({ verdict: 'admitted', attendee: { id: a.id } });
  });

  it('every reprint carries a short typeable code shaped like the first; it admits the new badge only (#13.7)', async () => {
    const a = someAttendee(4);
    const v1 = station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.attendeeId, a.id)).get()!.code;
    const call = api(() => now - 60_000);
    const r2 = await call('badges.reprint', { attendeeId: a.id });
    if (!r2.ok) throw new Error(r2.error.message);
    const v2 = (r2.value as { code: string }).code;
    expect(v2).toMatch(new RegExp(`^${v1.slice(0, v1.indexOf('-') + 1)}[A-HJ-NP-Z2-9]{${v1.length - v1.indexOf('-') - 1}}$`));
    const r3 = await api(() => now - 30_000)('badges.reprint', { attendeeId: a.id });
    if (!r3.ok) throw new Error(r3.error.message);
    const v3 = (r3.value as { code: string }).code;
    expect(new Set([v1, v2, v3]).size).toBe(3);
    // The logged event carries the code, so every station (and the registry) learns it.
    expect(station.db.orm.select().from(events).where(eq(events.kind, 'reprint')).all().map((e) => e.payload.code)).toEqual([v2, v3]);
    // Only the current version's code admits; older ones (typed in any case) are refused as replaced.
    expect(checkIn(station, v3.toLowerCase(), now)).toMatchObject({ verdict: 'admitted', attendee: { id: a.id, badgeVersion: 3 } });
    for (const old of [v1, v2]) expect(checkIn(station, old, now + 1000)).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    // The printed badge shows the current code under its QR.
    const preview = await call('badges.preview', { attendeeId: a.id, template: 'cr80' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect((preview.value as { svg: string }).svg).toContain(v3);
    expect((preview.value as { svg: string }).svg).not.toContain(v2);
  });

  it('someone with no short code (a long ticket id, or none) gets an R- code on reprint', async () => {
    const a = someAttendee(6);
    station.db.orm.delete(badgeCodes).where(eq(badgeCodes.attendeeId, a.id)).run();
    station.db.orm.insert(badgeCodes).values({ code: '1f0c8a9e-5b2d-4c1e-9a3f-7d6e5c4b3a21', attendeeId: a.id, badgeVersion: 1 }).run();
    const r = await api(() => now)('badges.reprint', { attendeeId: a.id });
    if (!r.ok) throw new Error(r.error.message);
    expect((r.value as { code: string }).code).toMatch(/^R-[A-HJ-NP-Z2-9]{8}$/);
  });

  it('a reprint made at another station (pulled by sync) revokes the old badge here too', () => {
    const a = someAttendee(5);
    const other = 'station-b';
    station.write(() =>
      insertEvent(
        station.db.orm,
        {
          id: crypto.randomUUID(),
          stationId: other,
          seq: 1,
          hlc: `${new Date(now - 1000).toISOString()}-0000-${'b'.repeat(16)}`,
          wallTime: now - 1000,
          kind: 'reprint',
          attendeeId: a.id,
          roomId: null,
          sessionId: null,
          verdict: null,
          reason: null,
          operator: null,
          payload: { oldVersion: 1, newVersion: 2, code: 'A23-PULLED' },
          day: station.today(now),
        },
        now,
      ),
    );
    expect(station.db.orm.select().from(attendees).where(eq(attendees.id, a.id)).get()!.badgeVersion).toBe(2);
    expect(checkIn(station, signedBadgeFor(station, { attendeeId: a.id }), now)).toMatchObject({ verdict: 'refused', reason: 'revoked' });
    // The other station's new code admits here too.
    expect(checkIn(station, 'A23-PULLED', now)).toMatchObject({ verdict: 'admitted', attendee: { id: a.id } });
  });

  it('cannot reprint someone unknown or only known from a badge, and says so', async () => {
    const call = api(() => now);
    const missing = await call('badges.reprint', { attendeeId: crypto.randomUUID() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const id = crypto.randomUUID();
    checkIn(station, signedBadgeFor(station, { attendeeId: id }), now);
    const unsynced = await call('badges.reprint', { attendeeId: id });
    expect(unsynced).toMatchObject({ ok: false, error: { code: 'not_synced' } });
    if (!unsynced.ok) expect(unsynced.error.message).toMatch(/not yet synced/);
  });
});

describe('Indico ticket QR codes', () => {
  // The exact payloads Indico writes (registration/util.py get_ticket_qr_code_data, and its
  // test snapshots ticket_qr_code_data-{0,1,2}.json), and the pre-3.3 JSON with checkin_secret.
  const b64 = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64');
  const v2 = (host: string, ticket: string, person?: string) => JSON.stringify({ i: [2, host, b64(ticket), ...(person ? [b64(person)] : [])] });
  const v1 = (server: string, secret: string, registrant: string | number = 7) =>
    JSON.stringify({ registrant_id: registrant, registration_id: 7, regform_id: 1, checkin_secret: secret, event_id: '42', server_url: server, version: 1 }, null, 0).replace(/,"/g, ', "').replace(/":/g, '": ');
  const setHost = (host: string | null) => {
    station.db.orm.update(eventTable).set({ indicoHost: host }).run();
    station.invalidate();
  };
  const withCode = (skip: number, code: string) => {
    const a = someAttendee(skip);
    station.db.orm.insert(badgeCodes).values({ code, attendeeId: a.id, badgeVersion: 1 }).run();
    return a;
  };

  it('admits the registrant of a v2 ticket (https host written without its scheme) and of a pre-3.3 ticket', () => {
    setHost('https://indico.example.org/');
    const ticket = crypto.randomUUID();
    const a = withCode(7, ticket);
    expect(checkIn(station, v2('indico.example.org', ticket), now)).toMatchObject({ verdict: 'admitted', attendee: { id: a.id } });
    expect(checkIn(station, v1('https://indico.example.org', ticket), now)).toMatchObject({ verdict: 'warning', reason: 'already_checked_in', attendee: { id: a.id } });
    expect(checkIn(station, v2('indico.example.org', crypto.randomUUID()), now)).toMatchObject({ verdict: 'refused', reason: 'unknown_code' });
  });

  it("an accompanying person's ticket admits that person, never the registrant who brought them", () => {
    setHost('indico.example.org');
    const ticket = crypto.randomUUID();
    const person = crypto.randomUUID();
    const registrant = withCode(7, ticket);
    const guest = withCode(8, `${ticket}/${person}`);
    station.db.orm.insert(badgeCodes).values({ code: person, attendeeId: guest.id, badgeVersion: 1 }).run();
    const r = checkIn(station, v2('indico.example.org', ticket, person), now);
    expect(r).toMatchObject({ verdict: 'admitted', attendee: { id: guest.id } });
    // The old format carried the person's own id and an empty secret.
    expect(checkIn(station, v1('https://indico.example.org', '', person), now)).toMatchObject({ attendee: { id: guest.id } });
    // A person not on the list is not let in on the registrant's ticket.
    expect(checkIn(station, v2('indico.example.org', ticket, crypto.randomUUID()), now)).toMatchObject({ verdict: 'refused', reason: 'unknown_code' });
    expect(checkIn(station, v2('indico.example.org', ticket), now)).toMatchObject({ verdict: 'admitted', attendee: { id: registrant.id } });
  });

  it("another Indico server's ticket is another event's, even with a known UUID; no host configured accepts none", () => {
    setHost('indico.example.org');
    const ticket = crypto.randomUUID();
    withCode(7, ticket);
    expect(checkIn(station, v2('indico.evil.example', ticket), now)).toMatchObject({ verdict: 'refused', reason: 'not_this_event' });
    expect(checkIn(station, v2('http://indico.example.org', ticket), now)).toMatchObject({ verdict: 'admitted' }); // an http server writes its scheme
    expect(checkIn(station, v1('https://indico.example.org.evil.example', ticket), now)).toMatchObject({ verdict: 'refused', reason: 'not_this_event' });
    setHost(null);
    expect(checkIn(station, v2('indico.example.org', ticket), now)).toMatchObject({ verdict: 'refused', reason: 'not_this_event' });
  });

  it('broken Indico codes are malformed, with a sentence', () => {
    setHost('indico.example.org');
    for (const text of ['{"i":[2, "host", "not base64!"]}', '{"i":[2, "host"', '{"i":[2,"indico.example.org","AAAA"]}', '{"i":[3,"indico.example.org","mYK+TjLPRlangWKtRWCdEg=="]}', '{"checkin_secret":"x","server_url":"https://indico.example.org"}']) {
      expect(checkIn(station, text, now), text).toMatchObject({ verdict: 'refused', reason: 'malformed' });
    }
  });
});

describe('bad input', () => {
  it('1,000 random strings and byte blobs: no crash, every one refused with a sentence, every one logged', () => {
    const prefixes = ['', BADGE_PREFIX, 'fy1:', '{"i":', 'A23-'];
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.uint8Array({ minLength: 1, maxLength: 140 }).map((b) => BADGE_PREFIX + base32Encode(b)),
      fc.tuple(fc.constantFrom(...prefixes), fc.string({ maxLength: 200 })).map(([p, s]) => p + s),
      fc.json().map((j) => `{"i":${j}}`),
    );
    const samples = fc.sample(input, { numRuns: 1000, seed: 42 });
    expect(samples).toHaveLength(1000);
    const before = station.db.orm.select().from(events).all().length;
    for (const text of samples) {
      const r = checkIn(station, text, now);
      expect(r.verdict, JSON.stringify(text)).toBe('refused');
      expect(r.message.length).toBeGreaterThan(10);
      expect(r.message).not.toMatch(/Error|undefined|at \w+ \(/);
      expect(r.eventId).toBeTruthy();
    }
    expect(station.db.orm.select().from(events).all().length - before).toBe(1000);
  });
});

describe('restart', () => {
  it('keeps the key, the placeholder and the reprint across a restart', async () => {
    const id = crypto.randomUUID();
    checkIn(station, signedBadgeFor(station, { attendeeId: id }), now);
    const a = someAttendee(9);
    await api(() => now)('badges.reprint', { attendeeId: a.id });
    const key = issuingKey(station.db.orm);
    station.close();
    station = openStation(dir);
    expect(issuingKey(station.db.orm)).toEqual(key);
    expect(station.db.orm.select().from(attendees).where(eq(attendees.id, id)).get()?.source).toBe('badge');
    expect(checkIn(station, signedBadgeFor(station, { attendeeId: a.id }), now)).toMatchObject({ reason: 'revoked' });
  });
});
