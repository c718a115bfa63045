/**
 * `c360 export schedule …` as a real process on a fresh database of this file's engine (a SQLite
 * file, or a PostgreSQL database through --database-url): create (a bad cron expression names
 * --cron and exits 1), list, pause; each change audited like the API's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDbArgs, openTestDb, type TestDb } from '../helpers/engines.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-schedule-cli-'));
let test: TestDb;
let db: string[];
beforeAll(async () => {
  test = await openTestDb({ file: join(dir, 'c360.db') });
  db = cliDbArgs(test.location);
});
afterAll(async () => {
  await test.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('c360 export schedule', () => {
  it('creates, lists and pauses; refuses a bad cron naming the option', async () => {
    if (test.engine === 'sqlite') {
      // Argument checking asks nothing of the database: once, on SQLite (a process start saved on PostgreSQL).
      const bad = await runCli(['export', 'schedule', 'create', ...db, '--name', 'Bad', '--cron', 'every monday']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('--cron');
    }

    const created = await runCli([
      'export',
      'schedule',
      'create',
      ...db,
      '--name',
      'Weekly',
      '--cron',
      '0 7 * * 1',
      '--time-zone',
      'Europe/London',
      '--format',
      'xlsx',
      '--filters',
      '{"clvMin":1000}',
      '--email',
      'boss@c360.test',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const id = /Scheduled (sch_\w+)/.exec(created.stdout)?.[1];
    expect(id).toBeDefined();
    const listed = await runCli(['export', 'schedule', 'list', ...db]);
    expect(listed.stdout).toMatch(
      new RegExp(`^${id}\\s+active\\s+0 7 \\* \\* 1 \\(Europe/London\\)\\s+xlsx\\s+email\\s+next 20\\d\\d-`, 'm'),
    );
    const paused = await runCli(['export', 'schedule', 'pause', id!, ...db]);
    expect(paused.stdout, paused.stderr).toMatch(/ paused .* next — /);

    const actions = (
      await test.db.selectFrom('audit_log').select('action').where('action', 'like', 'export.schedule.%').orderBy('id').execute()
    ).map((r) => r.action);
    expect(actions).toEqual(['export.schedule.created', 'export.schedule.updated']);
  }, 60_000);
});
