// A misbehaving registry (truncated JSON, wrong types, oversized pages, a sync position that
// goes backwards, acknowledgements of events never sent…): the station keeps scanning, says
// what went wrong in a sentence, and applies nothing from the bad answer.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttendeeInput } from '../../core/records/attendee';
import { MAX_PAGE } from '../../core/sync/protocol';
import { setSetting } from '../../db/settings';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { LINK } from '../../station/sync/link';
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
  ['one broken change among valid ones', goodPull([...Array.from({ length: 300 }, (_, i) => ({ type: 'attendee', seq: i + 1, data: attendee(i) })), { type: 'attendee', seq: 301, data: { ...attendee(301), category: 'pirate' } }])],
  ['an unknown change type', goodPull([{ type: 'attendee', seq: 1, data: attendee(1) }, { type: 'drop_table', seq: 2, data: {} }])],
  ['a page larger than the protocol allows', goodPull(Array.from({ length: MAX_PAGE + 1 }, (_, i) => ({ type: 'attendee', seq: i + 1, data: attendee(i) })))],
  ['a 300 kB name', goodPull([{ type: 'attendee', seq: 1, data: { ...attendee(1), givenName: 'x'.repeat(300_000) } }])],
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
