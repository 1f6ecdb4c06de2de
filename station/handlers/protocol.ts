// Handlers of the protocol-alert area (see core/api/protocol.ts for the contract).
import type { ProtocolResults } from '../../core/api/protocol';
import { openProtocolAlerts } from '../protocol';
import type { AreaHandlers, HandlerOptions } from './types';

export function protocolHandlers(_opts: HandlerOptions = {}): AreaHandlers<keyof ProtocolResults> {
  return {
    'protocol.open': (_args, station) => openProtocolAlerts(station),
  };
}
