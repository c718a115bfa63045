#!/usr/bin/env node
// `npm test`: custom-elements manifest, type-check, lint, bundle, host examples, node tests (vitest), browser tests (web-test-runner in Chromium),
// then one summary line `N passed, N failed` summed over both runners (read by CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const run = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
};
const npx = (bin, ...args) => run(bin, 'node_modules/.bin/' + bin, args);

const steps = {
  // custom-elements.json and the React/Vue types the examples type-check against (gitignored).
  manifest: npx('cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'),
  typecheck:
    npx('tsc', '-b') &&
    npx('tsc', '-p', 'packages/server/tsconfig.test.json') &&
    npx('tsc', '-p', 'packages/components/tsconfig.test.json') &&
    npx('tsc', '-p', 'bench/tsconfig.json') &&
    npx('tsc', '-p', 'demo/react') &&
    npx('tsc', '-p', 'demo/vue') &&
    npx('tsc', '-p', 'demo/refine'),
  // Code style: ESLint (typescript-eslint, eslint-plugin-lit) and Prettier, as `npm run lint`.
  lint: run('lint', 'npm', ['run', '--silent', 'lint']),
  // The bundle first: the end-to-end test (packages/server/test/e2e) loads the demo page with it.
  bundle: run('bundle', 'node', ['scripts/bundle.mjs']),
};
// The host examples (demo/<host>/build.mjs) load the bundle; their browser tests are node tests.
steps.examples = steps.bundle && run('examples', 'node', ['scripts/build-examples.mjs']);
steps.vitest = npx('vitest', 'run');
steps.wtr = steps.bundle && npx('web-test-runner');

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = read('reports/vitest.json');
const wtr = read('reports/wtr.json');
const passed = (vitest?.numPassedTests ?? 0) + (wtr?.passed ?? 0);
let failed = (vitest?.numFailedTests ?? 0) + (wtr?.failed ?? 0);
// A step that failed without reporting a failed test (type errors, a crashed runner) counts as one.
for (const [name, ok] of Object.entries(steps)) {
  const reported = name === 'vitest' ? vitest?.numFailedTests : name === 'wtr' ? wtr?.failed : 0;
  if (!ok && !reported) {
    console.log(`step ${name} failed`);
    failed += 1;
  }
}
console.log(
  `\nnode tests: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}; browser tests: ${wtr ? `${wtr.passed} passed, ${wtr.failed} failed` : 'no report'}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && Object.values(steps).every(Boolean) ? 0 : 1);
