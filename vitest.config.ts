import { defineConfig } from 'vitest/config';

// Three projects, one `npm test`:
//  unit        – pure logic and single-process station code (fast, parallel)
//  integration – real processes: headless host, registry, sync under faults, crash tests
//  e2e         – the real renderer in Debian Chromium via playwright-core (needs `npm run build:renderer`)
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
