import { defineConfig } from 'vitest/config';

// Three projects, one `npm test` (scripts/test.mjs runs two lanes side by side: integration | unit, then e2e):
//  unit        – pure logic and single-process station code (fast, parallel)
//  (integration and e2e files run one at a time within their lane: their timings and ports are their own)
//  integration – real processes: headless host, registry, sync under faults, crash tests
//  e2e         – the real renderer in Debian Chromium via playwright-core (needs `npm run build:renderer`)
// Every run's temp folders live under one root, removed when the run ends (FOYER_KEEP_TEST_TMP=1 keeps it).
const TEMP_ROOT = ['tests/helpers/temp-root.ts'];

export default defineConfig({
  test: {
    projects: [
      // Two workers on two cores: vitest's default there is one (cores − 1), which left a core idle
      // while CPU-bound unit files ran one after another. Unit tests share nothing between files.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, maxWorkers: 2, globalSetup: TEMP_ROOT } },
      {
        test: {
          name: 'integration',
          globalSetup: TEMP_ROOT,
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup: TEMP_ROOT,
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
