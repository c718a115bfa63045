/**
 * Entry point of `npm run bench` (`tsx bench/run.ts [flags]`; `--help` lists them).
 *
 * The workspace packages export their TypeScript sources under the `@c360/source` condition (as the
 * tests use them); without it `@c360/sdk` would resolve to a possibly stale `dist/`. So when that
 * condition is not active, this re-runs itself once with `--conditions=@c360/source` (and
 * `--expose-gc`, so each measured series starts after a collection), then loads the benchmark.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fromSource = import.meta.resolve('@c360/sdk').endsWith('/src/index.ts');

if (!fromSource && !process.env.C360_BENCH_CHILD) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=@c360/source', '--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, C360_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
} else if (!fromSource) {
  console.error('bench: @c360/sdk still resolves to dist/ under --conditions=@c360/source; run from the repository root.');
  process.exit(1);
} else {
  const { main } = await import('./lib/suite.js');
  process.exitCode = await main(process.argv.slice(2));
}
