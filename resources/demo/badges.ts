// The demo event's signing key and badges: a key pair anyone can derive (so printed demo
// badges scan at every demo station and at a registry loaded with the demo), and the badges
// the registry (or the `badges` CLI) would print for the generated attendees before the event.
import crypto from 'node:crypto';
import { signBadge } from '../../core/badge/signed';
import { badgePrintOf, type BadgePrint } from '../../core/badge/templates';
import { dayInZone } from '../../core/time';
import { ed25519FromSeed, nodeEd25519, type RawKeyPair } from '../../node-shared/ed25519';
import { DEMO_TIME_ZONE, generateDemoEvent } from './generate';

/** The key id the demo key is published under (at stations and in a demo registry). */
export const DEMO_KEY_ID = 1;

/**
 * The demo event's key pair, derived from a published string: anyone can sign
 * demo badges, which is the point of a demo (badges printed with `npm run badges
 * -- --demo` scan at every demo station). Real events get random keys.
 */
export function demoKeyPair(eventId: string): RawKeyPair {
  return ed25519FromSeed(crypto.createHash('sha256').update(`foyer demo signing key for ${eventId}, not secret`).digest());
}

export function demoBadgePrints(now = Date.now(), opts: { attendees?: number } = {}): BadgePrint[] {
  const demo = generateDemoEvent(dayInZone(now, DEMO_TIME_ZONE), opts);
  const key = { keyId: DEMO_KEY_ID, privateKey: demoKeyPair(demo.event.id).privateKey };
  return demo.attendees
    .filter((a) => a.status === 'active')
    .map((a) => {
      const body = { eventId: demo.event.id, attendeeId: a.id, badgeVersion: 1, validDays: a.validDays, category: a.category };
      return badgePrintOf(a, { qrText: signBadge(body, demo.event.days, key, nodeEd25519), code: a.badgeCode, badgeVersion: 1 });
    });
}
