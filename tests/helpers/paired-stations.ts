// Stations paired with a test registry (tests/helpers/demo-registry.ts), synced once on demand, and
// every byte of a station's data folder — for tests of what reaches which station (safeguarding,
// photos, protocol alerts): a leak is a match in the bytes, the write-ahead log included.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Station } from '../../station/station';
import { newSyncClient } from '../../station/sync/index';
import { pairStation } from '../../station/sync/pair';
import type { DemoRegistry } from './demo-registry';
import { freshStation } from './station';

/** Every file of a station's data folder, database, write-ahead log and index included. */
export function folderBytes(dir: string): Buffer {
  const out: Buffer[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, f.name);
      if (f.isDirectory()) walk(p);
      else out.push(fs.readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(out);
}

/** A new station (no demo event: its folder holds only what the registry sent) paired as a desk or as the Festsaal's entry door. */
export async function pairAs(demo: DemoRegistry, name: string, role: 'desk' | 'door'): Promise<{ station: Station; dir: string }> {
  const { station, dir } = freshStation({ stationName: name, demo: false });
  demo.opened.push(station);
  const { code } = await demo.reg.admin<{ code: string }>('POST', '/v1/admin/pairing-codes', { name, role, ...(role === 'door' ? { roomId: 'festsaal', doorMode: 'entry' } : {}) });
  const r = await pairStation(station, demo.reg.url, code);
  expect(r.paired, r.message).toBe(true);
  return { station, dir };
}

/** One sync cycle, which must end online. */
export async function syncOnce(demo: DemoRegistry, station: Station): Promise<void> {
  const c = newSyncClient(station, { live: false, backoffBaseMs: 10, backoffMaxMs: 50 });
  demo.clients.push(c);
  const rep = await c.syncNow();
  expect(rep.state, c.lastError?.message).toBe('online');
}
