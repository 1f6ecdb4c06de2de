// Seeds a new station with the demo event, its two days placed on today and tomorrow.
import { dayInZone } from '../../core/time';
import type { Orm } from '../../db/connection';
import { loadEventBundle } from '../../db/event-bundle';
import { DEMO_TIME_ZONE, generateDemoEvent } from './generate';

export function seedDemoEvent(orm: Orm, now: number): void {
  loadEventBundle(orm, generateDemoEvent(dayInZone(now, DEMO_TIME_ZONE)), now);
}
