// Who may do what in the organiser's web console: three roles and the permissions each holds.
// The registry enforces them on every request (registry/console/access.ts maps each route to one
// permission); the console only uses them to leave out what a role cannot open.
//   organiser – everything;
//   logistics – rooms and the live view, the attendee list read-only and without notes;
//   viewer    – numbers only: no person's name ever reaches a viewer's browser.
import { z } from 'zod';

export const CONSOLE_ROLES = ['organiser', 'logistics', 'viewer'] as const;
export const ConsoleRole = z.enum(CONSOLE_ROLES);
export type ConsoleRole = z.infer<typeof ConsoleRole>;

const ALL: readonly ConsoleRole[] = CONSOLE_ROLES;
const NAMES: readonly ConsoleRole[] = ['organiser', 'logistics'];
const ORGANISER: readonly ConsoleRole[] = ['organiser'];

export const PERMISSIONS = {
  /** Logged in at all: who am I, log out, change my password. */
  session: ALL,
  /** The day's numbers: check-ins, rooms against capacity, stations, conflicts (counts). */
  live: ALL,
  /** People's names anywhere (the live view's conflicts, the attendee list). */
  names: NAMES,
  /** Rooms, sessions and stations as they are set up (read-only). */
  setupRead: NAMES,
  /** The attendee list, read-only, without notes or badge codes. */
  attendeesRead: NAMES,
  /** Notes, badge codes, and every change: event, import, rooms, sessions, stations, keys, exports, accounts. */
  manage: ORGANISER,
} as const satisfies Record<string, readonly ConsoleRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: ConsoleRole | null | undefined, p: Permission): boolean {
  return !!role && PERMISSIONS[p].includes(role);
}
