// A station data folder holding the demo event's first day so far, as a logistics lead would
// see it before lunch: the agenda moved so that now is 11:50 at the venue, everyone who came
// checked in at a front desk, then counted into and out of the rooms by door scans
// (resources/demo/door-traffic.ts), up to this moment. Every number on screen comes from the
// same events, so "checked in today" and the rooms agree.
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { generateDoorTraffic } from '../../resources/demo/door-traffic';
import { dayInZone, localToMillis } from '../../core/time';
import { insertEvent } from '../../db/events';
import { sessions } from '../../db/schema/index';
import { eq } from 'drizzle-orm';
import { freshStation } from './station';

export function demoDaySoFar(now = Date.now(), at = '11:50'): { dir: string; admitted: number; admittedIds: Set<string>; inRooms: number } {
  const { station, dir } = freshStation();
  const day = dayInZone(now, DEMO_TIME_ZONE);
  const bundle = generateDemoEvent(day);
  const shift = now - localToMillis(day, at, DEMO_TIME_ZONE);
  const moved = bundle.sessions.map((s) => ({ ...s, startsAt: s.startsAt + shift, endsAt: s.endsAt + shift }));
  const traffic = generateDoorTraffic({ ...bundle, sessions: moved }, { seed: 7 });
  // Each station's events are numbered in time order, so "so far" keeps every station's first ones.
  const soFar = traffic.events.filter((e) => e.wallTime <= now);
  station.write(() => {
    for (const s of moved) station.db.orm.update(sessions).set({ startsAt: s.startsAt, endsAt: s.endsAt }).where(eq(sessions.id, s.id)).run();
    for (const e of soFar) insertEvent(station.db.orm, e, now);
  });
  station.close();
  const inRooms = traffic.truth.filter((s) => s.in <= now && !(s.out <= now)).length;
  const admittedIds = new Set(traffic.admitted.filter((a) => a.at <= now).map((a) => a.attendeeId));
  return { dir, admitted: admittedIds.size, admittedIds, inRooms };
}
