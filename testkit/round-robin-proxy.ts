// A small round-robin HTTP load balancer for tests (127.0.0.1): each request goes to the next
// backend, skipping ones that refuse connections, the way a venue's load balancer in front of
// several registry processes would. Streams (the live channel) are piped both ways.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests answered per backend port. */
  served: Map<number, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(ports: () => number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const served = new Map<number, number>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const list = ports();
      const attempt = (tries: number) => {
        const port = list[next++ % list.length]!;
        const up = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` } }, (r) => {
          served.set(port, (served.get(port) ?? 0) + 1);
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
          r.on('error', () => res.destroy());
        });
        up.on('error', (err: NodeJS.ErrnoException) => {
          // Connection refused: that process is down, try the next one (nothing reached it).
          if (err.code === 'ECONNREFUSED' && tries < list.length && !res.headersSent) attempt(tries + 1);
          else res.destroy();
        });
        res.on('close', () => up.destroy());
        up.end(body);
      };
      attempt(1);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
