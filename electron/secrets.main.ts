// The desktop app keeps the station's registry token encrypted with the OS (Electron's
// safeStorage: DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux), so a copy of
// the database alone does not carry a usable token. Installed at start, before the station
// opens (electron/main.ts). Must run after app 'ready' (safeStorage needs it).
import { safeStorage } from 'electron';
import { osSecretStore, setSecretStore } from '../station/secret-store';

/**
 * Uses the OS store when it really encrypts. On Linux without a keyring Chromium falls back to
 * a hard-coded key ('basic_text'): no better than plain, so the plain store stays (and the
 * docs tell operators to rely on disk encryption).
 */
export function installOsSecretStore(): 'os' | 'plain' {
  try {
    if (!safeStorage.isEncryptionAvailable()) return 'plain';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'plain';
  } catch {
    return 'plain'; // a keychain that cannot be asked must not stop the doors opening
  }
  setSecretStore(osSecretStore(safeStorage));
  return 'os';
}
