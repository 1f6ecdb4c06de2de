// Handlers of the evacuation area (see core/api/evacuation.ts for the contract).
import type { EvacuationResults } from '../../core/api/evacuation';
import { evacuationCsv, evacuationPdf, evacuationView, markSafe, recordDeparture, setEvacuation } from '../evacuation';
import type { AreaHandlers, HandlerOptions } from './types';

export function evacuationHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof EvacuationResults> {
  const now = opts.now ?? Date.now;
  return {
    'evacuation.view': (_args, station) => evacuationView(station, now()),
    'evacuation.start': (args, station) => {
      setEvacuation(station, 'start', args.drill, now(), args.operator ?? null);
      station.emit('occupancy');
      station.emit('status'); // every screen's top bar says an evacuation runs
      return evacuationView(station, now());
    },
    'evacuation.end': (args, station) => {
      setEvacuation(station, 'end', false, now(), args.operator ?? null);
      station.emit('occupancy');
      station.emit('status');
      return evacuationView(station, now());
    },
    'evacuation.safe': (args, station) => {
      const r = markSafe(station, { attendeeId: args.attendeeId, text: args.text, alternatives: args.alternatives }, args.undo, now(), args.operator ?? null);
      station.emit('occupancy');
      return r;
    },
    'evacuation.depart': (args, station) => {
      const r = recordDeparture(station, { text: args.text, alternatives: args.alternatives }, now(), args.operator ?? null);
      if (r.outcome !== 'unknown') station.emit('occupancy');
      return r;
    },
    'evacuation.export': (args, station) => (args.kind === 'csv' ? evacuationCsv(station, now(), args.lang) : evacuationPdf(station, now(), args.lang)),
  };
}
