// `npm run start:web -- --data DIR --port P`: opens the station database and serves
// the renderer + API on 127.0.0.1, then prints a line for people with the address to open.
// `--json` first prints one JSON line {url, port} for scripts and tests (kept out of a
// person's terminal otherwise). Database problems print their sentence and exit 1;
// SIGINT/SIGTERM close the database cleanly.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DbOpenError } from '../../db/connection';
import { seedDemoEvent } from '../../resources/demo/seed';
import { createHandlers } from '../handlers/index';
import { openStation, type Station } from '../station';
import { resumeHub, setHubDefaults, setHubEnabled, stopHub } from '../hub/index';
import { DEFAULT_HUB_PORT } from '../hub/server';
import { startSync } from '../sync/index';
import { startHost, type RunningHost } from './server';
import { loadOrCreateAccessKey } from './access-key';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function usageError(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run start:web -- [--data DIR] [--port P] [--static DIR] [--json] [--hub [--hub-port P]]\n`);
  process.exit(2);
}

function parseCli() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        data: { type: 'string', default: path.join('.data', 'station') },
        port: { type: 'string', default: '5780' },
        static: { type: 'string', default: path.join(repoRoot, 'dist', 'renderer') },
        'station-name': { type: 'string' },
        json: { type: 'boolean', default: false },
        hub: { type: 'boolean', default: false },
        'hub-port': { type: 'string', default: String(DEFAULT_HUB_PORT) },
      },
      strict: true,
    }));
  } catch (err) {
    usageError((err as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const hubPort = Number(values['hub-port']);
  if (!Number.isInteger(hubPort) || hubPort < 0 || hubPort > 65535) usageError(`--hub-port must be a number from 0 to 65535, not "${values['hub-port']}".`);
  return { dataDir: path.resolve(values.data!), port, staticDir: path.resolve(values.static!), stationName: values['station-name'], json: values.json === true, hub: values.hub === true, hubPort };
}

async function main(): Promise<void> {
  const args = parseCli();
  let station: Station;
  try {
    // A new data folder starts on the demo event, as the desktop app does.
    station = openStation(args.dataDir, { stationName: args.stationName, seed: seedDemoEvent });
  } catch (err) {
    if (err instanceof DbOpenError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  let host: RunningHost;
  try {
    host = await startHost({ station, handlers: createHandlers(), port: args.port, host: '127.0.0.1', token: loadOrCreateAccessKey(args.dataDir), staticDir: args.staticDir });
  } catch (err) {
    station.close();
    const code = (err as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Port ${args.port} is already in use (is another Foyer running?). Choose another with --port.\n`
        : `The station could not start its local server: ${(err as Error).message}\n`,
    );
    process.exit(1);
  }

  // Background sync with the registry (idle until the station is paired in Settings).
  const sync = startSync(station, { discover: true });
  // --hub: also serve the sync protocol to the event's other stations on the venue network
  // (docs/lan-hub.md). A station that cannot be a hub says why and keeps working as a station.
  // The Settings switch is remembered; --hub switches it on.
  // The Settings switch serves on the same port.
  setHubDefaults({ port: args.hubPort });
  const hub = args.hub ? await setHubEnabled(station, true) : await resumeHub(station);
  if (hub.url) process.stdout.write(`Hub for the other stations at ${hub.url}\n`);
  else if (hub.message) process.stderr.write(`${hub.message}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, ...(hub.url ? { hubUrl: hub.url } : {}) })}\n`);
  process.stdout.write(`Foyer station "${station.config().name}" (${station.eventInfo().name}) is ready: open ${host.url}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // Close the server first so no request writes while the database closes.
    sync.stop();
    Promise.all([host.close(), stopHub(station)]).finally(() => {
      station.close();
      process.stderr.write(`Foyer station stopped (${signal}); data saved in ${args.dataDir}\n`);
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[foyer host] failed to start', err);
  process.stderr.write('The station could not start. See the message above, or call the tech desk.\n');
  process.exit(1);
});
