// Handlers of the kiosk area (see core/api/kiosk.ts for the contract).
import type { KioskResults } from '../../core/api/kiosk';
import { exitKiosk, kioskConfirm, kioskLookup, kioskScan, kioskState, setKioskPin, startKiosk } from '../kiosk';
import type { AreaHandlers, HandlerOptions } from './types';

export function kioskHandlers(opts: HandlerOptions = {}): AreaHandlers<keyof KioskResults> {
  const now = opts.now ?? Date.now;
  return {
    'kiosk.state': (_args, station) => kioskState(station, now()),
    'kiosk.setPin': (args, station) => setKioskPin(station, args.pin, now()),
    'kiosk.start': (_args, station) => {
      const r = startKiosk(station, now());
      station.emit('status');
      return r;
    },
    'kiosk.exit': (args, station) => {
      const r = exitKiosk(station, args.pin, now());
      if (r.ok) station.emit('status');
      return r;
    },
    'kiosk.scan': (args, station) => kioskScan(station, args.text, args.alternatives, now()),
    'kiosk.lookup': (args, station) => kioskLookup(station, args.surname, args.code, now()),
    'kiosk.confirm': (args, station) => {
      const r = kioskConfirm(station, args.attendeeId, now());
      if (r.kind === 'printed') station.emit('attendees');
      return r;
    },
  };
}
