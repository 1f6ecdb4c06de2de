// Seeds a new station with the demo event, its two days placed on today and tomorrow, and
// the demo's published signing key, so the demo's printed badges (and `npm run badges --
// --demo`) scan at once. Passed to openStation only by the entry points that start a demo.
import { dayInZone } from '../../core/time';
import { upsertSigningKey } from '../../db/badges';
import type { Orm } from '../../db/connection';
import { loadEventBundle } from '../../db/event-bundle';
import { DEMO_KEY_ID, demoKeyPair } from './badges';
import { DEMO_TIME_ZONE, generateDemoEvent } from './generate';

export function seedDemoEvent(orm: Orm, now: number): void {
  const demo = generateDemoEvent(dayInZone(now, DEMO_TIME_ZONE));
  loadEventBundle(orm, demo, now);
  const kp = demoKeyPair(demo.event.id);
  upsertSigningKey(orm, { keyId: DEMO_KEY_ID, publicKey: kp.publicKey, privateKey: kp.privateKey, createdAt: now });
}
