// Indico connector: the registrations of one event through Indico's check-in API, the one its
// check-in app (indico/indico-checkin-pwa) uses, with the ticket UUIDs its QR codes carry.
// Endpoints (indico/modules/events/registration/blueprint.py, controllers/api/checkin.py):
//   GET /api/checkin/event/<id>/                                   title (checks the token)
//   GET /api/checkin/event/<id>/forms/                             registration forms
//   GET /api/checkin/event/<id>/forms/<form>/registrations/        id, full_name, state,
//                                                                  checkin_secret, tags, occupied_slots,
//                                                                  personal_data_picture (schemas.py: the
//                                                                  URL of api_checkin_registration_picture,
//                                                                  …/registrations/<reg>/picture/<field data>/<file name>)
//   GET /api/checkin/event/<id>/forms/<form>/registrations/<reg>   + registration_data (accompanying persons)
//   GET /api/events/<id>/registrants                               personal_data: firstName, surname,
//                                                                  email, affiliation, country_code (legacy)
// Indico answers each list whole (no paging); details are fetched for new or changed people only.
import type { AttendeeStatus } from '../../core/model';
import type { SourceRow } from '../import/types';
import { getJson, inParallel, type SourceHttp, SourceError } from './http';
import type { PictureRef } from './pictures';

export interface IndicoOptions {
  url: string;
  event: string;
  token: string;
  fetch?: typeof fetch;
}

interface CheckinRegistration {
  id: number;
  regform_id?: number;
  full_name: string;
  state: string;
  checkin_secret: string;
  tags?: { title: string }[];
  occupied_slots?: number;
  /** Relative URL of the picture of the "picture" personal-data field, or null. */
  personal_data_picture?: string | null;
}
interface RegistrationDetail {
  registration_data?: { fields?: { input_type?: string; data?: unknown }[] }[];
}
interface LegacyRegistrant {
  registrant_id: string;
  checkin_secret?: string;
  personal_data?: { firstName?: string; surname?: string; email?: string; affiliation?: string; country_code?: string; country?: string };
}

/** Indico's RegistrationState names (models/registrations.py) → Foyer statuses. Unpaid registrations may check in, as in Indico. */
const STATES: Record<string, AttendeeStatus> = { complete: 'active', unpaid: 'active', pending: 'pending', rejected: 'rejected', withdrawn: 'cancelled' };

/** The host an Indico server writes into its QR codes: BASE_URL without https:// (registration/util.py). */
export function indicoHostOf(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  return (u.protocol === 'http:' ? 'http://' : '') + u.host + path;
}

/** Remembers what was fetched, so a refresh asks details only for new or changed registrations. */
export class IndicoCache {
  details = new Map<number, { key: string; persons: SourceRow['persons'] }>();
}

export async function readIndico(o: IndicoOptions, cache = new IndicoCache()): Promise<{ title: string; host: string; rows: SourceRow[]; pictures: PictureRef[]; unpictured: string[]; source: SourceHttp }> {
  const base = o.url.replace(/\/+$/, '');
  const src: SourceHttp = { base, authorization: `Bearer ${o.token}`, system: 'Indico', fetch: o.fetch };
  if (!/^\d{1,12}$/.test(o.event)) throw new SourceError(`Indico event ids are numbers (the one in the event's address, /event/1234/); "${o.event}" is not.`);
  const ev = `/api/checkin/event/${o.event}`;
  const { data: event } = await getJson<{ title?: string }>(src, `${ev}/`);
  const { data: forms } = await getJson<{ id: number }[]>(src, `${ev}/forms/`);
  if (!Array.isArray(forms)) throw new SourceError('Indico answered the list of registration forms with something else.');
  // Names split into given and family name, affiliation and ISO country: the legacy registrants API has them.
  const personal = new Map<string, LegacyRegistrant['personal_data']>();
  try {
    const { data } = await getJson<{ registrants?: LegacyRegistrant[] }>(src, `/api/events/${o.event}/registrants`);
    for (const r of data.registrants ?? []) personal.set(String(r.registrant_id), r.personal_data ?? {});
  } catch (err) {
    if (!(err instanceof SourceError) || !/404/.test(err.message)) throw err;
  }
  const rows: SourceRow[] = [];
  const pictures: PictureRef[] = [];
  const unpictured: string[] = [];
  for (const form of forms) {
    const { data: regs } = await getJson<CheckinRegistration[]>(src, `${ev}/forms/${form.id}/registrations/`);
    if (!Array.isArray(regs)) throw new SourceError('Indico answered a list of registrations with something else.');
    const persons = await inParallel(regs, 4, async (r) => {
      const key = JSON.stringify([r.state, r.full_name, r.checkin_secret, r.occupied_slots, r.tags]);
      const hit = cache.details.get(r.id);
      if (hit && hit.key === key) return hit.persons;
      const { data } = await getJson<RegistrationDetail>(src, `${ev}/forms/${form.id}/registrations/${r.id}`);
      const found: NonNullable<SourceRow['persons']> = [];
      for (const section of data.registration_data ?? []) {
        for (const f of section.fields ?? []) {
          if (f.input_type !== 'accompanying_persons' || !Array.isArray(f.data)) continue;
          for (const p of f.data as { id?: string; firstName?: string; lastName?: string }[]) {
            if (!p.id) continue;
            found.push({ key: p.id, givenName: String(p.firstName ?? ''), familyName: String(p.lastName ?? ''), badgeCodes: [`${r.checkin_secret}/${p.id}`, p.id] });
          }
        }
      }
      cache.details.set(r.id, { key, persons: found });
      return found;
    });
    regs.forEach((r, i) => {
      const p = personal.get(String(r.id));
      const status = STATES[String(r.state)];
      rows.push({
        row: 0,
        id: `indico-${r.id}`,
        givenName: p?.firstName ?? '',
        familyName: p?.surname ?? '',
        fullName: r.full_name,
        organisation: p?.affiliation ?? '',
        // Registry-only (Zoom reports are matched by it): get_personal_data() has the registration's e-mail.
        email: p?.email ?? '',
        country: p?.country_code || p?.country || '',
        tags: (r.tags ?? []).map((t) => t.title).join('; '),
        knownStatus: status,
        status: status ? undefined : String(r.state),
        badgeCodes: r.checkin_secret ? [String(r.checkin_secret)] : [],
        persons: persons[i] ?? [],
      });
      // The URL names the stored file (its field-data version and file name): a new upload is a new URL.
      const pic = r.personal_data_picture;
      if (typeof pic === 'string' && pic) pictures.push({ attendeeId: `indico-${r.id}`, url: pic, key: pic });
      else unpictured.push(`indico-${r.id}`);
    });
  }
  return { title: String(event.title ?? ''), host: indicoHostOf(base), rows, pictures, unpictured, source: src };
}
