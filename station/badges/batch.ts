// Every printable badge of this station's event (registry list, walk-ins), for a batch PDF.
import { and, eq, ne } from 'drizzle-orm';
import type { BadgePrint } from '../../core/badge/templates';
import { attendees } from '../../db/schema/index';
import type { Station } from '../station';
import { badgePrintFor } from './print';

export function stationBadgePrints(station: Station): BadgePrint[] {
  const orm = station.db.orm;
  const info = station.eventInfo();
  const rows = orm.select().from(attendees).where(and(eq(attendees.status, 'active'), ne(attendees.source, 'badge'))).all();
  const out: BadgePrint[] = [];
  for (const a of rows) {
    try {
      out.push(badgePrintFor(orm, info, a));
    } catch {
      // Someone with no printable badge (no valid day, no key and no code) is left out; the CLI reports the count.
    }
  }
  return out;
}
