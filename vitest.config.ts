import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';
import { postgresReachable, TEST_DATABASE_URL } from './packages/server/test/helpers/engines.js';
import { POSTGRES_TESTS } from './packages/server/test/helpers/postgres-tests.js';

// The server suite runs on both engines (packages/server/test/helpers/engines.ts): the `sqlite`
// project runs every test file, the `postgres` project runs POSTGRES_TESTS again on PostgreSQL
// (C360_TEST_DATABASE_URL) when it is reachable; under CI=true an unreachable PostgreSQL fails the run.
export default defineConfig(async () => {
  const postgres = await postgresReachable();
  const where = TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//');
  if (!postgres) {
    const line = `PostgreSQL is not reachable at ${where}: the PostgreSQL half of the server tests is SKIPPED (set C360_TEST_DATABASE_URL)`;
    if (process.env.CI === 'true') throw new Error(`${line}; CI requires both engines`);
    console.warn(`\n*** ${line} ***\n`);
  } else {
    console.log(`Server tests run on SQLite and on PostgreSQL (${where}).`);
  }
  const shared = { environment: 'node' as const, globalSetup: ['packages/server/test/helpers/global-setup.ts'] };
  return {
    // Workspace packages export "@c360/source": "./src/index.ts", so tests run without `tsc -b` first.
    ssr: { resolve: { conditions: ['@c360/source', ...defaultServerConditions] } },
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
      projects: [
        {
          extends: true,
          test: {
            ...shared,
            name: 'sqlite',
            include: ['packages/{sdk,server}/test/**/*.test.ts'],
            provide: { engine: 'sqlite' },
            exclude: ['**/node_modules/**', 'packages/server/test/{postgres,multi-instance}/**'], // these need PostgreSQL
          },
        },
        // Every statement is a round trip to the server: the property tests' many small transactions take longer.
        ...(postgres
          ? [
              {
                extends: true,
                test: { ...shared, name: 'postgres', include: [...POSTGRES_TESTS], provide: { engine: 'postgres' }, testTimeout: 90_000 },
              },
            ]
          : []),
      ],
    },
  };
});
