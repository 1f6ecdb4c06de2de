// The Electron preload exposes the station bridge here; in a plain browser it is absent
// and the renderer talks to the headless host instead (api/index.web.ts).
import type { FoyerBridge } from '../../core/api/index';

declare global {
  interface Window {
    foyer?: FoyerBridge;
  }
}

export {};
