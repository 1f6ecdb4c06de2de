// Entry of the photo worker thread: loads worker.ts through tsx (as registry/import/worker-entry.mjs).
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
