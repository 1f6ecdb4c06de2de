// electron/kiosk.main.ts against a stand-in window (no Electron binary here): the window follows
// the station's kiosk state, and cannot be closed while the station is a kiosk.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../core/api/index';
import { createHandlers, dispatch } from '../../station/handlers/index';
import type { Station } from '../../station/station';
import { freshStation } from '../helpers/station';

const { guardKioskWindow, kioskWindowMethods } = await import('../../electron/kiosk.main');

let station: Station;
beforeEach(() => ({ station } = freshStation()));
afterEach(() => station.close());

function fakeWindow() {
  const w = { kiosk: null as boolean | null, onClose: null as ((e: { preventDefault(): void }) => void) | null };
  const win = {
    setKiosk: (on: boolean) => void (w.kiosk = on),
    isDestroyed: () => false,
    on: (name: string, fn: (e: { preventDefault(): void }) => void) => {
      if (name === 'close') w.onClose = fn;
      return win;
    },
  };
  return { w, win };
}
const closeWasStopped = (w: ReturnType<typeof fakeWindow>['w']) => {
  let stopped = false;
  w.onClose!({ preventDefault: () => (stopped = true) });
  return stopped;
};

describe('the desktop window of a kiosk', () => {
  it('goes full screen and refuses to close while the station is a kiosk; lets go after the PIN', async () => {
    const handlers = createHandlers();
    const call = async (m: string, a: unknown) => (await dispatch(handlers, station, m, a)) as ApiResponse<unknown>;
    const { w, win } = fakeWindow();
    guardKioskWindow(win as never, station);
    expect(w.kiosk).toBe(false);
    expect(closeWasStopped(w)).toBe(false);

    await call('kiosk.setPin', { pin: '80808' });
    await call('kiosk.start', {});
    const run = () => kioskWindowMethods['kiosk.window']!.run({} as never, { station, window: win as never, sender: {} as never });
    expect(run()).toEqual({ kiosk: true });
    expect(w.kiosk).toBe(true);
    expect(closeWasStopped(w)).toBe(true);

    expect((await call('kiosk.exit', { pin: '80808' })).ok).toBe(true);
    expect(run()).toEqual({ kiosk: false });
    expect(w.kiosk).toBe(false);
    expect(closeWasStopped(w)).toBe(false);
  });

  it('a window opened on a station already in kiosk mode (the app restarted) starts as a kiosk', async () => {
    const handlers = createHandlers();
    await dispatch(handlers, station, 'kiosk.setPin', { pin: '80808' });
    await dispatch(handlers, station, 'kiosk.start', {});
    const { w, win } = fakeWindow();
    guardKioskWindow(win as never, station);
    expect(w.kiosk).toBe(true);
  });
});
