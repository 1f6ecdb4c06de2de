// `scripts/setup.sh` step: makes this installation's empty, migrated PGlite cluster
// (registry/pglite-template.ts), so the first registry started here copies it instead of
// running initdb (~4 s of CPU and ~500 MB of memory kept by the process afterwards).
import { makeEmptyCluster } from '../registry/db';
import { ensureTemplate, templateDir } from '../registry/pglite-template';

if (await ensureTemplate(makeEmptyCluster)) console.log(`PGlite template ready: ${templateDir()}`);
else console.log('No PGlite template here (templates off, or node_modules not writable): a new registry runs initdb itself.');
