// The demo event's badges, signed with the demo key: what the registry (or the
// `badges` CLI) would print for the 1,200 generated attendees before the event.
import { signBadge } from '../../core/badge/signed';
import type { BadgePrint } from '../../core/badge/templates';
import { dayInZone } from '../../core/time';
import { DEMO_TIME_ZONE, generateDemoEvent } from '../../resources/demo/generate';
import { demoKeyPair, nodeEd25519 } from '../ed25519';

export const DEMO_KEY_ID = 1;

export function demoBadgePrints(now = Date.now(), opts: { attendees?: number } = {}): BadgePrint[] {
  const demo = generateDemoEvent(dayInZone(now, DEMO_TIME_ZONE), opts);
  const key = { keyId: DEMO_KEY_ID, privateKey: demoKeyPair(demo.event.id).privateKey };
  return demo.attendees
    .filter((a) => a.status === 'active')
    .map((a) => ({
      attendeeId: a.id,
      givenName: a.givenName,
      familyName: a.familyName,
      organisation: a.organisation,
      delegation: a.delegation,
      country: a.country,
      category: a.category,
      qrText: signBadge(
        { eventId: demo.event.id, attendeeId: a.id, badgeVersion: 1, validDays: a.validDays, category: a.category },
        demo.event.days,
        key,
        nodeEd25519,
      ),
      code: a.badgeCode,
      badgeVersion: 1,
    }));
}
