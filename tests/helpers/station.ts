// Test helpers: a fresh station in a temp folder, seeded with the demo event.
import { badgeCodes } from '../../db/schema/index';
import { openStation, type OpenStationOptions, type Station } from '../../station/station';
import { tempDir } from '../../testkit/temp';

export { tempDir };

export function freshStation(opts: OpenStationOptions = {}): { station: Station; dir: string } {
  const dir = tempDir();
  return { station: openStation(dir, opts), dir };
}

/** Some demo badge codes with their attendee ids. */
export function demoCodes(station: Station, n = 5): { code: string; attendeeId: string }[] {
  return station.db.orm.select().from(badgeCodes).limit(n).all();
}
