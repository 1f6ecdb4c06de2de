// The check-in engine as a front-desk volunteer meets it: every verdict, every refusal reason,
// undo as a compensating event, and durability across a restart.
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admissions, attendees, badgeCodes, events, stations } from '../../db/schema/index';
import { admissionsOf, insertEvent, rebuildAdmissions } from '../../db/events';
import { setSetting } from '../../db/settings';
import { checkIn, checkInAttendee, undoLast, undoTarget } from '../../station/checkin';
import { createHandlers, dispatch } from '../../station/handlers/index';
import { openStation, type Station } from '../../station/station';
import { demoCodes, freshStation } from '../helpers/station';

const DAY = 24 * 3600 * 1000;
let station: Station;
let dir: string;
let now: number;

beforeEach(() => {
  ({ station, dir } = freshStation());
  // Noon in Vienna on the demo's first day, whatever time the test runs.
  now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
});
afterEach(() => station.close());

function attendeeOf(code: string) {
  const row = station.db.orm.select().from(badgeCodes).where(eq(badgeCodes.code, code)).get()!;
  return station.db.orm.select().from(attendees).where(eq(attendees.id, row.attendeeId)).get()!;
}

function activeCode(skip = 0): string {
  const rows = station.db.orm
    .select({ code: badgeCodes.code })
    .from(badgeCodes)
    .innerJoin(attendees, eq(attendees.id, badgeCodes.attendeeId))
    .where(eq(attendees.status, 'active'))
    .all()
    .filter((r) => {
      const a = attendeeOf(r.code);
      return a.notes === '' && a.validDays === null;
    });
  return rows[skip]!.code;
}

function eventCount(): number {
  return station.db.orm.select({ n: count() }).from(events).get()!.n;
}

describe('check-in verdicts', () => {
  it('admits a valid badge and names the person', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    const r = checkIn(station, code, now);
    expect(r.verdict).toBe('admitted');
    expect(r.reason).toBe('ok');
    expect(r.attendee?.familyName).toBe(a.familyName);
    expect(r.message).toContain(a.givenName);
    expect(r.eventId).toBeTruthy();
  });

  it('a second scan the same day warns and says when and where they were first admitted', () => {
    const code = activeCode();
    const first = checkIn(station, code, now);
    const again = checkIn(station, code, now + 90 * 60_000);
    expect(again.verdict).toBe('warning');
    expect(again.reason).toBe('already_checked_in');
    expect(again.firstAdmission?.eventId).toBe(first.eventId);
    expect(again.firstAdmission?.stationName).toBe('Front desk 1');
    // 10:00 UTC is 11:00 in Vienna in winter, 12:00 in summer: the sentence uses the event's time zone.
    expect(again.message).toMatch(/Already checked in at \d{1,2} \w{3} (11|12):00 \(Front desk 1\)/);
  });

  it('can be set to refuse repeats instead of warning', () => {
    station.write(() => setSetting(station.db.orm, 'repeatPolicy', 'refuse'));
    station.invalidate();
    const code = activeCode();
    checkIn(station, code, now);
    const again = checkIn(station, code, now + 1000);
    expect(again.verdict).toBe('refused');
    expect(again.reason).toBe('already_checked_in_refused');
  });

  it('on the second day a returning attendee is admitted and welcomed back', () => {
    const code = activeCode();
    checkIn(station, code, now);
    const r = checkIn(station, code, now + DAY);
    expect(r.verdict).toBe('admitted');
    expect(r.reason).toBe('ok_returning');
    expect(r.firstAdmission?.day).toBe(station.eventInfo().days[0]);
  });

  it('refuses unknown codes with a way forward', () => {
    const r = checkIn(station, 'A23-NOSUCH', now);
    expect(r.verdict).toBe('refused');
    expect(r.reason).toBe('unknown_code');
    expect(r.message).toMatch(/search by name/i);
    expect(r.attendee).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['only whitespace', '   \r\n'],
    ['binary junk', '\u0000\u0001\u0002\u00ff\ufffd'],
    ['10 kB of text', 'x'.repeat(10_240)],
    ['not a string', 12345 as unknown as string],
  ])('refuses malformed input (%s) and still records it', (_label, text) => {
    const before = eventCount();
    const r = checkIn(station, text, now);
    expect(r.verdict).toBe('refused');
    expect(r.reason).toBe('malformed');
    expect(eventCount()).toBe(before + 1);
  });

  it('refuses a cancelled registration', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    station.db.orm.update(attendees).set({ status: 'cancelled' }).where(eq(attendees.id, a.id)).run();
    const r = checkIn(station, code, now);
    expect([r.verdict, r.reason]).toEqual(['refused', 'cancelled']);
  });

  it('refuses a badge superseded by a reprint', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    station.db.orm.update(attendees).set({ badgeVersion: 2 }).where(eq(attendees.id, a.id)).run();
    const r = checkIn(station, code, now);
    expect([r.verdict, r.reason]).toEqual(['refused', 'revoked']);
    expect(r.message).toMatch(/replaced by a reprint/);
  });

  it('refuses a badge that is not valid today, and any badge on a non-event day', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    const [day1, day2] = station.eventInfo().days;
    station.db.orm.update(attendees).set({ validDays: [day2!] }).where(eq(attendees.id, a.id)).run();
    expect(checkIn(station, code, now).reason).toBe('not_valid_today');
    expect(checkIn(station, code, now + DAY).verdict).toBe('admitted');
    expect(day1).not.toBe(day2);
    const other = activeCode(1);
    expect(checkIn(station, other, now + 3 * DAY).reason).toBe('not_valid_today');
  });

  it('refuses a category this entrance does not admit', () => {
    station.db.orm.update(stations).set({ allowedCategories: ['media'] }).where(eq(stations.id, station.id)).run();
    station.invalidate();
    const code = activeCode();
    expect(attendeeOf(code).category).not.toBe('media');
    const r = checkIn(station, code, now);
    expect([r.verdict, r.reason]).toEqual(['refused', 'category_not_allowed']);
  });

  it('admits with a warning when the desk has a note to read', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    station.db.orm.update(attendees).set({ notes: 'Needs wheelchair access' }).where(eq(attendees.id, a.id)).run();
    const r = checkIn(station, code, now);
    expect(r.verdict).toBe('warning');
    expect(r.message).toContain('wheelchair');
  });

  it('ignores the Enter/Tab and spaces a scanner adds', () => {
    const code = activeCode();
    expect(checkIn(station, ` ${code}\r\n`, now).verdict).toBe('admitted');
  });

  it('matches a code typed in lower case or sent with Caps Lock on (the lookup, not only the shape)', () => {
    const lower = activeCode(0);
    expect(checkIn(station, lower.toLowerCase(), now)).toMatchObject({ verdict: 'admitted', reason: 'ok', attendee: { id: attendeeOf(lower).id } });
    // Caps Lock inverts every letter a scanner sends: 'A23-Hw2mx' style mixed case.
    const mixed = activeCode(1);
    const inverted = [...mixed].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('');
    expect(checkIn(station, inverted, now).attendee?.id).toBe(attendeeOf(mixed).id);
  });

  it('a scanner on another keyboard layout: the reading that is a badge admits, the typed text is kept (#13.14)', () => {
    const code = activeCode(4);
    const typed = code.replace('-', 'ß'); // a US-set scanner on a German laptop
    const r = checkIn(station, typed, now, { alternatives: ['A23ßNOPE', code] });
    expect(r).toMatchObject({ verdict: 'admitted', reason: 'ok', layoutCorrected: true, attendee: { id: attendeeOf(code).id } });
    const e = station.db.orm.select().from(events).where(eq(events.id, r.eventId!)).get()!;
    expect(e.payload).toMatchObject({ code, typed });
    // A typed text that is a badge wins: other readings are not even looked at.
    const plainOne = activeCode(5);
    const direct = checkIn(station, plainOne, now, { alternatives: [activeCode(6)] });
    expect(direct.attendee?.id).toBe(attendeeOf(plainOne).id);
    expect(direct.layoutCorrected).toBeUndefined();
    // No reading is a badge: the typed text's refusal, nothing claimed.
    const none = checkIn(station, 'Qé")XXXXXX', now, { alternatives: ['A23-XXXXXX', 'x'.repeat(2000), 42] });
    expect(none).toMatchObject({ verdict: 'refused' });
    expect(none.layoutCorrected).toBeUndefined();
  });

  it('a case-insensitive match must be unique: two codes differing only by case admit nobody on a guess', () => {
    const code = activeCode(2);
    const other = attendeeOf(activeCode(3));
    // A list whose codes are case-sensitive (two people, 'X…' and 'x…').
    station.db.orm.insert(badgeCodes).values({ code: code.toLowerCase(), attendeeId: other.id, badgeVersion: 1 }).run();
    const mixed = code.slice(0, 1).toLowerCase() + code.slice(1);
    expect(checkIn(station, mixed, now).verdict).toBe('refused');
    // The exact spellings still work.
    expect(checkIn(station, code, now).attendee?.id).toBe(attendeeOf(code).id);
    expect(checkIn(station, code.toLowerCase(), now).attendee?.id).toBe(other.id);
  });
});

describe('manual check-in and undo', () => {
  it('checks in from search without a badge, with the same rules', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    const r = checkInAttendee(station, a.id, now);
    expect(r.verdict).toBe('admitted');
    expect(checkIn(station, code, now + 1000).reason).toBe('already_checked_in');
  });

  it('undo compensates the last admission with a new event; nothing is deleted', () => {
    const code = activeCode();
    checkIn(station, code, now);
    const before = eventCount();
    const u = undoLast(station, now + 1000);
    expect(u.undone).toBe(true);
    expect(u.message).toMatch(/undone/);
    expect(eventCount()).toBe(before + 1);
    expect(admissionsOf(station.db.orm, attendeeOf(code).id)).toHaveLength(0);
    // The person can be checked in afresh.
    expect(checkIn(station, code, now + 2000).reason).toBe('ok');
  });

  it('undo with nothing to undo says so', () => {
    expect(undoLast(station, now).undone).toBe(false);
  });
});

describe('undo takes back exactly the operator\'s own last admission (#13.2)', () => {
  const admitted = (code: string, at: number) => station.db.orm.select().from(admissions).where(eq(admissions.attendeeId, attendeeOf(code).id)).all().filter((r) => r.day === station.today(at));

  it('after a repeat scan (a warning), undo takes back the admission itself: the person is no longer checked in', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    checkIn(station, code, now);
    expect(checkIn(station, code, now + 5000).verdict).toBe('warning');
    const u = undoLast(station, now + 10_000);
    expect(u).toMatchObject({ undone: true, why: null, target: { reason: 'ok', attendee: { id: a.id } }, stillAdmitted: null });
    expect(u.message).toContain(`${a.givenName} ${a.familyName}`);
    expect(admitted(code, now)).toEqual([]);
    // Scanned again, they are welcomed as a first admission.
    expect(checkIn(station, code, now + 20_000).reason).toBe('ok');
  });

  it('after a refusal, undo names the admission it takes back (not the refused scan)', () => {
    const first = activeCode(0);
    checkIn(station, first, now);
    expect(checkIn(station, 'A23-ZZZZZZ', now + 1000).verdict).toBe('refused');
    const u = undoLast(station, now + 2000);
    expect(u.undone).toBe(true);
    expect(u.target?.attendee?.id).toBe(attendeeOf(first).id);
    expect(admitted(first, now)).toEqual([]);
  });

  it('only within 2 minutes; an older admission is undone only when chosen explicitly', () => {
    const code = activeCode();
    const r = checkIn(station, code, now);
    expect(undoTarget(station, now + 119_000)?.eventId).toBe(r.eventId);
    expect(undoTarget(station, now + 121_000)).toBeNull();
    const late = undoLast(station, now + 121_000);
    expect(late).toMatchObject({ undone: false, why: 'too_old', target: { attendee: { id: attendeeOf(code).id } } });
    expect(admitted(code, now)).toHaveLength(1);
    // Chosen in Recent scans: any age.
    expect(undoLast(station, now + 3_600_000, { eventId: r.eventId! }).undone).toBe(true);
    expect(admitted(code, now)).toEqual([]);
  });

  it('a chosen repeat-scan warning or refusal is not an admission and is left alone', () => {
    const code = activeCode();
    checkIn(station, code, now);
    const repeat = checkIn(station, code, now + 1000);
    const refused = checkIn(station, 'A23-ZZZZZZ', now + 2000);
    expect(undoLast(station, now + 3000, { eventId: repeat.eventId! })).toMatchObject({ undone: false, why: 'not_admission' });
    expect(undoLast(station, now + 3000, { eventId: refused.eventId! })).toMatchObject({ undone: false, why: 'not_admission' });
    expect(admitted(code, now)).toHaveLength(1);
  });

  it("one operator's undo never takes back another operator's admission", () => {
    const mine = activeCode(0);
    const theirs = activeCode(1);
    checkIn(station, mine, now, { operator: 'Ana' });
    checkIn(station, theirs, now + 1000, { operator: 'Ben' });
    const u = undoLast(station, now + 2000, { operator: 'Ana' });
    expect(u.target?.attendee?.id).toBe(attendeeOf(mine).id);
    expect(admitted(theirs, now)).toHaveLength(1);
  });

  it('says when another station still counts the person in', () => {
    const code = activeCode();
    const a = attendeeOf(code);
    checkIn(station, code, now);
    // The same person, admitted with a warning at another station (pulled by sync).
    station.write(() =>
      insertEvent(
        station.db.orm,
        { id: 'other-1', stationId: 'other-station', seq: 1, hlc: '9999', wallTime: now + 500, kind: 'scan', attendeeId: a.id, roomId: null, sessionId: null, verdict: 'warning', reason: 'already_checked_in', operator: null, payload: {}, day: station.today(now) },
        now + 600,
      ),
    );
    const u = undoLast(station, now + 1000);
    expect(u.undone).toBe(true);
    expect(u.stillAdmitted).toMatchObject({ at: now + 500 });
  });
});

describe('durability', () => {
  it('admissions and the log survive closing and reopening the station', () => {
    const code = activeCode();
    checkIn(station, code, now);
    checkIn(station, activeCode(1), now + 1);
    undoLast(station, now + 2);
    station.close();
    station = openStation(dir);
    expect(checkIn(station, code, now + 3).reason).toBe('already_checked_in');
    expect(checkIn(station, activeCode(1), now + 4).reason).toBe('ok');
    // Sequence numbers continue, never reused.
    const seqs = station.db.orm.select({ seq: events.seq }).from(events).all().map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('derived admissions equal a recomputation from the log', () => {
    const codes = demoCodes(station, 40).map((c) => c.code);
    for (let i = 0; i < 120; i++) {
      const r = (i * 7919) % 10;
      if (r < 7) checkIn(station, codes[(i * 31) % codes.length]!, now + i * 1000);
      else if (r < 9) undoLast(station, now + i * 1000);
      else checkIn(station, codes[(i * 17) % codes.length]!, now + DAY + i * 1000);
    }
    const incremental = station.db.orm.select().from(admissions).orderBy(admissions.attendeeId, admissions.day).all();
    station.write(() => rebuildAdmissions(station.db.orm));
    const rebuilt = station.db.orm.select().from(admissions).orderBy(admissions.attendeeId, admissions.day).all();
    expect(rebuilt).toEqual(incremental);
    expect(incremental.length).toBeGreaterThan(5);
  });

  it('a full disk gives a clear sentence and no verdict; nothing half-written', async () => {
    const handlers = createHandlers({ now: () => now });
    const code = activeCode();
    const pages = station.db.sqlite.pragma('page_count', { simple: true }) as number;
    station.db.sqlite.pragma(`max_page_count = ${pages}`);
    // Fill the log's own pages (and its indexes) until SQLite reports the disk full.
    const junk = station.db.sqlite.prepare(
      "insert into events (id, station_id, seq, hlc, wall_time, kind, payload, day, received_at) values (?, 'filler', ?, ?, 0, 'note', ?, 'x', 0)",
    );
    let filled = false;
    let i = 0;
    for (const size of [2000, 200, 1]) {
      try {
        for (;;) {
          i++;
          junk.run(`filler-${i}`, i, `h${String(i).padStart(45, '0')}`, 'x'.repeat(size));
        }
      } catch (err) {
        expect((err as { code: string }).code).toBe('SQLITE_FULL');
        filled = true;
      }
    }
    expect(filled).toBe(true);
    const before = eventCount();
    const admittedBefore = station.db.orm.select({ n: count() }).from(admissions).get()!.n;
    const res = await dispatch(handlers, station, 'checkin.scan', { text: code });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('disk_full');
      expect(res.error.message).toMatch(/NOT saved/);
    }
    expect(eventCount()).toBe(before);
    expect(station.db.orm.select({ n: count() }).from(admissions).get()!.n).toBe(admittedBefore);
    station.db.sqlite.pragma('max_page_count = 1073741823');
    // After space is freed the same scan works and is the first admission.
    const ok = await dispatch(handlers, station, 'checkin.scan', { text: code });
    expect(ok.ok && (ok.value as { reason: string }).reason).toBe('ok');
  });
});

describe('dispatch validates input', () => {
  it('rejects unknown methods and malformed arguments with sentences, never throws', async () => {
    const handlers = createHandlers();
    const a = await dispatch(handlers, station, 'db.dropEverything', {});
    expect(a).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const b = await dispatch(handlers, station, 'checkin.scan', { text: 42 });
    expect(b).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const c = await dispatch(handlers, station, 'checkin.scan', null);
    expect(c.ok).toBe(false);
    const d = await dispatch(handlers, station, '__proto__', {});
    expect(d.ok).toBe(false);
  });
});
