// The one typed API between the renderer and a station, whatever carries it:
// Electron IPC (electron/ipc.main.ts + preload) or HTTP/WebSocket (station/host).
// Each method has a zod schema for its arguments, checked on the station side of
// every transport; results are typed here and produced by station/handlers.ts.
import { z } from 'zod';
import type { AttendeeSummary, CheckInResult, Verdict } from './model';

export const methods = {
  'station.status': z.object({}),
  'checkin.scan': z.object({ text: z.string().max(20_000), operator: z.string().max(120).optional() }),
  'checkin.attendee': z.object({ attendeeId: z.string().min(1).max(64), operator: z.string().max(120).optional() }),
  'checkin.undo': z.object({ operator: z.string().max(120).optional() }),
  'checkin.recent': z.object({ limit: z.number().int().min(1).max(200).default(10) }),
  'attendees.search': z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
} as const;

export type Method = keyof typeof methods;
export type ArgsOf<M extends Method> = z.input<(typeof methods)[M]>;
export type ParsedArgsOf<M extends Method> = z.output<(typeof methods)[M]>;

export interface StationStatus {
  station: { id: string; name: string; role: 'desk' | 'door'; roomId: string | null; doorMode: string | null };
  event: { id: string; name: string; venue: string; timeZone: string; days: string[]; description: string };
  today: string;
  isEventDay: boolean;
  attendees: number;
  checkedInToday: number;
  /** Own events not yet acknowledged by the registry. */
  outbox: number;
  sync: { state: 'standalone' | 'online' | 'offline' | 'error'; lastSyncAt: number | null; message: string | null };
  clockDriftMs: number;
  now: number;
}

export interface RecentScan {
  eventId: string;
  at: number;
  kind: string;
  verdict: Verdict | null;
  reason: string | null;
  message: string;
  attendee: Pick<AttendeeSummary, 'id' | 'givenName' | 'familyName' | 'organisation' | 'delegation' | 'categoryLabel'> | null;
  undone: boolean;
}

export interface SearchHit extends AttendeeSummary {
  checkedInToday: boolean;
  checkedInAt: number | null;
}

export interface Results {
  'station.status': StationStatus;
  'checkin.scan': CheckInResult;
  'checkin.attendee': CheckInResult;
  'checkin.undo': { undone: boolean; message: string; target: CheckInResult | null };
  'checkin.recent': RecentScan[];
  'attendees.search': SearchHit[];
}

/** What every transport returns (after Signal: never throw across a process boundary). */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };
export interface ApiError {
  /** 'invalid_args' | 'unknown_method' | 'storage' | 'internal' | … */
  code: string;
  /** A sentence for the person at the station. */
  message: string;
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
