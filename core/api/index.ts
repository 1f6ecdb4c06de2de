// The one typed API between the renderer and a station, whatever carries it:
// Electron IPC (electron/ipc.main.ts + preload) or HTTP/WebSocket (station/host).
// Each method has a zod schema for its arguments, checked on the station side of
// every transport; results are typed here and produced by station/handlers/.
import type { z } from 'zod';
import type { Notice } from './notice';

import { badgeMethods, type BadgesResults } from './badges';
import { checkinMethods, type CheckinResults } from './checkin';
import { collectMethods, type CollectResults } from './collect';
import { handoutMethods, type HandoutResults } from './handouts';
import { kioskMethods, type KioskResults } from './kiosk';
import { protocolMethods, type ProtocolResults } from './protocol';
import { deskMethods, type DeskResults } from './desk';
import { evacuationMethods, type EvacuationResults } from './evacuation';
import { occupancyMethods, type OccupancyResults } from './occupancy';
import { stationDataMethods, type StationDataResults } from './station-data';
import { syncMethods, type SyncResults } from './sync';

/** Every method of every area. An area adds its methods object and results interface here. */
export const methods = {
  ...checkinMethods,
  ...occupancyMethods,
  ...syncMethods,
  ...badgeMethods,
  ...deskMethods,
  ...stationDataMethods,
  ...collectMethods,
  ...handoutMethods,
  ...evacuationMethods,
  ...kioskMethods,
  ...protocolMethods,
} as const;

export type Method = keyof typeof methods;
export type ArgsOf<M extends Method> = z.input<(typeof methods)[M]>;
export type ParsedArgsOf<M extends Method> = z.output<(typeof methods)[M]>;

/** Results of every method, by name. An area extends this with its own interface. */
export interface Results extends CheckinResults, BadgesResults, SyncResults, OccupancyResults, DeskResults, StationDataResults, CollectResults, HandoutResults, EvacuationResults, KioskResults, ProtocolResults {}

/** What every transport returns (after Signal: never throw across a process boundary). */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export interface ApiError {
  /** 'invalid_args' | 'unknown_method' | 'storage' | 'internal' | … */
  code: string;
  /** A sentence for the person at the station (English). */
  message: string;
  /** The same in words the renderer says in the desk's language (core/api/notice.ts); else it words `code`. */
  notice?: Notice;
}

/** Push notifications from station to renderer: data-free, the renderer re-fetches. */
export type Topic = 'scan' | 'status' | 'attendees' | 'occupancy' | 'sync';

/** The renderer-side view of the API: one async function per method. */
export type FoyerApi = { [M in Method]: (args: ArgsOf<M>) => Promise<Results[M]> };

/** The low-level bridge both transports provide (preload's window.foyer, or the web client). */
export interface FoyerBridge {
  call(method: string, args: unknown): Promise<ApiResponse<unknown>>;
  subscribe(listener: (topic: Topic) => void): () => void;
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Wraps a bridge into the typed API; a failed call rejects with ApiCallError. */
export function typedApi(bridge: FoyerBridge): FoyerApi {
  const api = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const m of Object.keys(methods)) {
    api[m] = async (args: unknown) => {
      const res = await bridge.call(m, args ?? {});
      if (!res.ok) throw new ApiCallError(res.error);
      return res.value;
    };
  }
  return api as FoyerApi;
}
