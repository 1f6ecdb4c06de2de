// HTTPS to a registry whose certificate is pinned by its SHA-256 fingerprint (it came with the
// pairing code), not trusted through a certificate authority: a self-signed registry on venue
// Wi-Fi is safe from anyone between the station and it. The check runs on the TLS handshake,
// before a single byte of the request (token, scans) is sent. undici is Node's own fetch engine;
// its Agent takes a custom connector, which the built-in fetch does not expose.
import crypto from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

export const CERT_MISMATCH = 'FOYER_CERT_MISMATCH';

/** SHA-256 of a certificate's DER bytes, base64url (the form pairing links carry). */
export function fingerprintOf(der: Uint8Array): string {
  return crypto.createHash('sha256').update(der).digest('base64url');
}

const agents = new Map<string, Agent>();

/** A fetch that talks only to the registry holding the certificate with this fingerprint. */
export function pinnedFetch(fingerprint: string): typeof fetch {
  let agent = agents.get(fingerprint);
  if (!agent) {
    agent = new Agent({
      keepAliveTimeout: 10_000,
      connect: (opts, callback) => {
        const host = opts.hostname;
        const socket = tls.connect({
          host,
          port: Number(opts.port) || 443,
          servername: net.isIP(host) ? undefined : host,
          // The chain is not checked against CAs: the pin below is stricter than any CA.
          rejectUnauthorized: false,
          ALPNProtocols: ['http/1.1'],
        });
        let settled = false;
        const done = (err: Error | null) => {
          if (settled) return;
          settled = true;
          if (err) {
            socket.destroy();
            callback(err, null);
          } else callback(null, socket);
        };
        socket.once('secureConnect', () => {
          const peer = socket.getPeerCertificate();
          const got = peer?.raw ? fingerprintOf(peer.raw) : '';
          if (got !== fingerprint) {
            done(Object.assign(new Error('The registry presented a certificate that does not match the one this station was paired with.'), { code: CERT_MISMATCH }));
          } else done(null);
        });
        socket.once('error', (err) => done(err));
      },
    });
    agents.set(fingerprint, agent);
  }
  const dispatcher = agent;
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher } as Parameters<typeof undiciFetch>[1])) as unknown as typeof fetch;
}

/** The fetch for a registry link: pinned when the link carries a fingerprint, plain otherwise (CA-checked HTTPS, or HTTP). */
export function registryFetch(fingerprint: string | null | undefined): typeof fetch {
  return fingerprint ? pinnedFetch(fingerprint) : fetch;
}

/**
 * The SHA-256 fingerprint of the certificate an HTTPS server presents (nothing is sent but the
 * TLS handshake). A LAN hub's certificate is not known in advance: the station pins what it saw
 * here only once the hub has proved, in a statement signed with its station key, that this
 * certificate is its own (core/sync/hub-protocol.ts).
 */
export function peerFingerprint(url: string, timeoutMs: number): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: u.hostname, port: Number(u.port) || 443, servername: net.isIP(u.hostname) ? undefined : u.hostname, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const raw = socket.getPeerCertificate()?.raw;
      socket.end();
      raw ? resolve(fingerprintOf(raw)) : reject(new Error('The server presented no certificate.'));
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
