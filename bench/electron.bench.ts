// What the desktop transport adds in the main process: a durable scan through
// handleCall (sender-frame check, zod, dispatch) with its arguments and result
// structured-cloned as Electron's IPC does, against the same check-in called
// in-process; and serving the renderer's index.html over app:// against a bare
// file read. The process hop itself (Mojo) needs the Electron binary, not here.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, WebContents } from 'electron';
import { handleCall } from '../electron/ipc.main';
import { serveAppRequest } from '../electron/protocol.main';
import { badgeCodes } from '../db/schema/index';
import { checkIn } from '../station/checkin';
import { createHandlers } from '../station/handlers/index';
import { seedDemoEvent } from '../resources/demo/seed';
import { openStation } from '../station/station';
import { percentile, round, sample, type BenchModule } from './harness';

const bench: BenchModule = async ({ quick, tmp }) => {
  const n = quick ? 300 : 2_000;
  const station = openStation(path.join(tmp, 'station'), { seed: seedDemoEvent });
  const codes = station.db.orm.select({ code: badgeCodes.code }).from(badgeCodes).limit(1_200).all().map((c) => c.code);

  const mainFrame = { url: 'app://foyer/index.html', parent: null };
  const webContents = { mainFrame, isDestroyed: () => false, send: () => {} } as unknown as WebContents;
  const window = { isDestroyed: () => false, webContents } as unknown as BrowserWindow;
  const deps = { station, handlers: createHandlers(), mainMethods: {}, window };
  const event = { sender: webContents, senderFrame: mainFrame as never };

  // Same mix on both paths: first admissions, then repeats of the same codes.
  const direct = await sample(n, (i) => checkIn(station, codes[i % 600]!, Date.now()));
  const overIpc = await sample(n, async (i) => {
    const args = structuredClone({ text: codes[600 + (i % 600)]! });
    structuredClone(await handleCall(deps, event, 'checkin.scan', args));
  });
  station.close();

  // app:// serving of the renderer entry vs reading the same file.
  const root = path.join(tmp, 'renderer');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html>${'<p>x</p>'.repeat(2_000)}`);
  const read = await sample(n, () => fs.promises.readFile(path.join(root, 'index.html')));
  const served = await sample(n, async () => (await serveAppRequest(new Request('app://foyer/index.html'), root)).arrayBuffer());

  const d50 = percentile(direct, 50);
  return [
    { area: 'electron', name: `scan via IPC handler p50 (${n.toLocaleString('en')} scans)`, value: round(percentile(overIpc, 50)), unit: 'ms', ratio: round(percentile(overIpc, 50) / d50, 2), vs: 'in-process check-in p50' },
    { area: 'electron', name: `scan via IPC handler p99 (${n.toLocaleString('en')} scans)`, value: round(percentile(overIpc, 99)), unit: 'ms', ratio: round(percentile(overIpc, 99) / percentile(direct, 99), 2), vs: 'in-process check-in p99' },
    { area: 'electron', name: 'in-process check-in p50 (anchor)', value: round(d50), unit: 'ms' },
    { area: 'electron', name: 'app:// index.html p50', value: round(percentile(served, 50)), unit: 'ms', ratio: round(percentile(served, 50) / percentile(read, 50), 2), vs: 'bare readFile p50' },
  ];
};
export default bench;
