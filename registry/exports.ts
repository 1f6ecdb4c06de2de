// CSV exports for the organiser. Cells that a spreadsheet would run as a formula are
// neutralised (a leading apostrophe, core/csv.ts), since attendee names come from anyone.
import { asc, sql } from 'drizzle-orm';
import { ADMITTING_KINDS, ADMITTING_VERDICTS, FIRST_ADMISSION_REASONS } from '../core/checkin/admission';
import { recordsToCsv, type CsvValue } from '../core/csv';
import { query, type RegistryOrm } from './db';
import { attendees, events } from './schema';

export const EXPORTS = ['attendees.csv', 'events.csv', 'checkins.csv'] as const;
export type ExportName = (typeof EXPORTS)[number];

/** A database value as a cell: JSON for objects (event payloads), the text of anything else. */
function cell(v: unknown): CsvValue {
  return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * A registry log row as the admin API (/v1/admin/events) and events.csv show it: the change
 * number keeps its column's name, `seq`, in its place (code calls it changeNo).
 */
export function eventRowOut<R extends { changeNo: number }>(row: R): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k === 'changeNo' ? 'seq' : k, v]));
}

/** `(a, b, c)` as SQL parameters. */
const list = (values: readonly string[]) => sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/** An events row `e` that admitted someone and was not undone (checkins.csv, the attendance report's venue count). */
export const ADMITTED = sql`e.kind in ${list(ADMITTING_KINDS)} and e.verdict in ${list(ADMITTING_VERDICTS)}
  and not exists (select 1 from events u where u.kind = 'undo' and u.payload->>'target' = e.id)`;

export async function exportCsv(orm: RegistryOrm, what: ExportName): Promise<string> {
  let rows: Record<string, unknown>[];
  if (what === 'attendees.csv') {
    // The organiser's own list: legal names, with the protected column saying who must not be named elsewhere.
    rows = (await orm.select().from(attendees).orderBy(asc(attendees.familyName), asc(attendees.givenName))).map(({ changeNo: _c, ...r }) => ({
      ...r,
      validDays: r.validDays?.join(';') ?? '',
      badgeCodes: r.badgeCodes.join(';'),
    }));
  } else if (what === 'events.csv') {
    rows = (await orm.select().from(events).orderBy(asc(events.hlc), asc(events.stationId), asc(events.id))).map(({ payload, ...r }) => ({ ...eventRowOut(r), payload }));
  } else {
    // First admission per person and day, in HLC order; "admitted twice" when two stations
    // admitted the same badge as a first entry without knowing of each other (the rule of
    // core/checkin/admission.ts, as stations keep it in their admissions table).
    rows = await query(
      orm,
      // An attendance export: a protected person by their chosen name only (core/sync/visibility.ts publicName).
      sql`select a.id as attendee_id,
                 case when a.protected then a.chosen_name else a.given_name end as given_name,
                 case when a.protected then '' else a.family_name end as family_name,
                 case when a.protected then '' else a.organisation end as organisation,
                 a.protected, e.day,
                 min(e.hlc) as first_hlc, count(*) as admissions,
                 count(*) filter (where e.reason in ${list(FIRST_ADMISSION_REASONS)}) > 1 as admitted_twice
          from events e join attendees a on a.id = e.attendee_id
          where ${ADMITTED}
          group by a.id, a.given_name, a.family_name, a.organisation, a.protected, a.chosen_name, e.day
          order by e.day, first_hlc`,
    );
  }
  return recordsToCsv(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)]))));
}
