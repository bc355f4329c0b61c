import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * One `vitest run` runs everything:
 * - unit: pure code next to its source (`src/**\/*.test.ts`);
 * - api-pglite: the API suite on an embedded database cloned per test file;
 * - api-postgres: the same suite on the PostgreSQL server of DATABASE_URL (skipped when unset);
 * - e2e: browser tests in the system Chromium against a real server.
 */
const apiProject = (name: string, db: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: ['tests/api/**/*.test.ts'],
    env: { TEST_DB: db },
    globalSetup: [`tests/support/global-${db}.ts`],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: [
      'tests/support/suite-clock.ts',
      'tests/support/property-seed.ts',
      'tests/support/fail-on-console-error.ts',
    ],
  },
});

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      include: ['src/**/*.test.ts', 'tests/support/**/*.test.ts'],
      setupFiles: [
        'tests/support/suite-clock.ts',
        'tests/support/property-seed.ts',
        'tests/support/fail-on-console-error.ts',
      ],
    },
  },
  apiProject('api-pglite', 'pglite'),
  ...(process.env.DATABASE_URL ? [apiProject('api-postgres', 'postgres')] : []),
  {
    test: {
      name: 'e2e',
      include: ['tests/e2e/**/*.test.ts'],
      globalSetup: ['tests/support/global-e2e.ts'],
      setupFiles: ['tests/support/suite-clock.ts'],
      // generous: on two busy cores a browser test can take several times its quiet duration
      testTimeout: 120_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  },
];

export default defineConfig({
  test: {
    projects,
    maxWorkers: 2,
  },
});
