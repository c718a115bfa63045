/**
 * Runs the `c360` CLI as a real process from source (node + tsx with the @c360/source condition),
 * from the repository root, and collects its exit code and output.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `c360 ...args` with `env` added to (and `C360_DB`/`DATABASE_URL` removed from) this process's environment. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const base = { ...process.env };
  delete base.C360_DB;
  delete base.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@c360/source', '--import', 'tsx', 'packages/server/src/cli/main.ts', ...args],
      { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
