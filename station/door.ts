// Room doors: scan in/out, manual counter, sweep, door settings. Like check-in, each
// decision runs in one IMMEDIATE transaction and the result is returned only after the
// event is committed. Nothing here touches the network.
import { eq } from 'drizzle-orm';
import type { CounterResult, DoorScanResult, DoorStatus, SweepResult } from '../core/api/occupancy';
import { cleanReadings } from '../core/checkin/scan-input';
import { CATEGORY_LABELS, type Category } from '../core/model';
import { decideDoor, type DoorDecision } from '../core/occupancy/door';
import { current } from '../core/occupancy/model';
import { doorMessage } from '../core/occupancy/messages';
import type { DoorMode, DoorPost } from '../core/occupancy/types';
import { greetingName, onSharedScreen } from '../core/sync/visibility';
import { timeInZone } from '../core/time';
import { revocationOf, toSummary, type AttendeeRow } from '../db/attendees';
import { currentSession, isInvited, isInviteOnly, listRooms, listSessions, personAtRoom, roomCountsOf } from '../db/occupancy/read';
import { stations } from '../db/schema/index';
import { getSetting, setSetting } from '../db/settings';
import { matchReadings } from './badges/matchers';
import { UserError } from './errors';
import { forgetPhotos } from './sync/photos';
import { oneRoomLive, roomLive } from './occupancy-view';
import type { Station } from './station';

export interface DoorOptions {
  operator?: string | null;
  /** Other readings of the same scanner keys (keyboard layouts), tried when the text is no badge. */
  alternatives?: readonly unknown[];
}

export function doorScan(station: Station, scanText: unknown, now: number, opts: DoorOptions = {}): DoorScanResult {
  const cfg = station.config();
  const room = cfg.role === 'door' && cfg.roomId ? listRooms(station.db.orm).find((r) => r.id === cfg.roomId) : undefined;
  const mode: DoorMode = cfg.doorMode ?? 'entry';
  if (!room) {
    return {
      verdict: 'refused',
      reason: 'not_configured',
      direction: 'entry',
      message: 'This station is not set to a room door. Choose a room and a door mode first.',
      attendee: null,
      room: null,
      insideSince: null,
      eventId: null,
      at: now,
    };
  }
  const { input, readings } = cleanReadings(scanText, opts.alternatives);
  let corrected = false;
  const orm = station.db.orm;
  const today = station.today(now);
  // Read once per scan: the decision and the room view the verdict carries both use them.
  const sessions = listSessions(orm);
  const result = station.write(() => {
    const tz = station.eventInfo().timeZone;
    const session = currentSession(sessions, room.id, now);
    const record = (d: DoorDecision, a: AttendeeRow | null, payload: Record<string, unknown>, since?: number | null) => {
      const e = station.append(
        {
          kind: d.direction === 'exit' ? 'room_exit' : 'room_entry',
          attendeeId: a?.id ?? null,
          roomId: room.id,
          sessionId: session?.id ?? null,
          verdict: d.verdict,
          reason: d.reason,
          operator: opts.operator ?? null,
          payload: { door: mode, ...payload },
        },
        now,
      );
      return {
        verdict: d.verdict,
        reason: d.reason,
        direction: d.direction,
        message: doorMessage(d.reason, {
          name: a ? greetingName(a) || undefined : undefined,
          room: room.name,
          session: session?.title,
          category: a ? (CATEGORY_LABELS[a.category as Category] ?? a.category) : undefined,
          since: since ? timeInZone(since, tz) : undefined,
        }),
        // A door screen is a shared screen, whichever station it runs on (docs/safeguarding.md).
        attendee: a ? toSummary(onSharedScreen(a)) : null,
        insideSince: since ?? null,
        eventId: e.id,
      };
    };
    const unreadable = (reason: 'malformed' | 'unknown_code', payload: Record<string, unknown>) =>
      record({ direction: mode === 'exit' ? 'exit' : 'entry', verdict: 'refused', reason }, null, payload);
    if (readings.length === 0) return unreadable('malformed', { why: input.ok ? 'empty' : input.why });
    const { match, text, index } = matchReadings(station, readings, now);
    const code = text.slice(0, 256);
    // Read through another keyboard layout: the log also keeps what the computer typed.
    const typed = index > 0 ? { typed: (input.ok ? input.text : '').slice(0, 256) } : {};
    if (match.kind === 'refused') {
      // An unknown or invalid badge at an exit still leaves: only entries are refused.
      return unreadable(match.reason === 'malformed' ? 'malformed' : 'unknown_code', { code, format: match.format, ...typed });
    }
    corrected = index > 0;
    const a = match.attendee;
    const here = personAtRoom(orm, a.id, today, room.id);
    const counts = roomCountsOf(orm, room.id, today);
    const decision = decideDoor({
      mode,
      today,
      eventDays: station.eventInfo().days,
      attendee: { status: a.status, category: a.category, validDays: a.validDays ?? null, badgeVersion: a.badgeVersion },
      scannedVersion: match.scannedVersion,
      scannedVersionRevoked: match.scannedVersion !== null && !!revocationOf(orm, a.id, match.scannedVersion),
      room,
      session: session
        ? { allowedCategories: session.allowedCategories, inviteOnly: isInviteOnly(orm, session.id), invited: isInvited(orm, session.id, a.id) }
        : null,
      current: counts ? current(counts) : 0,
      insideSince: here.insideSince,
      lastExitAt: here.lastExitAt,
      now,
    });
    return record(decision, a, { code, format: match.format, ...typed }, here.insideSince);
  });
  const live = roomLive(station, room, roomCountsOf(orm, room.id, today), sessions, now, today);
  return { ...result, room: live, at: now, ...(corrected ? { layoutCorrected: true } : {}) };
}

/** Manual +/− for a door nobody scans. The count never goes below zero. */
export function manualCount(station: Station, roomId: string, delta: number, now: number, opts: DoorOptions = {}): CounterResult | null {
  return station.write(() => {
    const live = oneRoomLive(station, roomId, now);
    if (!live) return null;
    if (live.current + delta < 0) {
      return {
        applied: false,
        message: live.current === 0 ? `${live.name} already shows nobody inside.` : `${live.name} shows only ${live.current} inside.`,
        room: live,
      };
    }
    station.append(
      { kind: 'counter', attendeeId: null, roomId, sessionId: null, verdict: null, reason: null, operator: opts.operator ?? null, payload: { delta } },
      now,
    );
    const after = oneRoomLive(station, roomId, now)!;
    return { applied: true, message: `${delta > 0 ? '+' : '−'}${Math.abs(delta)} counted at ${after.name}.`, room: after };
  });
}

/** Everyone out (end of a session): closes every stay in the room and resets the manual tally. */
export function sweepRoom(station: Station, roomId: string, now: number, opts: DoorOptions = {}): SweepResult | null {
  return station.write(() => {
    const before = oneRoomLive(station, roomId, now);
    if (!before) return null;
    const session = currentSession(listSessions(station.db.orm), roomId, now);
    station.append(
      {
        kind: 'sweep',
        attendeeId: null,
        roomId,
        sessionId: session?.id ?? null,
        verdict: null,
        reason: null,
        operator: opts.operator ?? null,
        payload: { clearedAtStation: before.current },
      },
      now,
    );
    const after = oneRoomLive(station, roomId, now)!;
    return { cleared: before.current, message: `${after.name} swept: ${before.current} counted out.`, room: after };
  });
}

export function doorStatus(station: Station, now: number): DoorStatus {
  const cfg = station.config();
  return {
    station: { id: cfg.id, name: cfg.name, role: cfg.role, roomId: cfg.roomId, mode: cfg.doorMode, post: doorPostOf(station), mediaStaff: getSetting<boolean>(station.db.orm, MEDIA_STAFF) === true, deskName: deskNameOf(station) },
    room: cfg.role === 'door' && cfg.roomId ? oneRoomLive(station, cfg.roomId, now) : null,
    rooms: listRooms(station.db.orm).map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    now,
  };
}

/** Where a station keeps its front-desk name while it serves as a door (restored when it is a desk again). */
const DESK_NAME = 'station.deskName';
/**
 * A door station at the venue exit or the assembly point (docs/evacuation.md). This laptop's own
 * choice, made on the spot (an evacuation does not wait for the organiser), so it stays a local
 * setting: the events it records ('departure', 'safe') carry all the other stations need.
 */
const DOOR_POST = 'door.post';
/**
 * Media staff work this door (a press entrance): a "no photography" badge fills their screen.
 * A setting of the laptop, not a role: who stands at a door changes during the day, and a role
 * at the registry decides what data a station receives, which this must not change.
 */
const MEDIA_STAFF = 'door.mediaStaff';

export function doorPostOf(station: Station): DoorPost {
  if (station.config().role !== 'door') return 'room';
  return getSetting<DoorPost>(station.db.orm, DOOR_POST) ?? 'room';
}

/**
 * Makes this station a room door (roomId set) or a front desk again (roomId null). Both ways
 * are one switch with the same data: a desk's name is kept while it is a door and given back
 * when it returns, so its later check-ins are recorded at the desk again, not at the door.
 */
export function configureDoor(
  station: Station,
  roomId: string | null,
  mode: DoorMode | null,
  name: string | undefined,
  post: DoorPost = 'room',
  mediaStaff?: boolean,
): void {
  if (post !== 'room') roomId = null;
  else if (roomId && !listRooms(station.db.orm).some((r) => r.id === roomId)) throw new UserError('not_found', 'roomNotFound');
  const cfg = station.config();
  const door = roomId !== null || post !== 'room';
  station.write(() => {
    const orm = station.db.orm;
    if (door && cfg.role !== 'door') setSetting(orm, DESK_NAME, cfg.name);
    setSetting(orm, DOOR_POST, post);
    if (mediaStaff !== undefined) setSetting(orm, MEDIA_STAFF, mediaStaff);
    const deskName = door ? undefined : (name ?? getSetting<string>(orm, DESK_NAME) ?? cfg.name);
    orm
      .update(stations)
      .set({
        role: door ? 'door' : 'desk',
        roomId,
        doorMode: roomId ? (mode ?? 'entry') : null,
        ...(door ? (name ? { name } : {}) : { name: deskName }),
      })
      .where(eq(stations.id, station.id))
      .run();
  });
  station.invalidate();
  // Registration photos are for the badge desk's ID check only: a door (even offline) keeps none.
  if (door) forgetPhotos(station);
}

/** The name this station has (or had) as a front desk: what it is called again when it stops being a door. */
export function deskNameOf(station: Station): string {
  const cfg = station.config();
  return cfg.role === 'desk' ? cfg.name : (getSetting<string>(station.db.orm, DESK_NAME) ?? cfg.name);
}
