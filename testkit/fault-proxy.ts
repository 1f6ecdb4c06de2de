// A fault-injecting HTTP proxy between stations and the registry (tests only, 127.0.0.1).
// Seeded, so a failing schedule can be replayed. Faults per request: drop the request,
// drop the response after the server committed, send it to the server twice, delay it,
// or cut the connection half-way through the response. `partition()` unplugs the cable.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prng } from '../resources/demo/generate';

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  delay: number;
  cut: number;
  maxDelayMs: number;
}
export const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0, cut: 0, maxDelayMs: 0 };

export interface FaultProxy {
  url: string;
  setFaults(r: FaultRates): void;
  /** Refuse everything and cut open streams (network unplugged) — or plug back in. */
  partition(on: boolean): void;
  stats: Record<string, number>;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: () => number, seed: number): Promise<FaultProxy> {
  const rnd = prng(seed);
  let faults = NO_FAULTS;
  let partitioned = false;
  const open = new Set<import('node:net').Socket>();
  const stats: Record<string, number> = {};
  const count = (k: string) => (stats[k] = (stats[k] ?? 0) + 1);

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; res: http.IncomingMessage }> =>
    new Promise((resolve, reject) => {
      const up = http.request(
        { host: '127.0.0.1', port: targetPort(), method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${targetPort()}` } },
        (res) => resolve({ status: res.statusCode ?? 502, headers: res.headers, res }),
      );
      up.on('error', reject);
      up.end(body);
    });
  const readAll = (res: http.IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve(Buffer.concat(parts)));
      res.on('error', reject);
    });

  const server = http.createServer(async (req, res) => {
    const sock = req.socket;
    try {
      const parts: Buffer[] = [];
      for await (const c of req) parts.push(c as Buffer);
      const body = Buffer.concat(parts);
      if (partitioned) {
        count('partitioned');
        sock.destroy();
        return;
      }
      const isStream = (req.url ?? '').startsWith('/v1/sync/live');
      const r = rnd();
      let acc = 0;
      const pick = (p: number) => r >= acc && r < (acc += p);
      if (pick(faults.dropRequest)) {
        count('dropRequest');
        sock.destroy();
        return;
      }
      if (!isStream && pick(faults.delay)) {
        count('delay');
        await new Promise((x) => setTimeout(x, rnd() * faults.maxDelayMs));
      }
      if (isStream) {
        const up = await forward(req, body);
        res.writeHead(up.status, up.headers);
        up.res.pipe(res);
        const cut = () => {
          up.res.destroy();
          sock.destroy();
        };
        sock.on('close', () => up.res.destroy());
        if (rnd() < faults.cut) setTimeout(cut, rnd() * 3000);
        return;
      }
      if (pick(faults.duplicate)) {
        count('duplicate');
        const first = await forward(req, body);
        await readAll(first.res);
      }
      const up = await forward(req, body);
      const data = await readAll(up.res);
      if (pick(faults.dropResponse)) {
        count('dropResponse');
        sock.destroy(); // the registry has committed; the station never hears about it
        return;
      }
      if (pick(faults.cut) && data.length > 4) {
        count('cut');
        res.writeHead(up.status, { ...up.headers, 'content-length': String(data.length) });
        res.write(data.subarray(0, Math.floor(data.length / 2)));
        setTimeout(() => sock.destroy(), 5);
        return;
      }
      count('ok');
      const headers = { ...up.headers };
      delete headers['transfer-encoding'];
      res.writeHead(up.status, { ...headers, 'content-length': String(data.length) });
      res.end(data);
    } catch {
      count('upstreamDown');
      sock.destroy(); // registry down: looks like a network error to the station
    }
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    setFaults: (r) => (faults = r),
    partition: (on) => {
      partitioned = on;
      if (on) for (const s of open) s.destroy();
    },
    stats,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
