// The sentences a volunteer reads when a scan is refused: "badge not found" for a code of
// this event's format that is not on the list, "not a badge for this event" for anything
// else; a reprint's "ask for the new badge" versus a badge the organisers withdrew.
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertBadgeCodes } from '../../db/attendees';
import { addRevocation } from '../../db/badges';
import { attendees } from '../../db/schema/index';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { signedBadgeFor } from '../helpers/badges';
import { expectRevokedSentence } from '../helpers/sentences';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
let now: number;

beforeEach(() => {
  ({ station } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
});
afterEach(() => station.close());

describe('unmatched scans', () => {
  it('a code in the list’s format that is not on it: "Badge not found", with a way forward', () => {
    const { code } = demoCodes(station, 1)[0]!;
    const typo = code.slice(0, -2) + (code.endsWith('ZZ') ? 'YY' : 'ZZ');
    for (const text of [typo, typo.toLowerCase()]) {
      const r = checkIn(station, text, now);
      expect(r).toMatchObject({ verdict: 'refused', reason: 'unknown_code' });
      expect(r.message).toBe('Badge not found. Search by name or send to the help desk.');
    }
  });

  it.each(['https://example.org/ticket/12', '4006381333931', 'WIFI:S:venue;T:WPA;P:secret;;', 'hello world'])(
    '%s is "not a badge for this event", still with a way forward, and is logged',
    (text) => {
      const r = checkIn(station, text, now);
      expect(r).toMatchObject({ verdict: 'refused', reason: 'not_a_badge', attendee: null });
      expect(r.message).toBe('This is not a badge for this event. Search by name, or send to the help desk.');
      expect(r.eventId).not.toBeNull();
    },
  );

  it('follows the list: a new code format imported later is "not found", not "not ours"', () => {
    const { attendeeId } = demoCodes(station, 1)[0]!;
    expect(checkIn(station, 'VIP/0042', now).reason).toBe('not_a_badge');
    station.write(() => upsertBadgeCodes(station.db.orm, [{ code: 'VIP/0007', attendeeId, badgeVersion: 1 }]));
    expect(checkIn(station, 'VIP/0042', now).reason).toBe('unknown_code');
  });

  it('with no codes on the list yet it cannot tell: "Badge not found"', () => {
    station.db.sqlite.prepare('delete from badge_codes').run();
    expect(checkIn(station, 'https://example.org/ticket/12', now).reason).toBe('unknown_code');
  });
});

describe('revoked badges', () => {
  const tz = () => station.eventInfo().timeZone;

  it('a reprint says "ask for the new badge"', () => {
    const id = crypto.randomUUID();
    const revokedAt = now - 3_600_000;
    station.write(() => addRevocation(station.db.orm, { attendeeId: id, badgeVersion: 1, revokedAt, reason: 'reprint' }));
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: id }), now);
    expect(r).toMatchObject({ verdict: 'refused', reason: 'revoked', params: { revocationReason: 'reprint', revokedAtMs: revokedAt } });
    expectRevokedSentence(r.message, revokedAt, tz(), 'reprint');
  });

  it.each(['lost', 'cancelled', 'revoked'])('a badge the registry withdrew (%s) is not called a reprint', (reason) => {
    const id = crypto.randomUUID();
    const revokedAt = now - 3_600_000;
    station.write(() => addRevocation(station.db.orm, { attendeeId: id, badgeVersion: 1, revokedAt, reason }));
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: id }), now);
    expect(r).toMatchObject({ verdict: 'refused', reason: 'revoked', params: { revocationReason: reason } });
    expectRevokedSentence(r.message, revokedAt, tz(), 'withdrawn');
  });

  it('a person the registry revoked: withdrawn, even for their current badge', () => {
    const a = station.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).get()!;
    station.db.orm.update(attendees).set({ status: 'revoked' }).where(eq(attendees.id, a.id)).run();
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: a.id, badgeVersion: a.badgeVersion }), now);
    expect(r).toMatchObject({ verdict: 'refused', reason: 'revoked', params: { revocationReason: 'revoked' } });
    expect(r.message).toBe('This badge was withdrawn. Send the person to the help desk.');
  });

  it('an older version than the current one, with no revocation row yet: a reprint', () => {
    const a = station.db.orm.select().from(attendees).where(and(eq(attendees.status, 'active'), eq(attendees.notes, ''))).get()!;
    station.db.orm.update(attendees).set({ badgeVersion: 3 }).where(eq(attendees.id, a.id)).run();
    const r = checkIn(station, signedBadgeFor(station, { attendeeId: a.id, badgeVersion: 2 }), now);
    expect(r).toMatchObject({ reason: 'revoked', params: { revocationReason: 'reprint' } });
    expect(r.message).toBe('This badge was replaced by a reprint. Ask for the new badge.');
  });
});
