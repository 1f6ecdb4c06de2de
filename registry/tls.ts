// The registry's TLS certificate: made once at first start (self-signed, ECDSA P-256) and kept
// in the data folder, or given with --cert/--key. Stations do not trust it through a CA: they
// pin its SHA-256 fingerprint, which travels with the pairing code (docs/security.md, "Registry").
// The certificate is made by node-shared/self-signed.ts (@peculiar/x509 on WebCrypto, not openssl:
// Windows laptops have no openssl).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf } from '../node-shared/pinned-fetch';
import { writePrivateFile } from '../node-shared/private-files';
import { makeSelfSigned, type TlsMaterial } from '../node-shared/self-signed';

export type { TlsMaterial };

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
  const made = await makeSelfSigned(o.host, 'Foyer registry', VALID_DAYS);
  writePrivateFile(keyFile, made.key);
  writePrivateFile(certFile, made.cert);
  return made;
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
