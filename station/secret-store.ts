// Where the station keeps secrets at rest (today: its registry token in the settings table).
// The headless host stores them as they are (no OS keychain on a server; protect the disk);
// the desktop app installs an OS-backed store at start (electron/secrets.main.ts, Electron's
// safeStorage: DPAPI, Keychain, libsecret/kwallet). docs/data-at-rest.md says which is which.
//
// Stored text is `<kind>:<payload>`; text without a known prefix is an older plain value.

export interface SecretStore {
  /** Prefix of the values this store writes ('plain', 'os'). */
  readonly kind: string;
  seal(plain: string): string;
  /** The secret, or null when this store cannot read it (sealed by another machine/user). */
  open(payload: string): string | null;
}

export const plainSecretStore: SecretStore = {
  kind: 'plain',
  seal: (plain) => plain,
  open: (payload) => payload,
};

/** A store over an encrypt/decrypt pair (Electron's safeStorage in the desktop app). */
export function osSecretStore(ss: { encryptString(plain: string): Buffer; decryptString(sealed: Buffer): string }): SecretStore {
  return {
    kind: 'os',
    seal: (plain) => ss.encryptString(plain).toString('base64'),
    open: (payload) => ss.decryptString(Buffer.from(payload, 'base64')),
  };
}

let current: SecretStore = plainSecretStore;

/** Called once at start by the desktop app's main process (before the station opens). */
export function setSecretStore(store: SecretStore): void {
  current = store;
}

export function secretStoreKind(): string {
  return current.kind;
}

export function sealSecret(plain: string): string {
  return `${current.kind}:${current.seal(plain)}`;
}

/**
 * Reads a stored secret. null: unreadable here (sealed by the OS store of another machine or
 * user, or with no such store running) — the station then has to be paired again.
 */
export function openSecret(stored: string): string | null {
  const i = stored.indexOf(':');
  const kind = i > 0 ? stored.slice(0, i) : '';
  if (kind === plainSecretStore.kind) return stored.slice(i + 1);
  if (kind === current.kind) {
    try {
      return current.open(stored.slice(i + 1));
    } catch {
      return null;
    }
  }
  if (kind === 'os') return null;
  return stored; // written before secrets were sealed
}
