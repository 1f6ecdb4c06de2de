// A misbehaving registry (truncated JSON, wrong types, oversized pages, a sync position that
// goes backwards, acknowledgements of events never sent…): the station keeps scanning, says
// what went wrong in a sentence, and applies nothing from the bad answer. A page that is sound
// but holds records the station cannot accept applies without them, and names them.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttendeeInput } from '../../core/records/attendee';
import { MAX_PAGE } from '../../core/sync/protocol';
import { setSetting } from '../../db/settings';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { LINK } from '../../station/sync/link';
import { skippedChanges } from '../../station/sync/pull';
import { demoCodes, freshStation } from '../helpers/station';

let station: Station;
let now = 0;

beforeEach(() => {
  ({ station } = freshStation());
  now = Date.parse(`${station.eventInfo().days[0]}T10:00:00Z`);
  station.write(() => setSetting(station.db.orm, LINK, { url: 'http://registry.invalid', token: 't'.repeat(43), eventId: null, pairedAt: 1 }));
  for (const c of demoCodes(station, 3)) checkIn(station, c.code, now);
});
afterEach(() => station.close());

/** Everything a bad answer could have changed. */
function fingerprint() {
  const q = (sql: string) => station.db.sqlite.prepare(sql).get();
  return {
    attendees: q('select count(*) n, max(updated_at) u from attendees'),
    events: q('select count(*) n, sum(pushed_at is null) outbox from events'),
    cursor: q("select value from settings where key = 'sync.cursor'"),
    rooms: q('select count(*) n from rooms'),
    keys: q('select count(*) n from signing_keys'),
  };
}

const attendee = (i: number): AttendeeInput => ({
  id: `reg-${i}`,
  givenName: `Given${i}`,
  familyName: `Family${i}`,
  organisation: '',
  delegation: '',
  country: '',
  category: 'ngo',
  validDays: null,
  status: 'active',
  badgeVersion: 1,
  notes: '',
  badgeCodes: [`REG-${i}`],
  source: 'registry',
});
const goodPull = (changes: unknown[]) => ({ protocol: 1, changes, nextCursor: `1:${changes.length + 10}`, hasMore: false, acked: 0, serverTime: now });
const goodPush = { protocol: 1, acked: 0, stored: 0, duplicates: 0, rejected: [], serverTime: now };

/** A registry that answers push and pull with the given bodies (strings are sent as they are). */
function registry(answers: { push?: unknown; pull?: unknown; status?: number }): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const push = url.includes('/v1/sync/push');
    const body = push ? ('push' in answers ? answers.push : goodPush) : 'pull' in answers ? answers.pull : goodPull([]);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: answers.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

async function syncWith(f: typeof fetch) {
  const client = newSyncClient(station, { fetch: f, live: false, now: () => now });
  return client.syncNow();
}

const BAD_PULLS: [string, unknown][] = [
  ['truncated JSON', JSON.stringify(goodPull([{ type: 'attendee', seq: 1, data: attendee(1) }])).slice(0, 80)],
  ['HTML instead of JSON', '<html><body>502 Bad Gateway</body></html>'],
  ['empty body', ''],
  ['changes is not a list', { ...goodPull([]), changes: 'everything' }],
  ['cursor of the wrong type', { ...goodPull([]), nextCursor: 42 }],
  ['a page larger than the protocol allows', goodPull(Array.from({ length: MAX_PAGE + 1 }, (_, i) => ({ type: 'attendee', seq: i + 1, data: attendee(i) })))],
  ['the wrong protocol version', { ...goodPull([]), protocol: 2 }],
];

describe('a misbehaving registry', () => {
  for (const [what, pull] of BAD_PULLS) {
    it(`pull answer with ${what}: nothing applied, a sentence, scanning goes on`, async () => {
      const before = fingerprint();
      const r = await syncWith(registry({ pull }));
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/^[A-Z].*[.)]$/);
      expect(r.message).not.toMatch(/ZodError|SyntaxError|\n\s+at /);
      expect(fingerprint()).toEqual(before);
      expect(checkIn(station, demoCodes(station, 5)[4]!.code, now).verdict).toBe('admitted');
    });
  }

  it('records it cannot accept are left out and named; the rest of the page applies and the download goes on', async () => {
    const attendeesBefore = fingerprint().attendees as { n: number };
    const bad = [
      { type: 'attendee', seq: 301, data: { ...attendee(301), category: 'pirate' } },
      { type: 'attendee', seq: 302, data: { ...attendee(302), validDays: ['2026-02-30'] } }, // a walk-in a hostile station made up
      { type: 'attendee', seq: 303, data: { ...attendee(303), givenName: 'x'.repeat(300_000) } },
      { type: 'drop_table', seq: 304, data: {} },
    ];
    // A registry that stores what it is sent (so the outbox empties and the cycle is a success).
    const own = () => (station.db.sqlite.prepare('select count(*) n from events').get() as { n: number }).n;
    const storing = (pull: ReturnType<typeof goodPull>) => registry({ push: { ...goodPush, acked: own() }, pull: { ...pull, acked: own() } });
    const page1 = goodPull([...Array.from({ length: 300 }, (_, i) => ({ type: 'attendee', seq: i + 1, data: attendee(i) })), ...bad]);
    const r = await syncWith(storing(page1));
    expect(r.ok, r.message ?? '').toBe(true);
    expect((fingerprint().attendees as { n: number }).n).toBe(attendeesBefore.n + 300);
    expect(fingerprint().cursor).toEqual({ value: JSON.stringify(page1.nextCursor) });
    expect(checkIn(station, 'REG-299', now).verdict).toBe('admitted');
    expect(checkIn(station, 'REG-302', now).reason).toBe('unknown_code');
    const skipped = skippedChanges(station);
    expect(skipped.map((x) => [x.type, x.id])).toEqual([['attendee', 'reg-301'], ['attendee', 'reg-302'], ['attendee', 'reg-303'], ['drop_table', null]]);
    expect(skipped[1]!.reason).toMatch(/validDays.*not a day of the calendar/);
    const client = newSyncClient(station, { fetch: storing(goodPull([])), live: false, now: () => now });
    expect(client.statusLine().message).toBe('4 records from the registry could not be read and were left out; the rest is up to date. Tell the registry operator.');
    // The organiser fixes one: it arrives, and is no longer named.
    expect((await syncWith(storing({ ...goodPull([{ type: 'attendee', seq: 305, data: attendee(302) }]), nextCursor: '1:400' }))).ok).toBe(true);
    expect(checkIn(station, 'REG-302', now).verdict).toBe('admitted');
    expect(skippedChanges(station).map((x) => x.id)).toEqual(['reg-301', 'reg-303', null]);
  });

  it('a sync position that goes backwards is refused', async () => {
    station.write(() => setSetting(station.db.orm, 'sync.cursor', '1:500'));
    const before = fingerprint();
    const r = await syncWith(registry({ pull: { ...goodPull([{ type: 'attendee', seq: 1, data: attendee(1) }]), nextCursor: '1:3' } }));
    expect(r.ok).toBe(false);
    expect(fingerprint()).toEqual(before);
  });

  it('push answers with wrong types keep every event in the outbox', async () => {
    for (const push of ['{"protocol":1,"acked":', { ...goodPush, acked: '3' }, { ...goodPush, acked: -1 }, { ...goodPush, rejected: 'all' }, [], null]) {
      const before = fingerprint();
      const r = await syncWith(registry({ push }));
      expect(r.ok, JSON.stringify(push)).toBe(false);
      expect(fingerprint().events).toEqual(before.events); // (the download still ran and moved the cursor)
    }
  });

  it('5xx, 429 and error bodies without a message still give a sentence and keep the outbox', async () => {
    for (const status of [500, 502, 503, 429, 400, 413]) {
      const before = fingerprint();
      const r = await syncWith(registry({ push: '{"nope":1}', pull: 'oops', status }));
      expect(r.ok).toBe(false);
      expect(r.message, String(status)).toMatch(/^[A-Z].*[.)]$/);
      expect(fingerprint().events).toEqual(before.events);
    }
  });

  it('fast-check: any JSON as the pull answer never throws, never half-applies, and scanning goes on', async () => {
    const samples = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 4 }),
        fc.record({ protocol: fc.constant(1), changes: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), nextCursor: fc.string(), hasMore: fc.boolean(), acked: fc.integer(), serverTime: fc.integer() }),
      ),
      { numRuns: 150, seed: 3 },
    );
    for (const pull of samples) {
      const before = fingerprint();
      const r = await syncWith(registry({ pull }));
      expect(r.ok, JSON.stringify(pull).slice(0, 100)).toBe(false);
      expect(fingerprint(), JSON.stringify(pull).slice(0, 200)).toEqual(before);
    }
    expect(checkIn(station, demoCodes(station, 6)[5]!.code, now).verdict).toBe('admitted');
  });

  it('a registry that acknowledges events this station never sent does not empty the outbox', async () => {
    const before = fingerprint();
    const r = await syncWith(registry({ push: { ...goodPush, acked: 1_000_000 }, pull: { ...goodPull([]), acked: 1_000_000 } }));
    expect(r.ok).toBe(false);
    expect(fingerprint().events).toEqual(before.events);
  });
});
