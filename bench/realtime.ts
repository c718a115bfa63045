/**
 * Entry point of the real-time benchmark (`npx tsx bench/realtime.ts [--subscribers 100] [--changes 200]`,
 * `--help` lists the flags): change-to-receive latency of GET /api/stream over real HTTP with many
 * concurrent subscribers (lib/realtime-suite.ts). Like run.ts, re-runs itself once with
 * `--conditions=@c360/source --expose-gc` so the workspace packages resolve to their sources.
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
  const { main } = await import('./lib/realtime-suite.js');
  process.exitCode = await main(process.argv.slice(2));
}
