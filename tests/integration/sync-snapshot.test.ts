// A first download as the registry's prepared snapshot (issue 14): cut off half-way, it resumes
// from the byte it stopped at (Range + If-Range) instead of starting again; the station then has
// exactly what a page-by-page download gives (people, badge codes, name index, scans, cursor),
// admits and finds people, and keeps pulling from where the snapshot ends. Stations asking at the
// same time get the same prepared file, whole (its SHA-256 as announced).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INITIAL_CURSOR, SNAPSHOT_SHA256_HEADER } from '../../core/sync/protocol';
import { searchWithTotal } from '../../db/search';
import { checkIn } from '../../station/checkin';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import { cursorOf } from '../../station/sync/pull';
import { SNAPSHOT_PART } from '../../station/sync/snapshot';
import { ProtocolStation } from '../../testkit/protocol-station';
import { startRegistryProc, type RegistryProc } from '../../testkit/registry-proc';
import { freshStation, tempDir } from '../helpers/station';

const PEOPLE = 5_600; // more than one page of the snapshot (5,000 changes a line)
let reg: RegistryProc;
const opened: Station[] = [];
afterAll(async () => {
  for (const s of opened) s.close();
  await reg?.kill('SIGTERM');
});
beforeAll(async () => {
  reg = await startRegistryProc({ dataDir: tempDir('foyer-snapshot-') });
  await reg.admin('POST', '/v1/admin/demo', { attendees: PEOPLE });
  // Scans from another station travel in the snapshot too.
  const other = await ProtocolStation.pair(reg, 'Other door');
  const people = await reg.admin<{ id: string }[]>('GET', '/v1/admin/attendees?limit=3');
  const day = new Date().toISOString().slice(0, 10);
  await other.push([0, 1, 2].map((i) => other.scan(Date.now() - 1000 + i, day, { attendeeId: people[i]!.id, code: `X-${i}` })));
}, 180_000);

async function paired(name: string, fetchFn?: typeof fetch, snapshot = true) {
  const { station } = freshStation({ demo: false, stationName: name });
  opened.push(station);
  const { code } = await reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', {});
  expect((await pairStation(station, reg.url, code)).paired).toBe(true);
  return { station, client: newSyncClient(station, { live: false, fetch: fetchFn, snapshot }) };
}

/** Cuts the first snapshot answer after `keep` bytes; records every snapshot request's Range. */
function cutting(keep: number) {
  const ranges: (string | null)[] = [];
  const pulls: string[] = [];
  let cut = false;
  const f: typeof fetch = async (input, init) => {
    if (String(input).includes('/v1/sync/pull')) pulls.push(String(input));
    const res = await fetch(input, init);
    if (!String(input).includes('/v1/sync/snapshot')) return res;
    ranges.push(new Headers(init?.headers).get('range'));
    if (cut) return res;
    cut = true;
    let sent = 0;
    const reader = res.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(ctl) {
        const { value, done } = await reader.read();
        if (done || sent >= keep) {
          await reader.cancel();
          ctl.error(new Error('connection reset'));
          return;
        }
        const part = value.subarray(0, keep - sent);
        sent += part.length;
        ctl.enqueue(part);
      },
    });
    return new Response(body, { status: res.status, headers: res.headers });
  };
  return { f, ranges, pulls };
}

const rows = (s: Station, q: string) => s.db.sqlite.prepare(q).all();

it('a cut first download resumes where it stopped and gives what the pages give', async () => {
  const cut = cutting(40_000);
  const a = await paired('Snapshot desk', cut.f);
  const first = await a.client.syncNow();
  expect(first.ok).toBe(false);
  expect(first.message).toMatch(/Cannot reach the registry/);
  const partFile = path.join(a.station.dataDir, SNAPSHOT_PART);
  expect(fs.statSync(partFile).size).toBe(40_000);
  expect(cursorOf(a.station)).toBe(INITIAL_CURSOR);

  cut.pulls.length = 0;
  const again = await a.client.syncNow();
  expect(again.ok, again.message ?? '').toBe(true);
  expect(cut.ranges).toEqual([null, 'bytes=40000-']);
  // The snapshot brought everything: one pull to hear there is nothing more (pages would take 6).
  expect(cut.pulls.length).toBe(1);
  expect(fs.existsSync(partFile)).toBe(false);

  const b = await paired('Paged desk', undefined, false);
  expect((await b.client.syncNow()).ok).toBe(true);
  expect((await a.client.syncNow()).ok).toBe(true); // (b's pairing is one more change)
  expect(cursorOf(a.station)).toBe(cursorOf(b.station));
  const people = 'select id, given_name, family_name, organisation, country, category, status, badge_version, search_text from attendees order by id';
  expect(rows(a.station, people).length).toBe(PEOPLE);
  expect(rows(a.station, people)).toEqual(rows(b.station, people));
  expect(rows(a.station, 'select * from badge_codes order by code')).toEqual(rows(b.station, 'select * from badge_codes order by code'));
  expect(rows(a.station, 'select rowid, attendee_id, family, given, org from attendees_fts order by rowid').length).toBe(PEOPLE);
  expect(rows(a.station, 'select id, kind, station_id from events order by id')).toEqual(rows(b.station, 'select id, kind, station_id from events order by id'));

  // Searchable and admitting: the name index was built, the codes are there.
  const someone = rows(a.station, 'select a.family_name as f, b.code as code from attendees a join badge_codes b on b.attendee_id = a.id limit 1')[0] as { f: string; code: string };
  expect(searchWithTotal(a.station.db.orm, someone.f).results.length).toBeGreaterThan(0);
  expect(checkIn(a.station, someone.code, Date.now()).verdict).toBe('admitted');
}, 180_000);

it('stations asking at once share one prepared file', async () => {
  const [c, d] = await Promise.all([ProtocolStation.pair(reg, 'Door 1'), ProtocolStation.pair(reg, 'Door 2')]);
  const get = (token: string) => fetch(`${reg.url}/v1/sync/snapshot?protocol=1`, { headers: { authorization: `Bearer ${token}` } });
  const answers = await Promise.all([get(c.token), get(d.token)]);
  const etags = answers.map((r) => r.headers.get('etag'));
  expect(etags[0]).toBeTruthy();
  expect(etags[0]).toBe(etags[1]);
  for (const r of answers) {
    const body = Buffer.from(await r.arrayBuffer());
    expect(crypto.createHash('sha256').update(body).digest('hex')).toBe(r.headers.get(SNAPSHOT_SHA256_HEADER));
  }
  // Without a token, nothing.
  expect((await fetch(`${reg.url}/v1/sync/snapshot?protocol=1`)).status).toBe(401);
}, 60_000);
