// Handlers of the handouts area (see core/api/handouts.ts for the contract).
import type { HandoutResults } from '../../core/api/handouts';
import { giveHandout, handoutItems, outList, personHandouts, setHandoutItems, takeBack } from '../handouts';
import type { AreaHandlers, HandlerOptions } from './types';

export function handoutHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof HandoutResults> {
  const now = opts.now ?? Date.now;
  return {
    'handouts.items': (_args, station) => handoutItems(station),
    'handouts.setItems': (args, station) => {
      const r = setHandoutItems(station, args.items);
      station.emit('status');
      return r;
    },
    'handouts.person': (args, station) => personHandouts(station, args.attendeeId, now()),
    'handouts.give': (args, station) => {
      const r = giveHandout(station, args, now(), { operator: args.operator ?? null });
      station.emit('scan');
      return r;
    },
    'handouts.takeBack': (args, station) => {
      const r = takeBack(station, args.item, args.number, now(), { operator: args.operator ?? null });
      station.emit('scan');
      return r;
    },
    'handouts.out': (args, station) => outList(station, args.item),
  };
}
