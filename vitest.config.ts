import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

export default defineConfig({
  // Workspace packages export "@c360/source": "./src/index.ts", so tests run without `tsc -b` first.
  ssr: { resolve: { conditions: ['@c360/source', ...defaultServerConditions] } },
  test: {
    include: ['packages/{sdk,server}/test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['packages/server/test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
