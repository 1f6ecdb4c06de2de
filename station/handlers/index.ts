// The one handler map. Both transports (Electron IPC in electron/ipc.main.ts, the
// HTTP/WebSocket host in station/host) call dispatch() with untrusted input;
// arguments are validated with zod here, once. An area adds its handlers below.
import { methods, type ApiResponse, type Method } from '../../core/api/index';
import { userMessageFor } from '../errors';
import { kioskRefusal } from '../kiosk';
import type { Station } from '../station';
import { badgeHandlers } from './badges';
import { checkinHandlers } from './checkin';
import { collectHandlers } from './collect';
import { handoutHandlers } from './handouts';
import { kioskHandlers } from './kiosk';
import { protocolHandlers } from './protocol';
import { deskHandlers } from './desk';
import { evacuationHandlers } from './evacuation';
import { occupancyHandlers } from './occupancy';
import { stationDataHandlers } from './station-data';
import { syncHandlers } from './sync';
import type { Handler, HandlerOptions, Handlers } from './types';

export type { Handlers, HandlerOptions } from './types';

export function createHandlers(opts: HandlerOptions = {}): Handlers {
  return {
    ...checkinHandlers(opts),
    ...occupancyHandlers(opts),
    ...syncHandlers(opts),
    ...badgeHandlers(opts),
    ...deskHandlers(opts),
    ...stationDataHandlers(opts),
    ...collectHandlers(opts),
    ...handoutHandlers(opts),
    ...evacuationHandlers(opts),
    ...kioskHandlers(opts),
    ...protocolHandlers(opts),
  };
}

/** Validates and runs one call. Never throws; errors come back as sentences for people. */
export async function dispatch(
  handlers: Handlers,
  station: Station,
  method: unknown,
  rawArgs: unknown,
): Promise<ApiResponse<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown request "${String(method).slice(0, 60)}".` } };
  }
  const m = method as Method;
  // A kiosk answers only its own methods: the screen in front of the public reaches nothing else.
  const refused = kioskRefusal(station, m, rawArgs);
  if (refused) return { ok: false, error: refused };
  const parsed = methods[m].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_args', message: `Invalid request to ${m}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'} ${i.message}`).join('; ')}` },
    };
  }
  try {
    const handler = handlers[m] as Handler<Method>;
    return { ok: true, value: await handler(parsed.data as never, station) };
  } catch (err) {
    return { ok: false, error: userMessageFor(err) };
  }
}
