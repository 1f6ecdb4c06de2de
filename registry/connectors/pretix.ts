// pretix connector: the order positions of one event through pretix's REST API, page by page,
// then only what changed (modified_since, the time of the first page: X-Page-Generated), as
// pretixSCAN does. Endpoints (doc/api/resources/*.rst; src/pretix/api/views/order.py):
//   GET /api/v1/organizers/<o>/events/<e>/                         name (checks the token)
//   GET /api/v1/organizers/<o>/events/<e>/items/                   product and variation names, admission
//   GET /api/v1/organizers/<o>/events/<e>/checkinlists/<id>/       all_products, limit_products, include_pending
//   GET /api/v1/organizers/<o>/events/<e>/orders/?include_canceled_positions=true[&modified_since=…]
//       code, status (n/p/e/c), require_approval, email, positions: positionid, item, variation,
//       attendee_name(_parts), attendee_email, company, country, secret, canceled, addon_to,
//       answers[].question, answer (a file question's answer is the URL
//       …/orderpositions/<id>/answer/<question>/: serializers/order.py AnswerSerializer)
//   GET /api/v1/organizers/<o>/events/<e>/questions/               id, type ("F" = file upload), question, identifier
// Authorization: "Token <API token>" (or a device token).
import type { AttendeeStatus } from '../../core/model';
import type { SourceRow } from '../import/types';
import { getJson, type SourceHttp, SourceError } from './http';
import type { PictureRef } from './pictures';

export interface PretixOptions {
  url: string;
  organizer: string;
  event: string;
  token: string;
  /** A check-in list: only its products are admitted; its "include pending" admits unpaid orders. */
  list?: string;
  /** The file question holding the attendee's photo; by default the one whose name says photo. */
  photoQuestion?: string;
  fetch?: typeof fetch;
}

type I18n = string | Record<string, string> | null | undefined;
interface Item {
  id: number;
  name: I18n;
  admission?: boolean;
  variations?: { id: number; value: I18n }[];
}
interface Position {
  id: number;
  positionid: number;
  item: number;
  variation: number | null;
  attendee_name: string | null;
  attendee_name_parts?: Record<string, string> | null;
  attendee_email?: string | null;
  company?: string | null;
  country?: string | null;
  secret: string;
  canceled?: boolean;
  addon_to?: number | null;
  answers?: { question: number; answer: string }[];
}
interface Question {
  id: number;
  type: string;
  question: I18n;
  identifier?: string;
}
interface Order {
  code: string;
  last_modified?: string;
  status: 'n' | 'p' | 'e' | 'c';
  require_approval?: boolean;
  /** The buyer's address: the attendee's when the event asks for no attendee e-mail. */
  email?: string | null;
  invoice_address?: { name?: string | null } | null;
  positions: Position[];
}
interface Page<T> {
  next: string | null;
  results: T[];
}

/** What a refresh needs to remember between rounds. */
export class PretixState {
  /** The server's time of the last full or incremental read (X-Page-Generated of its first page). */
  since: string | null = null;
}

const text = (v: I18n, prefer: string[] = ['en']) => {
  if (!v) return '';
  if (typeof v === 'string') return v;
  for (const l of prefer) if (v[l]) return v[l]!;
  return Object.values(v)[0] ?? '';
};

const slug = /^[A-Za-z0-9._-]{1,100}$/;

async function all<T>(src: SourceHttp, path: string): Promise<{ results: T[]; generated: string | null }> {
  const results: T[] = [];
  let url: string | null = path;
  let generated: string | null = null;
  for (let page = 0; url && page < 10_000; page++) {
    const r: { data: Page<T>; headers: Headers } = await getJson<Page<T>>(src, url);
    if (!Array.isArray(r.data?.results)) throw new SourceError(`pretix answered ${path.split('?')[0]} with something that is not a list page.`);
    if (page === 0) generated = r.headers.get('x-page-generated');
    results.push(...r.data.results);
    url = r.data.next;
  }
  return { results, generated };
}

/** pretix has no photo field: a file question named like one ("Photo", "Foto", "Portrait"…) is taken. */
const PHOTO_NAME = /photo|picture|portrait|foto|bild|фото|image/i;

async function photoQuestion(src: SourceHttp, ev: string, o: PretixOptions): Promise<number | null> {
  if (o.photoQuestion) {
    if (!/^\d{1,12}$/.test(o.photoQuestion)) throw new SourceError(`A pretix question is given by its number; "${o.photoQuestion}" is not.`);
    return Number(o.photoQuestion);
  }
  let questions: Question[];
  try {
    questions = (await all<Question>(src, `${ev}/questions/`)).results;
  } catch (err) {
    if (err instanceof SourceError && /\b(403|404)\b/.test(err.message)) return null; // a token that may not read questions: no photos
    throw err;
  }
  const files = questions.filter((q) => q.type === 'F');
  const named = files.find((q) => PHOTO_NAME.test(q.identifier ?? '') || (q.question && typeof q.question === 'object' ? Object.values(q.question) : [q.question ?? '']).some((t) => PHOTO_NAME.test(t)));
  return named?.id ?? null;
}

export async function readPretix(o: PretixOptions, state = new PretixState()): Promise<{ title: string; rows: SourceRow[]; full: boolean; pictures: PictureRef[]; unpictured: string[]; source: SourceHttp }> {
  if (!slug.test(o.organizer) || !slug.test(o.event)) throw new SourceError('pretix organizer and event are short names (slugs) as in the shop address: letters, digits, dots, dashes.');
  const base = o.url.replace(/\/+$/, '');
  const src: SourceHttp = { base, authorization: `Token ${o.token}`, system: 'pretix', fetch: o.fetch };
  const ev = `/api/v1/organizers/${o.organizer}/events/${o.event}`;
  const { data: event } = await getJson<{ name?: I18n; locale?: string }>(src, `${ev}/`);
  const langs = [event.locale ?? 'en', 'en'];
  const items = new Map((await all<Item>(src, `${ev}/items/`)).results.map((i) => [i.id, i]));
  type CheckinList = { all_products?: boolean; limit_products?: number[]; include_pending?: boolean };
  let list: CheckinList | null = null;
  if (o.list) {
    if (!/^\d{1,12}$/.test(o.list)) throw new SourceError(`A pretix check-in list is given by its number; "${o.list}" is not.`);
    list = (await getJson<CheckinList>(src, `${ev}/checkinlists/${o.list}/`)).data;
  }
  const photoQ = await photoQuestion(src, ev, o);
  const full = state.since === null;
  const q = `include_canceled_positions=true${full ? '' : `&modified_since=${encodeURIComponent(state.since!)}`}`;
  const { results: orders, generated } = await all<Order>(src, `${ev}/orders/?${q}`);
  const rows: SourceRow[] = [];
  const pictures: PictureRef[] = [];
  const unpictured: string[] = [];
  for (const order of orders) {
    for (const p of order.positions ?? []) {
      const item = items.get(p.item);
      if (item && item.admission === false) continue; // merchandise, dinners: not a person at the door
      const named = Boolean(p.attendee_name || Object.values(p.attendee_name_parts ?? {}).some((v) => v && typeof v === 'string'));
      if (p.addon_to && !named) continue; // an add-on to someone already listed
      const onList = !list || list.all_products !== false || (list.limit_products ?? []).includes(p.item);
      let status: AttendeeStatus =
        order.status === 'p' ? 'active' : order.status === 'n' ? (order.require_approval ? 'pending' : list?.include_pending ? 'active' : 'unpaid') : 'cancelled';
      if (p.canceled || !onList) status = 'cancelled';
      const parts = p.attendee_name_parts ?? {};
      const variation = item?.variations?.find((v) => v.id === p.variation);
      rows.push({
        row: 0,
        orderCode: order.code,
        positionId: String(p.positionid),
        givenName: parts.given_name ?? '',
        familyName: parts.family_name ?? '',
        fullName: p.attendee_name ?? parts.full_name ?? '',
        buyerName: order.invoice_address?.name ?? '',
        // Registry-only (Zoom reports are matched by it); a group order's shared address is told apart by name there.
        email: p.attendee_email || order.email || '',
        organisation: p.company ?? '',
        country: p.country ?? '',
        category: text(item?.name, langs),
        variation: text(variation?.value, langs),
        knownStatus: status,
        badgeCodes: p.secret ? [p.secret] : [],
      });
      // The answer URL stays the same when the file changes; the order's last change tells.
      const pic = photoQ === null ? undefined : p.answers?.find((a) => a.question === photoQ)?.answer;
      if (typeof pic === 'string' && /^https?:\/\//.test(pic)) pictures.push({ attendeeId: `${order.code}-${p.positionid}`, url: pic, key: `${pic} ${order.last_modified ?? ''}` });
      else unpictured.push(`${order.code}-${p.positionid}`);
    }
  }
  if (generated) state.since = generated;
  return { title: text(event.name, langs), rows, full, pictures, unpictured, source: src };
}
