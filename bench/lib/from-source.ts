/**
 * The benchmarks' entry points run the workspace packages from their TypeScript sources (the
 * `@c360/source` export condition, as the tests do); without it `@c360/sdk` would resolve to a possibly
 * stale `dist/`. {@link runFromSource} re-runs the entry once with `--conditions=@c360/source` (and
 * `--expose-gc`, so each measured series starts after a collection), then loads the suite and runs it.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `load().main(argv)` under the source condition; `entryUrl` is the entry's `import.meta.url`.
 * Sets `process.exitCode` to the suite's result (1 when the condition could not be applied).
 */
export async function runFromSource(entryUrl: string, load: () => Promise<{ main: (argv: string[]) => Promise<number> }>): Promise<void> {
  const fromSource = import.meta.resolve('@c360/sdk').endsWith('/src/index.ts');
  if (!fromSource && !process.env.C360_BENCH_CHILD) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, '--conditions=@c360/source', '--expose-gc', fileURLToPath(entryUrl), ...process.argv.slice(2)],
      { stdio: 'inherit', env: { ...process.env, C360_BENCH_CHILD: '1' } },
    );
    process.exit(child.status ?? 1);
  } else if (!fromSource) {
    console.error('bench: @c360/sdk still resolves to dist/ under --conditions=@c360/source; run from the repository root.');
    process.exitCode = 1;
  } else {
    const { main } = await load();
    process.exitCode = await main(process.argv.slice(2));
  }
}
