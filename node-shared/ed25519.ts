// Ed25519 for badges, from Node's built-in crypto (OpenSSL). Synchronous, so a
// badge is verified inside the check-in transaction. Used by station/ and registry/.
import crypto, { type KeyObject } from 'node:crypto';
import type { Ed25519 } from '../core/badge/signed';

// DER prefixes that wrap a raw 32-byte key as SPKI / PKCS#8 for Ed25519 (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

// Importing a key costs more than a verify; stations use one or two keys all day.
const publicCache = new Map<string, KeyObject>();
const privateCache = new Map<string, KeyObject>();

function cached(cache: Map<string, KeyObject>, raw: Uint8Array, make: (der: Buffer) => KeyObject, prefix: Buffer): KeyObject {
  const id = Buffer.from(raw).toString('base64');
  let k = cache.get(id);
  if (!k) {
    if (raw.length !== 32) throw new Error('Ed25519 keys are 32 bytes.');
    k = make(Buffer.concat([prefix, raw]));
    if (cache.size > 64) cache.clear();
    cache.set(id, k);
  }
  return k;
}

export const nodeEd25519: Ed25519 = {
  sign(message, privateKey) {
    const k = cached(privateCache, privateKey, (der) => crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), PKCS8_PREFIX);
    return new Uint8Array(crypto.sign(null, message, k));
  },
  verify(message, signature, publicKey) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const k = cached(publicCache, publicKey, (der) => crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }), SPKI_PREFIX);
    return crypto.verify(null, message, k, signature);
  },
};

export interface RawKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** A new random key pair (raw 32-byte public key and seed). */
export function generateEd25519(): RawKeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return fromKeyObjects(publicKey, privateKey);
}

/** The key pair for a given 32-byte seed (deterministic). */
export function ed25519FromSeed(seed: Uint8Array): RawKeyPair {
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return fromKeyObjects(crypto.createPublicKey(privateKey), privateKey);
}

function fromKeyObjects(pub: KeyObject, priv: KeyObject): RawKeyPair {
  const spki = pub.export({ format: 'der', type: 'spki' });
  const pkcs8 = priv.export({ format: 'der', type: 'pkcs8' });
  return { publicKey: new Uint8Array(spki.subarray(spki.length - 32)), privateKey: new Uint8Array(pkcs8.subarray(pkcs8.length - 32)) };
}

