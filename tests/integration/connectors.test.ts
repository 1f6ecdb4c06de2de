// Connectors read registrations from Indico's and pretix's APIs (here: stand-ins answering as
// those APIs are published) into the registry, page by page, and a refresh brings changes and
// cancellations. Indico tickets imported this way admit the right person at a paired station:
// the registrant by v2 and pre-3.3 QR codes, an accompanying person by their own ticket.
import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { connector, readRound, syncPictures, type PhotoSink } from '../../registry/connectors';
import { readPretix, PretixState } from '../../registry/connectors/pretix';
import { checkIn } from '../../station/checkin';
import { useDemoRegistry } from '../helpers/demo-registry';
import { fakeIndico, fakePretix, type FakeServer, type IndicoPerson, type PretixOrder } from '../helpers/fake-registration-systems';
import { testJpeg } from '../helpers/photos';

const demo = useDemoRegistry('foyer-connectors-');
const fakes: FakeServer[] = [];
afterAll(async () => {
  for (const f of fakes) await f.close();
});

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await promisify(execFile)('npx', ['tsx', 'registry/admin-cli.ts', '--registry', demo.reg.url, '--admin-token', demo.reg.adminToken, ...args], { encoding: 'utf8' });
    return { ...r, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}
type Row = { id: string; givenName: string; familyName: string; organisation: string; country: string; category: string; status: string; badgeCodes: string[] };
const find = async (q: string) => demo.reg.admin<Row[]>('GET', `/v1/admin/attendees?q=${encodeURIComponent(q)}&limit=100`);
/** One person by name and id (the demo event's own people share some names). */
const one = async (q: string, id: string) => (await find(q)).find((r) => r.id === id);
/** The registry's stored photo of a person (what desks receive through /v1/sync/photos), or null. */
async function storedPhoto(id: string): Promise<{ width: number; height: number } | null> {
  const res = await fetch(`${demo.reg.url}/v1/admin/attendees/${encodeURIComponent(id)}/photo`, { headers: { authorization: `Bearer ${demo.reg.adminToken}` } });
  if (res.status === 204) return null;
  const b = Buffer.from(await res.arrayBuffer());
  expect(b.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  // SOF0 of a baseline JPEG: height then width.
  const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
  return { height: b.readUInt16BE(sof + 5), width: b.readUInt16BE(sof + 7) };
}
/** The console's photo upload and deletion, as the CLI calls them. */
const sink: PhotoSink = {
  put: async (id, bytes) => {
    const res = await fetch(`${demo.reg.url}/v1/admin/attendees/${encodeURIComponent(id)}/photo`, { method: 'PUT', headers: { authorization: `Bearer ${demo.reg.adminToken}` }, body: new Uint8Array(bytes) });
    return res.ok ? { ok: true } : { ok: false, message: String(res.status), final: true };
  },
  remove: async (id) => (await demo.reg.admin<{ deleted: boolean }>('DELETE', `/v1/admin/attendees/${encodeURIComponent(id)}/photo`)).deleted,
};
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');

describe('connect indico', () => {
  const ticketA = crypto.randomUUID();
  const ticketB = crypto.randomUUID();
  const guest = crypto.randomUUID();
  const people: IndicoPerson[] = [
    { id: 501, first: 'Olena', last: 'Kovalenko', affiliation: 'MFA Ukraine', countryCode: 'UA', state: 'complete', ticket: ticketA, tags: ['Delegation'], accompanying: [{ id: guest, firstName: 'Taras', lastName: 'Kovalenko' }] },
    { id: 502, first: 'Jonas', last: 'Berg', affiliation: 'Aftenposten', countryCode: 'NO', state: 'pending', ticket: ticketB, tags: ['Press'] },
    { id: 503, first: 'Amir', last: 'Haddad', affiliation: 'UNHCR', countryCode: 'JO', state: 'complete', ticket: crypto.randomUUID() },
  ];
  const b64 = (u: string) => Buffer.from(u.replace(/-/g, ''), 'hex').toString('base64');

  it('imports registrants with ticket UUIDs, names, affiliation, country, state, accompanying persons; the event accepts that server', async () => {
    const indico = await fakeIndico({ token: 'indico-token', eventId: 42, title: 'Alliance 2026', people });
    fakes.push(indico);
    const r = await cli('connect', 'indico', '--url', indico.url, '--event', '42', '--token', 'indico-token', '--once');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/The event now accepts Indico tickets from http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/Imported 4 people from Indico registrants/);
    expect(await find('Kovalenko')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'indico-501', givenName: 'Olena', organisation: 'MFA Ukraine', country: 'UA', category: 'delegation', status: 'active', badgeCodes: [ticketA] }),
        expect.objectContaining({ id: `indico-501-acc-${guest}`, givenName: 'Taras', badgeCodes: [`${ticketA}/${guest}`, guest] }),
      ]),
    );
    expect(await one('Berg', 'indico-502')).toMatchObject({ status: 'pending', category: 'media' });
    expect(indico.requests).toContain('/api/checkin/event/42/forms/7/registrations/');
    // The registration's e-mail, registry-only, from Indico's registrants API: personal_data.email
    // (indico/modules/events/registration/util.py _build_personal_data ← Registration.get_personal_data,
    // keyed by PersonalDataType names). A Zoom report is then matched to Olena by that address.
    expect(await one('Kovalenko', 'indico-501')).toMatchObject({ email: '501@example.test' });
    const zoom = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest', 'O. K. (iPad),501@Example.TEST,,,42,No'].join('\n');
    const res = await fetch(`${demo.reg.url}/v1/admin/sessions/s1/zoom-report`, { method: 'POST', headers: { authorization: `Bearer ${demo.reg.adminToken}` }, body: zoom });
    expect(await res.json()).toMatchObject({ ok: true });
    const stored = await demo.reg.admin<{ people: { attendeeId: string | null; match: string; names: string[] }[] }>('GET', '/v1/admin/sessions/s1/zoom-report');
    expect(stored.people.filter((p) => p.attendeeId === 'indico-501')).toEqual([expect.objectContaining({ match: 'email' })]);
  }, 120_000);

  it('the QR codes Indico prints admit the right person at a paired station', async () => {
    const { station, client } = await demo.pairedStation('Desk Indico', { syncNow: true });
    await client.syncNow();
    const host = station.eventInfo().indicoHost!;
    expect(host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const now = Date.parse(`${station.eventInfo().days[0]}T09:00:00Z`);
    const v2 = (...i: unknown[]) => JSON.stringify({ i: [2, host, ...i] });
    expect(checkIn(station, v2(b64(ticketA), b64(guest)), now)).toMatchObject({ verdict: 'admitted', attendee: { givenName: 'Taras' } });
    expect(checkIn(station, v2(b64(ticketA)), now)).toMatchObject({ verdict: 'admitted', attendee: { givenName: 'Olena' } });
    const v1 = JSON.stringify({ registrant_id: 502, registration_id: 502, regform_id: 7, checkin_secret: ticketB, event_id: '42', server_url: host, version: 1 });
    expect(checkIn(station, v1, now)).toMatchObject({ verdict: 'refused', reason: 'pending' }); // registration pending approval
    expect(checkIn(station, JSON.stringify({ i: [2, 'indico.elsewhere.example', b64(ticketA)] }), now)).toMatchObject({ verdict: 'refused', reason: 'not_this_event' });
  }, 120_000);

  it('a refresh brings changes and cancellations: approved, withdrawn, deleted in Indico', async () => {
    people[1]!.state = 'complete';
    people[0]!.state = 'withdrawn';
    people.splice(2, 1); // 503 deleted in Indico
    const indico = fakes[0]!;
    const r = await cli('connect', 'indico', '--url', indico.url, '--event', '42', '--token', 'indico-token', '--once');
    expect(r.stdout).toMatch(/1 no longer listed by the source: now cancelled/);
    expect((await one('Berg', 'indico-502'))!.status).toBe('active');
    expect((await one('Olena', 'indico-501'))!.status).toBe('cancelled');
    expect((await one('Haddad', 'indico-503'))!.status).toBe('cancelled');
  }, 120_000);

  it('brings registration photos: fetched with the token, shrunk and stored; SVG, huge and other-host pictures skipped, the people still imported', async () => {
    const indico = fakes[0]!;
    people[1]!.picture = { bytes: testJpeg(600, 800) };
    people.push(
      { id: 504, first: 'Mira', last: 'Svg', affiliation: 'x', countryCode: 'AT', state: 'complete', ticket: crypto.randomUUID(), picture: { bytes: svg, contentType: 'image/svg+xml' } },
      { id: 505, first: 'Hugo', last: 'Huge', affiliation: 'x', countryCode: 'AT', state: 'complete', ticket: crypto.randomUUID(), picture: { bytes: Buffer.alloc(13 * 1024 * 1024, 0xff) } },
      { id: 506, first: 'Otto', last: 'Elsewhere', affiliation: 'x', countryCode: 'AT', state: 'complete', ticket: crypto.randomUUID(), picture: { url: 'http://127.0.0.2:9/steal.jpg' } },
    );
    const r = await cli('connect', 'indico', '--url', indico.url, '--event', '42', '--token', 'indico-token', '--once');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Photos: 1 stored, 3 skipped/);
    expect(r.stdout).toMatch(/indico-504: photo skipped\. .*SVG/);
    expect(r.stdout).toMatch(/indico-505: photo skipped\. The picture is larger than 12 MB/);
    expect(r.stdout).toMatch(/indico-506: photo skipped\. Indico pointed the picture to http:\/\/127\.0\.0\.2:9, outside/);
    expect(await storedPhoto('indico-502')).toEqual({ width: 240, height: 320 }); // shrunk like an uploaded photo
    for (const id of ['indico-504', 'indico-505', 'indico-506']) expect(await storedPhoto(id)).toBeNull();
    expect(await one('Elsewhere', 'indico-506')).toMatchObject({ status: 'active' });
    expect(await one('Huge', 'indico-505')).toMatchObject({ status: 'active' });
    // A connector that keeps running fetches an unchanged picture once, a changed one again.
    const c = connector('indico', { url: indico.url, event: '42', token: 'indico-token' });
    const fetched = () => indico.requests.filter((p) => p.includes('/picture/')).length;
    const round = async () => {
      const rr = await readRound(c);
      return syncPictures(rr, c.pictures, sink);
    };
    const before = fetched();
    expect((await round()).stored).toBe(1);
    expect(fetched() - before).toBe(3); // 502, 504 and 505 (asked, refused by its declared size unread); never 506's other host
    const after1 = fetched();
    expect(await round()).toEqual({ stored: 0, removed: 0, skipped: [] });
    expect(fetched()).toBe(after1);
    // The registrant removes their picture in Indico: the photo this connector stored goes too.
    people[1]!.picture = undefined;
    expect(await round()).toMatchObject({ stored: 0, removed: 1 });
    expect(await storedPhoto('indico-502')).toBeNull();
  }, 120_000);

  it('a wrong token is a sentence, not a stack trace', async () => {
    const r = await cli('connect', 'indico', '--url', fakes[0]!.url, '--event', '42', '--token', 'wrong', '--once');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Indico refused the token \(401\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('connect pretix', () => {
  let clock = '2026-03-01T10:00:00Z';
  const orders: PretixOrder[] = [
    { code: 'A7K3Q', status: 'p', last_modified: '2026-02-11T10:01:22Z', positions: [{ positionid: 1, item: 1, given: 'Oksana', family: 'Kovalenko', company: 'MFA Ukraine', country: 'UA', secret: 'v8q2kd7s9xzm3h5f0pw1ry6tbn4ecj2a' }, { positionid: 2, item: 3, secret: 'dinneraddonsecret000000000000001', addon_to: 1 }] },
    { code: 'B2M9T', status: 'p', last_modified: '2026-02-12T08:00:00Z', positions: [{ positionid: 1, item: 2, given: 'Lars', family: 'Øvergård', company: 'NRK', country: 'NO', secret: 'kq3m8v1x0z7c2b9n4h6f5d8s1a3p7w2e' }] },
    { code: 'C5R1W', status: 'n', last_modified: '2026-02-13T09:00:00Z', positions: [{ positionid: 1, item: 1, variation: 11, given: 'Nino', family: 'Beridze', country: 'GE', secret: 'r7t2y8u3i9o4p0a5s1d6f2g7h3j8k4l9' }] },
    { code: 'D8X4Z', status: 'n', require_approval: true, last_modified: '2026-02-14T09:00:00Z', positions: [{ positionid: 1, item: 1, given: 'Hiroshi', family: 'Tanaka', country: 'JP', secret: 'm1n2b3v4c5x6z7a8s9d0f1g2h3j4k5l6' }] },
    { code: 'E3P6L', status: 'p', last_modified: '2026-02-15T09:00:00Z', positions: [{ positionid: 1, item: 1, given: 'Fatma', family: 'Yılmaz', country: 'TR', secret: 'z9x8c7v6b5n4m3a2s1d0f9g8h7j6k5l4', canceled: true }] },
  ];
  const shop = () =>
    fakePretix({
      token: 'pretix-token',
      organizer: 'osce',
      event: 'traf26',
      items: [
        { id: 1, name: { en: 'Conference ticket', de: 'Konferenzticket' }, admission: true, variations: [{ id: 11, value: { en: 'NGO / civil society' } }] },
        { id: 2, name: { en: 'Press pass' }, admission: true },
        { id: 3, name: { en: 'Conference dinner' }, admission: false },
      ],
      lists: [{ id: 5, all_products: false, limit_products: [1], include_pending: false }],
      orders,
      now: () => clock,
    });

  it('imports order positions page by page: secrets as badge codes, products and variations as categories, order states', async () => {
    const pretix = await shop();
    fakes.push(pretix);
    const r = await cli('connect', 'pretix', '--url', pretix.url, '--organizer', 'osce', '--event', 'traf26', '--token', 'pretix-token', '--once');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Imported 5 people from pretix order positions/);
    expect(pretix.requests.filter((p) => p.startsWith('/api/v1/organizers/osce/events/traf26/orders/'))).toHaveLength(3); // 5 orders, 2 per page
    expect(await one('Oksana', 'A7K3Q-1')).toMatchObject({ id: 'A7K3Q-1', status: 'active', category: 'participant', badgeCodes: ['v8q2kd7s9xzm3h5f0pw1ry6tbn4ecj2a'] });
    expect(await one('Øvergård', 'B2M9T-1')).toMatchObject({ category: 'media', status: 'active' });
    expect(await one('Beridze', 'C5R1W-1')).toMatchObject({ category: 'ngo', status: 'unpaid' });
    expect(await one('Tanaka', 'D8X4Z-1')).toMatchObject({ status: 'pending' }); // awaiting the organiser's approval
    expect(await one('Yılmaz', 'E3P6L-1')).toMatchObject({ status: 'cancelled' }); // a canceled position
    expect(await one('Oksana', 'A7K3Q-2')).toBeUndefined(); // the dinner add-on is no person
  }, 120_000);

  it('a check-in list limits who is admitted; a refresh asks only for what changed since the last page was generated', async () => {
    const pretix = fakes.at(-1)!;
    const state = new PretixState();
    const first = await readPretix({ url: pretix.url, organizer: 'osce', event: 'traf26', token: 'pretix-token', list: '5' }, state);
    expect(first.full).toBe(true);
    expect(first.rows.find((r) => r.orderCode === 'B2M9T')?.knownStatus).toBe('cancelled'); // a press pass is not on list 5
    expect(state.since).toBe('2026-03-01T10:00:00Z');
    orders[2]!.status = 'p';
    orders[2]!.last_modified = '2026-03-01T10:05:00Z';
    clock = '2026-03-01T10:10:00Z';
    const again = await readPretix({ url: pretix.url, organizer: 'osce', event: 'traf26', token: 'pretix-token', list: '5' }, state);
    expect(again.full).toBe(false);
    expect(pretix.requests.at(-1)).toMatch(/modified_since=2026-03-01T10%3A00%3A00Z/);
    expect(again.rows.map((r) => [r.orderCode, r.knownStatus])).toEqual([['C5R1W', 'active']]);
  }, 60_000);

  it('brings the photo question\'s file with the token, again only when the order changed; another host\'s URL is not followed', async () => {
    const pretix = fakes.at(-1)!;
    orders[0]!.positions[0]!.picture = { bytes: testJpeg(400, 300) };
    orders[0]!.last_modified = '2026-03-01T10:12:00Z';
    orders[3]!.positions[0]!.picture = { url: 'http://127.0.0.2:9/api/v1/organizers/osce/events/traf26/orderpositions/1/answer/31/' };
    orders[3]!.last_modified = '2026-03-01T10:12:00Z';
    clock = '2026-03-01T10:15:00Z';
    const c = connector('pretix', { url: pretix.url, organizer: 'osce', event: 'traf26', token: 'pretix-token' });
    const fetched = () => pretix.requests.filter((p) => p.includes('/answer/')).length;
    const round = async () => {
      const r = await readRound(c);
      return syncPictures(r, c.pictures, sink);
    };
    const first = await round();
    expect(first.stored).toBe(1);
    expect(first.skipped).toEqual([{ attendeeId: 'D8X4Z-1', message: expect.stringMatching(/pretix pointed the picture to http:\/\/127\.0\.0\.2:9, outside .*not followed/) }]);
    expect(await storedPhoto('A7K3Q-1')).toEqual({ width: 320, height: 240 });
    expect(fetched()).toBe(1); // only the photo question's answer, not the letter of invitation
    expect(await round()).toEqual({ stored: 0, removed: 0, skipped: [] }); // nothing changed: nothing fetched
    expect(fetched()).toBe(1);
    orders[0]!.positions[0]!.picture = { bytes: testJpeg(300, 400) }; // a new upload: same URL, the order changed
    orders[0]!.last_modified = '2026-03-01T10:16:00Z';
    clock = '2026-03-01T10:18:00Z';
    expect((await round()).stored).toBe(1);
    expect(fetched()).toBe(2);
    expect(await storedPhoto('A7K3Q-1')).toEqual({ width: 240, height: 320 });
  }, 60_000);

  it('keeps refreshing on its interval until stopped: a cancellation in pretix reaches the registry by itself', async () => {
    const pretix = fakes.at(-1)!;
    // node itself (not npx) so that stopping it stops the connector, with no process left behind.
    const child = spawn(process.execPath, ['--import', 'tsx', 'registry/admin-cli.ts', '--registry', demo.reg.url, '--admin-token', demo.reg.adminToken, 'connect', 'pretix', '--url', pretix.url, '--organizer', 'osce', '--event', 'traf26', '--token', 'pretix-token', '--every', '10'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const until = async (re: RegExp, ms: number) => {
      const end = Date.now() + ms;
      while (!re.test(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(re);
    };
    try {
      await until(/Next refresh in 10 s/, 60_000);
      orders[1]!.status = 'c';
      orders[1]!.last_modified = '2026-03-01T10:20:00Z';
      clock = '2026-03-01T10:30:00Z';
      await until(/registrations read[\s\S]*registrations read/, 30_000);
      await until(/Imported 1 people/, 10_000); // the second round read only what changed
      expect((await one('Øvergård', 'B2M9T-1'))!.status).toBe('cancelled');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
