/**
 * `c360 import events FILE.ndjson`: the file importer on the real sample database, and the command
 * itself in a real process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEventsFile } from '../../src/ingest/events-file.js';
import { ImportError } from '../../src/import/errors.js';
import { openDb } from '../../src/db/connect.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, everyType, snapshotAll } from './helpers.js';

let sample: SampleApp;
let dir: string;
beforeAll(async () => {
  sample = await openSampleApp();
  dir = mkdtempSync(join(tmpdir(), 'c360-events-'));
});
afterAll(async () => {
  await sample.close();
  rmSync(dir, { recursive: true, force: true });
});

function ndjsonFile(name: string, lines: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const ev = eventMaker('file');

describe('importEventsFile', () => {
  it('applies every line in chunks, and importing the file again changes nothing', async () => {
    const events = everyType('nd', 'ND-1');
    const file = ndjsonFile('all.ndjson', [...events.slice(0, 3), '', '   ', ...events.slice(3)]);
    const summary = await importEventsFile(sample.db, file, { chunkSize: 5 });
    expect(summary).toMatchObject({ file, events: events.length, applied: events.length, duplicates: 0 });
    expect(summary.byType['payment.recorded']).toBe(2);
    expect((await sample.call('/customers/ND-1/timeline?limit=200')).body.events).toHaveLength(events.length);

    const before = await snapshotAll(sample.db);
    expect(await importEventsFile(sample.db, file)).toMatchObject({ applied: 0, duplicates: events.length });
    expect(await snapshotAll(sample.db)).toEqual(before);
  });

  it('names the line and field of every invalid line, and imports none of the file', async () => {
    const file = ndjsonFile('bad.ndjson', [
      ev('customer.upserted', { customerId: 'ND-BAD', name: 'Bad' }),
      ev('customer.upserted', { customerId: 'ND-BAD', email: 'not-an-email' }),
      '',
      '{oops',
      ev('order.placed', { customerId: 'ND-BAD', orderId: 'ND-O', currency: 'GBP', lines: [] }),
    ]);
    const before = await snapshotAll(sample.db);
    const error = await importEventsFile(sample.db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(2);
    expect((error as Error).message.split('\n')).toEqual([
      `${file}: line 2: data.email: must be an email address such as ana@example.com (internationalised addresses allowed)`,
      `${file}: line 4: is not valid JSON`,
      `${file}: line 5: data.lines: Too small: expected array to have >=1 items`,
      '3 of the lines refused; nothing was imported (--skip-invalid imports the others)',
    ]);
    expect(await snapshotAll(sample.db)).toEqual(before);
  });

  it('an event that cannot be applied rolls back its chunk only; the fixed file resumes after the committed chunks', async () => {
    const head = [
      ev('customer.upserted', { customerId: 'ND-C', name: 'C' }),
      ...Array.from({ length: 6 }, () => ev('loyalty.points_earned', { customerId: 'ND-C', points: 10 })),
    ];
    const balance = async () =>
      Number(
        (
          await sample.db
            .selectFrom('loyalty_accounts')
            .select('points_balance')
            .where('customer_id', '=', 'ND-C')
            .executeTakeFirstOrThrow()
        ).points_balance,
      );
    const file = ndjsonFile('conflict.ndjson', [
      ...head,
      ev('loyalty.points_earned', { customerId: 'ND-C', points: 1 }),
      ev('loyalty.points_redeemed', { customerId: 'ND-C', points: 62 }),
    ]);
    await expect(importEventsFile(sample.db, file, { chunkSize: 3 })).rejects.toThrow(
      `${file}: line 9: data.points: redeems 62 points but the balance is 61; the 6 events before its chunk were imported; run the file again once fixed (they are skipped)`,
    );
    expect(await balance()).toBe(50); // chunks 1–3 and 4–6 committed; 7–9 rolled back as a whole

    const fixed = ndjsonFile('conflict.ndjson', [
      ...head,
      ev('loyalty.points_earned', { customerId: 'ND-C', points: 1 }),
      ev('loyalty.points_redeemed', { customerId: 'ND-C', points: 61 }),
    ]);
    expect(await importEventsFile(sample.db, fixed, { chunkSize: 3 })).toMatchObject({ events: 9, applied: 3, duplicates: 6 });
    expect(await balance()).toBe(0);
  });
});

describe('c360 import events (a real process)', () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const run = (args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@c360/source', '--import', 'tsx', 'packages/server/src/cli/main.ts', 'import', 'events', ...args],
      { cwd: root, env: { ...process.env, C360_DB: '' } },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('imports a file into --db, prints counts on stdout and progress on stderr; again it skips everything', async () => {
    const file = ndjsonFile('cli.ndjson', everyType('cli', 'CLI-1'));
    const dbFile = join(dir, 'cli.db');
    const first = await run([file, '--db', dbFile]);
    expect(first.stderr).toContain('import events: 100% (22 lines)');
    expect(first.stdout).toContain(`Imported ${file} (events) into ${dbFile}`);
    expect(first.stdout).toContain('22 events read\n  22 applied\n  0 already received (skipped)\n  by type:\n');
    expect(first.stdout).toContain('    order.placed: 1\n');
    const second = await run([file, '--db', dbFile]);
    expect(second.stdout).toContain('  0 applied\n  22 already received (skipped)');

    const db = await openDb({ file: dbFile });
    try {
      expect(
        Number(
          (
            await db
              .selectFrom('activity')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ).toBe(22);
    } finally {
      await db.destroy();
    }
  });

  it('fails with the line of a bad event and a usage message for bad arguments', async () => {
    const bad = ndjsonFile('cli-bad.ndjson', ['{"id":"x","type":"order.teleported"}']);
    const dbFile = join(dir, 'cli-bad.db');
    expect(await run([bad, '--db', dbFile])).toMatchObject({ code: 1, stderr: expect.stringContaining(`${bad}: line 1: type: `) });
    expect(await run([])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("c360 import events: error: missing required argument 'file'"),
    });
    expect(await run([join(dir, 'missing.ndjson'), '--db', dbFile])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('missing.ndjson'),
    });
  });
});
