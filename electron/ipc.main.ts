// The desktop transport of the station API (the other one is station/host).
// One invoke channel carries every call; each message is checked for its sender
// frame first, then validated with zod and run by the shared handler map. Results
// are plain `ApiResponse` data; nothing ever throws across the process boundary.
// Data-free topics are pushed on a second channel so the renderer re-fetches.
//
// Main-process-only capabilities (badge printing with webContents.print,
// printToPDF, a save dialog…) plug in as `MainMethods`: same channel, same sender
// check, same result shape. See electron/main-methods.ts for where to add them.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { z } from 'zod';
import type { ApiResponse } from '../core/api/index';
import { userMessageFor } from '../station/errors';
import { dispatch, type Handlers } from '../station/handlers/index';
import { kioskRefusal } from '../station/kiosk';
import type { Station } from '../station/station';
import { isTrustedSender } from './security';

export const CALL_CHANNEL = 'foyer:call';
export const TOPIC_CHANNEL = 'foyer:topic';

/** What a main-only method gets besides its validated arguments. */
export interface MainContext {
  station: Station;
  window: BrowserWindow;
  /** The webContents that called (always our window's, after the sender check). */
  sender: WebContents;
}

export interface MainMethod {
  args: z.ZodType;
  run(args: never, ctx: MainContext): unknown;
}
export type MainMethods = Readonly<Record<string, MainMethod>>;

/** Declares a main-only method with its zod schema; `run` gets the parsed arguments. */
export function mainMethod<S extends z.ZodType>(args: S, run: (args: z.output<S>, ctx: MainContext) => unknown): MainMethod {
  return { args, run: run as MainMethod['run'] };
}

export interface IpcDeps {
  station: Station;
  handlers: Handlers;
  mainMethods: MainMethods;
  window: BrowserWindow;
}

type CallEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

const FORBIDDEN: ApiResponse<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Foyer window and was refused.' },
};

/** Handles one `foyer:call`. Exported for tests; never throws. */
export async function handleCall(deps: IpcDeps, event: CallEvent, method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
  const { window } = deps;
  if (window.isDestroyed() || event.sender !== window.webContents) return FORBIDDEN;
  let frame: CallEvent['senderFrame'] = null;
  try {
    frame = event.senderFrame;
  } catch {
    frame = null; // a disposed frame throws on access in some Electron versions
  }
  if (!isTrustedSender(frame, window.webContents.mainFrame)) {
    console.warn(`[foyer] refused IPC call from ${frame ? frame.url.slice(0, 200) : 'a missing frame'}`);
    return FORBIDDEN;
  }
  if (typeof method === 'string' && Object.hasOwn(deps.mainMethods, method)) {
    // A kiosk prints only the badge it just handed over (station/kiosk.ts); station methods are gated in dispatch().
    const refused = kioskRefusal(deps.station, method, args);
    if (refused) return { ok: false, error: refused };
    return runMainMethod(deps, event.sender, method, args);
  }
  return dispatch(deps.handlers, deps.station, method, args);
}

async function runMainMethod(deps: IpcDeps, sender: WebContents, method: string, rawArgs: unknown): Promise<ApiResponse<unknown>> {
  const def = deps.mainMethods[method]!;
  const parsed = def.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'} ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_args', message: `Invalid request to ${method}: ${detail}` } };
  }
  try {
    const value = await def.run(parsed.data as never, { station: deps.station, window: deps.window, sender });
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: userMessageFor(err) };
  }
}

/** Topics are short names ('scan', 'status', …); anything else is not forwarded. */
export function isForwardableTopic(topic: unknown): topic is string {
  return typeof topic === 'string' && /^[a-z][a-z0-9._-]{0,39}$/.test(topic);
}

/**
 * Registers the call handler and forwards station topics to the window.
 * Returns a function that undoes both (used on quit and in tests).
 */
export function wireIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, args: unknown) => handleCall(deps, event, method, args));
  const off = deps.station.on((topic) => {
    const wc = deps.window.isDestroyed() ? null : deps.window.webContents;
    if (wc && !wc.isDestroyed() && isForwardableTopic(topic)) wc.send(TOPIC_CHANNEL, topic);
  });
  return () => {
    off();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
