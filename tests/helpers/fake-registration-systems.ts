// Stand-ins for Indico's and pretix's HTTP APIs, answering as their published source and docs
// describe (field names, paging, headers, auth schemes): Indico's check-in API
// (registration/controllers/api/checkin.py, schemas.py CheckinRegistrationSchema, the legacy
// registrants API) and pretix's REST API (doc/api/resources: events, items, checkinlists,
// orders with include_canceled_positions and modified_since; DRF paging; X-Page-Generated).
// Pictures: Indico's personal_data_picture (a relative api_checkin_registration_picture URL) and
// pretix's file-question answer (an absolute …/orderpositions/<id>/answer/<question>/ URL), both
// behind the same token.
import http from 'node:http';

export interface FakeServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A picture a fake serves: its bytes and content type, or another host's URL given instead. */
export interface FakePicture {
  bytes?: Buffer;
  contentType?: string;
  url?: string;
}
type Reply = { status?: number; body: unknown; headers?: Record<string, string> } | { raw: Buffer; contentType: string };

async function serve(token: string, scheme: 'Bearer' | 'Token', route: (path: string, q: URLSearchParams, base: string) => Reply | null): Promise<FakeServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    requests.push(u.pathname + u.search);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `${scheme} ${token}`) return send(401, { detail: 'Authentication credentials were not provided.' });
    const r = route(u.pathname, u.searchParams, fake.url);
    if (!r) return send(404, { detail: 'Not found.' });
    if ('raw' in r) {
      res.writeHead(200, { 'content-type': r.contentType, 'content-length': String(r.raw.length) });
      return res.end(r.raw);
    }
    send(r.status ?? 200, r.body, r.headers);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fake: FakeServer = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
  return fake;
}

// ---- Indico -----------------------------------------------------------------------------------
export interface IndicoPerson {
  id: number;
  first: string;
  last: string;
  affiliation: string;
  countryCode: string;
  state: 'complete' | 'pending' | 'rejected' | 'withdrawn' | 'unpaid';
  ticket: string;
  tags?: string[];
  accompanying?: { id: string; firstName: string; lastName: string }[];
  picture?: FakePicture;
}

export function fakeIndico(o: { token: string; eventId: number; title: string; people: IndicoPerson[] }): Promise<FakeServer> {
  const regform = 7;
  const picturePath = (p: IndicoPerson) => `/api/checkin/event/${o.eventId}/forms/${regform}/registrations/${p.id}/picture/${40 + p.id}/photo.jpg`;
  const checkin = (p: IndicoPerson) => ({
    id: p.id, regform_id: regform, event_id: o.eventId, full_name: `${p.first} ${p.last}`, email: `${p.id}@example.test`, state: p.state,
    checked_in: false, checked_in_dt: null, checkin_secret: p.ticket, is_paid: false, price: 0, payment_date: null, currency: 'EUR',
    formatted_price: '€0.00', tags: (p.tags ?? []).map((t, i) => ({ id: i + 1, title: t, color: 'blue' })), occupied_slots: 1 + (p.accompanying?.length ?? 0),
    registration_date: '2026-03-02T13:05:11+00:00', personal_data_picture: p.picture ? (p.picture.url ?? picturePath(p)) : null,
  });
  return serve(o.token, 'Bearer', (path) => {
    const ev = `/api/checkin/event/${o.eventId}`;
    if (path === `${ev}/`) return { body: { id: o.eventId, title: o.title, description: '', start_dt: '2026-04-18T07:00:00+00:00', end_dt: '2026-04-19T16:00:00+00:00', registration_tags: [] } };
    if (path === `${ev}/forms/`) return { body: [{ id: regform, event_id: o.eventId, title: 'Registration Form', introduction: '', start_dt: null, end_dt: null, is_open: true, registration_count: o.people.length, checked_in_count: 0 }] };
    if (path === `${ev}/forms/${regform}/registrations/`) return { body: o.people.map(checkin) };
    const pictured = o.people.find((p) => p.picture?.bytes && path === picturePath(p));
    if (pictured) return { raw: pictured.picture!.bytes!, contentType: pictured.picture!.contentType ?? 'image/jpeg' };
    const one = new RegExp(`^${ev}/forms/${regform}/registrations/(\\d+)$`).exec(path);
    if (one) {
      const p = o.people.find((x) => x.id === Number(one[1]));
      if (!p) return null;
      const fields = [
        { id: 1, title: 'First Name', input_type: 'text', data: p.first, position: 1, description: '', default_value: '' },
        { id: 2, title: 'Last Name', input_type: 'text', data: p.last, position: 2, description: '', default_value: '' },
        ...(p.accompanying ? [{ id: 9, title: 'Accompanying persons', input_type: 'accompanying_persons', data: p.accompanying, position: 9, description: '', default_value: [] }] : []),
      ];
      return { body: { ...checkin(p), registration_data: [{ id: 1, title: 'Personal Data', description: '', position: 1, fields }] } };
    }
    if (path === `/api/events/${o.eventId}/registrants`) {
      // The legacy API lists active registrations only (build_registrations_api_data: regform.active_registrations).
      const active = o.people.filter((p) => p.state !== 'withdrawn' && p.state !== 'rejected');
      return {
        body: {
          registrants: active.map((p) => ({
            registrant_id: String(p.id), checked_in: false, checkin_secret: p.ticket, full_name: `${p.first} ${p.last}`, tags: p.tags ?? [],
            personal_data: { firstName: p.first, surname: p.last, email: `${p.id}@example.test`, affiliation: p.affiliation, country_code: p.countryCode, country: '', phone: '' },
          })),
        },
      };
    }
    return null;
  });
}

// ---- pretix -----------------------------------------------------------------------------------
export interface PretixOrder {
  code: string;
  status: 'n' | 'p' | 'e' | 'c';
  require_approval?: boolean;
  last_modified: string;
  invoiceName?: string;
  positions: { positionid: number; item: number; variation?: number | null; given?: string; family?: string; company?: string; country?: string; secret: string; canceled?: boolean; addon_to?: number | null; picture?: FakePicture }[];
}

export function fakePretix(o: {
  token: string;
  organizer: string;
  event: string;
  items: { id: number; name: Record<string, string>; admission: boolean; variations?: { id: number; value: Record<string, string> }[] }[];
  lists: { id: number; all_products: boolean; limit_products: number[]; include_pending: boolean }[];
  orders: PretixOrder[];
  /** The server's clock, sent as X-Page-Generated on the first page of a list. */
  now: () => string;
  pageSize?: number;
}): Promise<FakeServer> {
  const size = o.pageSize ?? 2;
  const photoQuestion = 31;
  const positionId = (x: PretixOrder, i: number) => Number(`${x.code.charCodeAt(0)}${i}`);
  const page = <T>(all: T[], q: URLSearchParams, base: string, path: string) => {
    const n = Number(q.get('page') ?? 1);
    const next = new URLSearchParams(q);
    next.set('page', String(n + 1));
    const results = all.slice((n - 1) * size, n * size);
    return {
      body: { count: all.length, next: n * size < all.length ? `${base}${path}?${next}` : null, previous: n > 1 ? `${base}${path}?page=${n - 1}` : null, results },
      headers: (n === 1 ? { 'x-page-generated': o.now() } : {}) as Record<string, string>,
    };
  };
  return serve(o.token, 'Token', (path, q, base) => {
    const ev = `/api/v1/organizers/${o.organizer}/events/${o.event}`;
    if (path === `${ev}/`) return { body: { name: { en: 'Alliance against Trafficking 2026' }, slug: o.event, locale: 'en', has_subevents: false } };
    if (path === `${ev}/items/`) return page(o.items, q, base, path);
    if (path === `${ev}/questions/`)
      return page([
        { id: 30, type: 'F', question: { en: 'Letter of invitation (PDF)' }, identifier: 'LETTER', required: false },
        { id: photoQuestion, type: 'F', question: { en: 'Photo for your badge', de: 'Foto für Ihr Namensschild' }, identifier: 'QX7RZ2', required: false },
      ], q, base, path);
    const answer = new RegExp(`^${ev}/orderpositions/(\\d+)/answer/${photoQuestion}/$`).exec(path);
    if (answer) {
      for (const x of o.orders) {
        const i = x.positions.findIndex((_, j) => positionId(x, j) === Number(answer[1]));
        const pic = x.positions[i]?.picture;
        if (pic?.bytes) return { raw: pic.bytes, contentType: pic.contentType ?? 'image/jpeg' };
      }
      return null;
    }
    const list = new RegExp(`^${ev}/checkinlists/(\\d+)/$`).exec(path);
    if (list) {
      const l = o.lists.find((x) => x.id === Number(list[1]));
      return l ? { body: { ...l, name: 'Main entrance', subevent: null } } : null;
    }
    if (path === `${ev}/orders/`) {
      const since = q.get('modified_since');
      const canceledToo = q.get('include_canceled_positions') === 'true';
      const orders = o.orders
        .filter((x) => !since || x.last_modified >= since)
        .map((x) => ({
          code: x.code, status: x.status, require_approval: x.require_approval ?? false, testmode: false, last_modified: x.last_modified,
          invoice_address: x.invoiceName ? { name: x.invoiceName, company: '', country: 'AT' } : null,
          positions: x.positions
            .filter((p) => canceledToo || !p.canceled)
            .map((p, i) => ({
              id: positionId(x, i), order: x.code, positionid: p.positionid, item: p.item, variation: p.variation ?? null, price: '0.00',
              attendee_name: [p.given, p.family].filter(Boolean).join(' ') || null,
              attendee_name_parts: p.given || p.family ? { _scheme: 'given_family', given_name: p.given ?? '', family_name: p.family ?? '' } : {},
              company: p.company ?? null, country: p.country ?? null, secret: p.secret, canceled: p.canceled ?? false, addon_to: p.addon_to ?? null, checkins: [],
              answers: p.picture ? [{ question: photoQuestion, question_identifier: 'QX7RZ2', answer: p.picture.url ?? `${base}${ev}/orderpositions/${positionId(x, i)}/answer/${photoQuestion}/`, options: [], option_identifiers: [] }] : [],
            })),
        }));
      return page(orders, q, base, path);
    }
    return null;
  });
}
