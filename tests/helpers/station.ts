// Test helpers: a fresh station in a temp folder, seeded with the demo event.
import { badgeCodes } from '../../db/schema/index';
import { seedDemoEvent } from '../../resources/demo/seed';
import { openStation, type OpenStationOptions, type Station } from '../../station/station';
import { tempDir } from '../../testkit/temp';

export { tempDir };

/** A new station on the demo event (`demo: false`: with no event, as before pairing). */
export function freshStation(opts: Omit<OpenStationOptions, 'seed'> & { demo?: boolean } = {}): { station: Station; dir: string } {
  const { demo = true, ...rest } = opts;
  const dir = tempDir();
  return { station: openStation(dir, { ...rest, seed: demo ? seedDemoEvent : undefined }), dir };
}

/** Some demo badge codes with their attendee ids. */
export function demoCodes(station: Station, n = 5): { code: string; attendeeId: string }[] {
  return station.db.orm.select().from(badgeCodes).limit(n).all();
}
