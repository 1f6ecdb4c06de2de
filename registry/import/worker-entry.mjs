// Entry of the import worker thread: loads worker.ts through tsx (the registry runs as
// TypeScript; a worker thread does not inherit the parent's loader).
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
