// The registry's TLS certificate: made once at first start (self-signed, ECDSA P-256) and kept
// in the data folder, or given with --cert/--key. Stations do not trust it through a CA: they
// pin its SHA-256 fingerprint, which travels with the pairing code (docs/security.md, "Registry").
// The certificate is made with @peculiar/x509 on WebCrypto, not by shelling out to openssl:
// Windows laptops have no openssl.
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { fingerprintOf } from '../node-shared/pinned-fetch';
import { writePrivateFile } from '../node-shared/private-files';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** SHA-256 of the certificate (DER), base64url: what stations pin. */
  fingerprint: string;
}

export const CERT_FILE = 'registry-cert.pem';
export const KEY_FILE = 'registry-key.pem';
/** Long enough for any event season: a new certificate means pairing every station again. */
const VALID_DAYS = 5 * 366;

/** Reads --cert/--key, or the certificate made at first start in the data folder (made now if absent). */
export async function loadOrCreateTls(o: { dataDir: string; certFile?: string; keyFile?: string; host: string }): Promise<TlsMaterial> {
  if (o.certFile || o.keyFile) {
    if (!o.certFile || !o.keyFile) throw new StartupError('Give both --cert and --key (PEM files), or neither to let the registry make its own certificate.');
    const cert = readPem(o.certFile, 'certificate');
    const key = readPem(o.keyFile, 'private key');
    return { cert, key, fingerprint: checkedFingerprint(cert, key) };
  }
  const certFile = path.join(o.dataDir, CERT_FILE);
  const keyFile = path.join(o.dataDir, KEY_FILE);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = readPem(certFile, 'certificate');
    const key = readPem(keyFile, 'private key');
    return { cert, key, fingerprint: checkedFingerprint(cert, key) };
  }
  const made = await makeSelfSigned(o.host);
  writePrivateFile(keyFile, made.key);
  writePrivateFile(certFile, made.cert);
  return made;
}

/** A self-signed certificate naming this machine's addresses (informative only: stations pin the fingerprint). */
export async function makeSelfSigned(host: string): Promise<TlsMaterial> {
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
    name: `CN=Foyer registry ${os.hostname().slice(0, 40).replace(/[,=+<>#;\\"]/g, '')}`,
    notBefore: new Date(now - 24 * 3600 * 1000), // a station whose clock is a little behind still accepts it
    notAfter: new Date(now + VALID_DAYS * 24 * 3600 * 1000),
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

/** A start-up problem the operator can fix: printed as one sentence, never a stack. */
export class StartupError extends Error {}

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new StartupError(`Cannot read the ${what} file ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

function checkedFingerprint(cert: string, key: string): string {
  let c: crypto.X509Certificate;
  try {
    c = new crypto.X509Certificate(cert);
  } catch {
    throw new StartupError('The certificate file is not a PEM certificate.');
  }
  let k: crypto.KeyObject;
  try {
    k = crypto.createPrivateKey(key);
  } catch {
    throw new StartupError('The private key file is not a PEM private key (or it is protected by a passphrase).');
  }
  if (!c.checkPrivateKey(k)) throw new StartupError('The private key does not belong to the certificate.');
  return fingerprintOf(c.raw);
}
