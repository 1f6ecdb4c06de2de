// Handlers of the occupancy area (see core/api/occupancy.ts for the contract). Every write
// emits 'occupancy' so dashboards and door screens re-fetch at once.
import type { OccupancyResults } from '../../core/api/occupancy';
import { UserError } from '../errors';
import { configureDoor, doorScan, doorStatus, manualCount, sweepRoom } from '../door';
import { exportFile } from '../occupancy-export';
import { allRoomsLive, roomDetail, sessionsOfDay, sessionWithAttendees } from '../occupancy-view';
import type { Station } from '../station';
import type { AreaHandlers, HandlerOptions } from './types';

function missing(what: 'roomNotFound' | 'sessionNotFound'): never {
  throw new UserError('not_found', what);
}

export function occupancyHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof OccupancyResults> {
  const now = opts.now ?? Date.now;
  const changed = (station: Station) => station.emit('occupancy');
  return {
    'door.status': (_args, station) => doorStatus(station, now()),
    'door.configure': (args, station) => {
      configureDoor(station, args.roomId, args.mode, args.name, args.post, args.mediaStaff);
      changed(station);
      station.emit('status');
      return doorStatus(station, now());
    },
    'door.scan': (args, station) => {
      const r = doorScan(station, args.text, now(), { operator: args.operator ?? null, alternatives: args.alternatives });
      if (r.eventId) changed(station);
      return r;
    },
    'occupancy.rooms': (_args, station) => {
      const t = now();
      return { day: station.today(t), now: t, rooms: allRoomsLive(station, t) };
    },
    'occupancy.room': (args, station) => roomDetail(station, args.roomId, args.day, now(), args.recent) ?? missing('roomNotFound'),
    'occupancy.sessions': (args, station) => {
      const t = now();
      const day = args.day ?? station.today(t);
      return { day, now: t, sessions: sessionsOfDay(station, day, t) };
    },
    'occupancy.session': (args, station) => sessionWithAttendees(station, args.sessionId, now()) ?? missing('sessionNotFound'),
    'occupancy.counter': (args, station) => {
      const r = manualCount(station, args.roomId, args.delta, now(), { operator: args.operator ?? null }) ?? missing('roomNotFound');
      if (r.applied) changed(station);
      return r;
    },
    'occupancy.sweep': (args, station) => {
      const r = sweepRoom(station, args.roomId, now(), { operator: args.operator ?? null }) ?? missing('roomNotFound');
      changed(station);
      return r;
    },
    'occupancy.export': (args, station) => exportFile(station, args, now()),
  };
}
