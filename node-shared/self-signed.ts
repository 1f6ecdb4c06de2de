// A self-signed TLS certificate (ECDSA P-256) for a Foyer server on the venue network: the
// registry's (kept in its data folder, registry/tls.ts) and a LAN hub's (made at each start,
// station/hub/). Nobody trusts it through a CA: stations pin its SHA-256 fingerprint, which
// reaches them with the pairing link (registry) or in a statement signed by the hub's station
// key (docs/lan-hub.md). Made with @peculiar/x509 on WebCrypto, not by shelling out to openssl:
// Windows laptops have no openssl.
import 'reflect-metadata';
import crypto from 'node:crypto';
import os from 'node:os';
import * as x509 from '@peculiar/x509';
import { fingerprintOf } from './pinned-fetch';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), base64url: what stations pin. */
  fingerprint: string;
}

/** A self-signed certificate naming this machine's addresses (informative only: stations pin the fingerprint). */
export async function makeSelfSigned(host: string, commonName: string, validDays: number): Promise<TlsMaterial> {
  const subtle = crypto.webcrypto.subtle;
  x509.cryptoProvider.set(crypto.webcrypto as unknown as Crypto);
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names: { type: 'dns' | 'ip'; value: string }[] = [{ type: 'dns', value: 'localhost' }];
  const ips = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) ips.add(a.address.replace(/%.*$/, ''));
  if (host && !['0.0.0.0', '::'].includes(host)) (/^[\d.:a-f]+$/i.test(host) ? ips.add(host) : names.push({ type: 'dns', value: host }));
  for (const ip of ips) names.push({ type: 'ip', value: ip });
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto.randomBytes(16).toString('hex').replace(/^[89a-f]/, '1'),
    name: `CN=${commonName} ${os.hostname().slice(0, 40).replace(/[,=+<>#;\\"]/g, '')}`,
    notBefore: new Date(now - 24 * 3600 * 1000), // a station whose clock is a little behind still accepts it
    notAfter: new Date(now + validDays * 24 * 3600 * 1000),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
    ],
  });
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  const pem = cert.toString('pem') + '\n';
  return { cert: pem, key, fingerprint: fingerprintOf(new crypto.X509Certificate(pem).raw) };
}
