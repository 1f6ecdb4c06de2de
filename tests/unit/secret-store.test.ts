// The station's registry token at rest (station/secret-store.ts, docs/data-at-rest.md).
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getSetting, setSetting } from '../../db/settings';
import { openSecret, osSecretStore, plainSecretStore, sealSecret, setSecretStore } from '../../station/secret-store';
import { newSyncClient } from '../../station/sync/index';
import { LINK, type RegistryLink } from '../../station/sync/link';
import { freshStation } from '../helpers/station';

/** Stands in for Electron's safeStorage: real AES-GCM under a key only this "OS user" has. */
function fakeSafeStorage() {
  const key = crypto.randomBytes(32);
  return {
    encryptString(plain: string): Buffer {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer): string {
      const d = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const TOKEN = 'tok_' + 'A'.repeat(43);

afterEach(() => setSecretStore(plainSecretStore));

describe('secret store', () => {
  it('headless default: stored as it is (marked plain), and tokens stored before sealing still read', () => {
    expect(sealSecret(TOKEN)).toBe(`plain:${TOKEN}`);
    expect(openSecret(sealSecret(TOKEN))).toBe(TOKEN);
    expect(openSecret(TOKEN)).toBe(TOKEN);
  });

  it('desktop: the token in the settings table is encrypted, and the sync client still reads it', () => {
    setSecretStore(osSecretStore(fakeSafeStorage()));
    const { station } = freshStation();
    try {
      station.write(() => setSetting(station.db.orm, LINK, { url: 'http://127.0.0.1:9', token: sealSecret(TOKEN), eventId: null, pairedAt: 1 }));
      const raw = station.db.sqlite.prepare("select value from settings where key = ?").pluck().get(LINK) as string;
      expect(raw).not.toContain(TOKEN);
      expect(getSetting<RegistryLink>(station.db.orm, LINK)?.token).toMatch(/^os:/);
      expect(newSyncClient(station, { live: false }).link()?.token).toBe(TOKEN);
    } finally {
      station.close();
    }
  });

  it('a token sealed by another machine or user cannot be read: the station must be paired again', () => {
    setSecretStore(osSecretStore(fakeSafeStorage()));
    const sealed = sealSecret(TOKEN);
    setSecretStore(osSecretStore(fakeSafeStorage())); // another user's keychain
    expect(openSecret(sealed)).toBeNull();
    setSecretStore(plainSecretStore); // the headless host reading the desktop app's database
    expect(openSecret(sealed)).toBeNull();
    const { station } = freshStation();
    try {
      station.write(() => setSetting(station.db.orm, LINK, { url: 'http://127.0.0.1:9', token: sealed, eventId: null, pairedAt: 1 }));
      expect(newSyncClient(station, { live: false }).link()?.token).toBe('');
    } finally {
      station.close();
    }
  });
});
