// Handlers of the desk area (see core/api/desk.ts for the contract).
import type { DeskResults } from '../../core/api/desk';
import { findDuplicates, registerWalkin, setNote, setNoPhoto } from '../desk';
import { deskRules, setDeskRules } from '../desk-rules';
import type { AreaHandlers, HandlerOptions } from './types';

export function deskHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof DeskResults> {
  const now = opts.now ?? Date.now;
  return {
    'desk.duplicates': (args, station) => findDuplicates(station, args.givenName, args.familyName, now()),
    'desk.walkin': (args, station) => {
      const r = registerWalkin(station, args.form, now(), {
        allowDuplicates: args.allowDuplicates,
        checkIn: args.checkIn,
        operator: args.operator ?? null,
      });
      if (r.status === 'registered') {
        station.emit('attendees');
        if (r.checkin) station.emit('scan');
      }
      return r;
    },
    'desk.note': (args, station) => {
      const r = setNote(station, args.attendeeId, args.notes, now(), { operator: args.operator ?? null });
      station.emit('attendees');
      return r;
    },
    'desk.noPhoto': (args, station) => {
      const r = setNoPhoto(station, args.attendeeId, args.noPhoto, now(), { operator: args.operator ?? null });
      station.emit('attendees');
      return r;
    },
    'desk.rules': (_args, station) => deskRules(station),
    'desk.setRules': (args, station) => {
      const r = setDeskRules(station, args, now());
      station.emit('status');
      return r;
    },
  };
}
