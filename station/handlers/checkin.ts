// Handlers of the check-in area (see core/api/checkin.ts for the contract).
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { messageFor } from '../../core/checkin/messages';
import type { CheckinResults } from '../../core/api/checkin';
import type { Results } from '../../core/api/index';
import type { Reason } from '../../core/model';
import { countAttendees, toSummary, getAttendeesByIds } from '../../db/attendees';
import { walkinSeqs } from '../../db/desk';
import { currentEvacuation } from '../../db/evacuation';
import { admissionOn, recentEvents } from '../../db/events';
import { searchWithTotal } from '../../db/search';
import { plainCodeOf } from '../../db/badges';
import { latinReading } from '../../core/search/keys';
import { greetingName } from '../../core/sync/visibility';
import { admissions, events } from '../../db/schema/index';
import { isAdmission } from '../../core/checkin/undo';
import { checkIn, checkInAttendee, undoLast, undoTarget } from '../checkin';
import { withProtocol } from '../protocol';
import type { Station } from '../station';
import { syncClientFor } from '../sync/index';
import type { AreaHandlers, HandlerOptions } from './types';
import { applyRetention, retentionDone } from '../retention';

export function checkinHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof CheckinResults> {
  const now = opts.now ?? Date.now;
  return {
    'station.status': (_args, station) => {
      const t = now();
      const sync = syncClientFor(station);
      // On this station's own clock, network or not (the status is asked every few seconds), set
      // right by the registry's when an answer measured it: a laptop a day fast must not delete mid-event.
      const retention = applyRetention(station, t + sync.clockSkewMs) ?? retentionDone(station);
      const cfg = station.config();
      const info = station.eventInfo();
      const today = station.today(t);
      const orm = station.db.orm;
      const checkedInToday = orm.select({ n: count() }).from(admissions).where(eq(admissions.day, today)).get()?.n ?? 0;
      const outbox =
        orm
          .select({ n: count() })
          .from(events)
          .where(and(eq(events.stationId, station.id), isNull(events.pushedAt)))
          .get()?.n ?? 0;
      return {
        station: { id: cfg.id, name: cfg.name, role: cfg.role, roomId: cfg.roomId, doorMode: cfg.doorMode },
        event: info,
        today,
        isEventDay: info.days.includes(today),
        attendees: countAttendees(orm),
        checkedInToday,
        outbox,
        sync: sync.statusLine(),
        clockDriftMs: sync.clockSkewMs,
        evacuation: ((e) => (e ? { drill: e.drill, startedAt: e.startedAt } : null))(currentEvacuation(orm, today)),
        retention,
        now: t,
      };
    },
    'checkin.scan': (args, station) => {
      const r = checkIn(station, args.text, now(), { operator: args.operator ?? null, alternatives: args.alternatives });
      station.emit('scan');
      return withProtocol(station, r);
    },
    'checkin.attendee': (args, station) => {
      const r = checkInAttendee(station, args.attendeeId, now(), { operator: args.operator ?? null });
      station.emit('scan');
      return withProtocol(station, r);
    },
    'checkin.undo': (args, station) => {
      const r = undoLast(station, now(), { operator: args.operator ?? null, eventId: args.eventId });
      if (r.undone) station.emit('scan');
      return r;
    },
    'checkin.undoable': (args, station) => undoTarget(station, now(), { operator: args.operator ?? null }),
    'checkin.recent': (args, station) => {
      const rows = recentEvents(station.db.orm, station.id, args.limit);
      const ids = rows.map((r) => r.e.attendeeId).filter((x): x is string => !!x);
      const people = new Map(getAttendeesByIds(station.db.orm, ids).map((a) => [a.id, toSummary(a)]));
      const walkins = walkinSeqs(station.db.orm, station.id, ids);
      return rows.map(({ e, undoneBy }) => {
        const a = e.attendeeId ? people.get(e.attendeeId) : undefined;
        const walkin = e.kind === 'manual' && e.attendeeId !== null && walkins.get(e.attendeeId) === e.seq - 1;
        return {
          eventId: e.id,
          at: e.wallTime,
          kind: e.kind,
          via: e.kind === 'scan' ? 'badge' : e.kind === 'manual' ? (walkin ? 'walkin' : 'search') : null,
          verdict: (e.verdict as Results['checkin.recent'][number]['verdict']) ?? null,
          reason: e.reason,
          message: e.kind === 'undo' ? 'Undo' : e.reason ? messageFor(e.reason as Reason, { name: a ? greetingName(a) || undefined : undefined }) : '',
          attendee: a
            ? {
                id: a.id,
                givenName: a.givenName,
                familyName: a.familyName,
                organisation: a.organisation,
                delegation: a.delegation,
                categoryLabel: a.categoryLabel,
                protected: a.protected,
                chosenName: a.chosenName,
              }
            : null,
          undone: !!undoneBy,
          undoable: !undoneBy && isAdmission(e),
        };
      });
    },
    'attendees.search': (args, station) => {
      const today = station.today(now());
      const orm = station.db.orm;
      const { results, total } = searchWithTotal(orm, args.query, args.limit);
      const hits = results.map(({ attendee }) => {
        const adm = admissionOn(orm, attendee.id, today);
        return {
          ...toSummary(attendee),
          checkedInToday: !!adm,
          checkedInAt: adm?.wallTime ?? null,
          latinName: latinReading(`${attendee.givenName} ${attendee.familyName}`),
          badgeCode: plainCodeOf(orm, attendee.id, attendee.badgeVersion) ?? null,
        };
      });
      return { hits, more: Math.max(0, total - hits.length) };
    },
  };
}

