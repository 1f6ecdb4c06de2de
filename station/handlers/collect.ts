// Handlers of the badge-desk area (see core/api/collect.ts for the contract).
import type { CollectResults } from '../../core/api/collect';
import { collectView, findForCollection, handOver, refuseCollection, tallies } from '../collect';
import type { AreaHandlers, HandlerOptions } from './types';

export function collectHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof CollectResults> {
  const now = opts.now ?? Date.now;
  return {
    'collect.find': (args, station) => findForCollection(station, args.text, args.alternatives, now()),
    'collect.person': (args, station) => collectView(station, args.attendeeId),
    'collect.handOver': (args, station) => {
      const r = handOver(station, args.attendeeId, now(), { operator: args.operator ?? null });
      station.emit('attendees');
      return r;
    },
    'collect.refuse': (args, station) => {
      const r = refuseCollection(station, args.attendeeId, args.reason, args.note, now(), { operator: args.operator ?? null });
      station.emit('attendees');
      return r;
    },
    'collect.tallies': (_args, station) => tallies(station),
  };
}
