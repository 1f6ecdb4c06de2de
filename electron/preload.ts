// The only bridge between the sandboxed renderer and the main process:
// window.foyer = { call, subscribe }, exactly core/api's FoyerBridge.
// Runs with sandbox: true, so it is bundled into one CJS file that requires only
// 'electron' (scripts/build-electron.mjs checks). Only plain data crosses: the
// IPC event object and ipcRenderer itself are never handed to the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResponse, FoyerBridge, Topic } from '../core/api/index';

// Duplicated from ipc.main.ts on purpose: importing it would bundle main-process code.
const CALL_CHANNEL = 'foyer:call';
const TOPIC_CHANNEL = 'foyer:topic';

const bridge: FoyerBridge = {
  async call(method: string, args: unknown): Promise<ApiResponse<unknown>> {
    if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
      return { ok: false, error: { code: 'unknown_method', message: 'Unknown request.' } };
    }
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, args)) as ApiResponse<unknown>;
    } catch {
      // Arguments that cannot be cloned, or the main process is gone.
      return {
        ok: false,
        error: { code: 'ipc', message: 'The request could not reach the station. Nothing was saved; try again.' },
      };
    }
  },

  subscribe(listener: (topic: Topic) => void): () => void {
    if (typeof listener !== 'function') return () => {};
    const wrapped = (_event: unknown, topic: unknown) => {
      if (typeof topic === 'string') listener(topic as Topic);
    };
    ipcRenderer.on(TOPIC_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(TOPIC_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('foyer', bridge);
