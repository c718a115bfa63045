/**
 * `c360 seed` and `c360 rebuild-stats` as a user runs them (real processes): seeding prints what
 * it wrote with plain progress lines (no TTY), again changes nothing, a bad --customers is refused
 * naming the option, and rebuild-stats leaves the incremental statistics as they were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliDbArgs, openTestDb, testEngine } from '../helpers/engines.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-seed-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('c360 seed and c360 rebuild-stats', () => {
  it('seed writes N customers with progress lines; again applies nothing; rebuild-stats changes no statistic', async () => {
    const { db, location, close } = await openTestDb({ file: join(dir, 'seed.db') }); // this file's engine
    const where = cliDbArgs(location);
    const first = await runCli(['seed', '--customers', '40', '--seed', '7', ...where]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/^Seeded 40 customers \(seed 7\) into /m);
    expect(first.stderr).toContain('seed: 100% (40 of 40 customers');
    const again = await runCli(['seed', '--customers', '40', '--seed', '7', ...where]);
    expect(again.stdout).toMatch(/events, 0 new/);

    const stats = () => db.selectFrom('customer_stats').selectAll().orderBy('customer_id').execute();
    try {
      const before = await stats();
      expect(before.map((r) => r.customer_id).filter((id) => id.startsWith('S7-'))).toHaveLength(40);
      const rebuilt = await runCli(['rebuild-stats', ...where]);
      expect(rebuilt).toMatchObject({ code: 0 });
      expect(rebuilt.stdout).toContain('Rebuilt statistics of 40 customers');
      expect(await stats()).toEqual(before);
    } finally {
      await close();
    }
  }, 120_000);

  // Argument checking asks nothing of the database: once, on SQLite (a process start saved on PostgreSQL).
  it.skipIf(testEngine() === 'postgres')('refuses a --customers that is not a positive whole number, naming the option', async () => {
    const result = await runCli(['seed', '--customers', 'many', '--db', join(dir, 'bad.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--customers must be a whole number');
  });
});
