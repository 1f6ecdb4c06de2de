// The renderer's one way to reach its station: the typed API from core/api over
// whichever bridge exists — Electron's preload (window.foyer) or the headless host.
import { typedApi, type FoyerBridge, type Topic } from '../../../core/api/index';
import { createWebBridge } from './index.web';

export const bridge: FoyerBridge = window.foyer ?? createWebBridge();
export const api = typedApi(bridge);

const local = new Set<(topic: Topic) => void>();

/**
 * Listens to station pushes plus announcements made in this window, so a screen
 * refreshes right after its own action even while the push channel reconnects.
 */
export function subscribe(listener: (topic: Topic) => void): () => void {
  local.add(listener);
  const off = bridge.subscribe(listener);
  return () => {
    local.delete(listener);
    off();
  };
}

export function announce(topic: Topic): void {
  for (const l of local) l(topic);
}

export { ApiCallError } from '../../../core/api/index';
export type { Topic } from '../../../core/api/index';
