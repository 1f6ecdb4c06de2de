// Handlers of the station data area (see core/api/station-data.ts).
import type { StationDataResults } from '../../core/api/station-data';
import { forgetEvent } from '../forget';
import type { AreaHandlers, HandlerOptions } from './types';

export function stationDataHandlers(_opts: HandlerOptions = {}): AreaHandlers<keyof StationDataResults> {
  return {
    'station.forget': (args, station) => forgetEvent(station, { discardUnsynced: args.discardUnsynced }),
  };
}
