/**
 * A file import of real data (issue 13.6): an NDJSON file with an RFC 6531 email, zone-less
 * timestamps and a company imports and the 360 view shows them; an order dated 2099 is refused
 * naming `occurredAt`. Every refused line is reported (the first 100 in the error, all of them in
 * the `--report` file); by default a refused line imports nothing, `--skip-invalid` imports the rest.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEventsFile, MAX_LISTED } from '../../src/ingest/events-file.js';
import { ImportError } from '../../src/import/errors.js';
import { cliDbArgs, openTestDb } from '../helpers/engines.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { snapshotAll } from './helpers.js';

let sample: SampleApp;
let dir: string;
beforeAll(async () => {
  sample = await openSampleApp();
  dir = mkdtempSync(join(tmpdir(), 'c360-refused-'));
});
afterAll(async () => {
  await sample.close();
  rmSync(dir, { recursive: true, force: true });
});

function ndjson(name: string, lines: unknown[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return file;
}

const customer = (id: string, data: Record<string, unknown> = {}) => ({
  id: `f-${id}`,
  type: 'customer.upserted',
  occurredAt: '2025-06-01T10:00:00',
  data: { customerId: id, name: `Customer ${id}`, ...data },
});
const order = (customerId: string, orderId: string, occurredAt: string) => ({
  id: `f-${orderId}`,
  type: 'order.placed',
  occurredAt,
  data: { customerId, orderId, status: 'delivered', currency: 'GBP', lines: [{ productId: 'F-P', quantity: 2, unitPrice: 7.5 }] },
});

describe('importing real data from a file', () => {
  it('an RFC 6531 email, a zone-less timestamp and a company import and show in the 360 view; a 2099 order refuses the file', async () => {
    const good = [
      customer('FILE-PL', {
        name: 'Stanisław Wójcik',
        email: 'stanisław.wójcik@wp.pl',
        company: 'Wójcik Sp. z o.o.',
        registeredAt: '2025-01-15',
      }),
      order('FILE-PL', 'FILE-O1', '2025-06-02T09:30:00'),
    ];
    const before = await snapshotAll(sample.db);
    const bad = ndjson('bad.ndjson', [...good, order('FILE-PL', 'FILE-O2099', '2099-01-01T00:00:00Z')]);
    const error = await importEventsFile(sample.db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(3);
    expect((error as Error).message).toMatch(/line 3: occurredAt: is in the future/);
    expect((error as Error).message).toContain('nothing was imported');
    expect(await snapshotAll(sample.db)).toEqual(before);

    const summary = await importEventsFile(sample.db, ndjson('good.ndjson', good));
    expect(summary).toMatchObject({ events: 2, applied: 2, refused: 0 });
    const view = (await sample.call('/customers/FILE-PL/360')).body;
    expect(view.profile).toMatchObject({
      email: 'stanisław.wójcik@wp.pl',
      company: 'Wójcik Sp. z o.o.',
      registeredAt: '2025-01-15T00:00:00.000Z',
    });
    expect(view.metrics).toMatchObject({ totalOrders: 1, lifetimeValue: 15, lastPurchaseAt: '2025-06-02T09:30:00.000Z' });
  });

  it('lists every refused line up to 100, not only the first, and writes all of them to the report', async () => {
    const lines = [customer('FILE-MANY'), ...Array.from({ length: 130 }, (_, i) => customer(`FILE-BAD-${i}`, { email: `bad-${i}` }))];
    const report = join(dir, 'many.report.ndjson');
    const error = (await importEventsFile(sample.db, ndjson('many.ndjson', lines), { reportFile: report }).catch(
      (e: unknown) => e,
    )) as Error;
    const listed = error.message.split('\n').filter((l) => /: line \d+: data\.email: /.test(l) || /^data\.email: /.test(l));
    expect(listed).toHaveLength(MAX_LISTED);
    expect(error.message).toContain('(and 30 more refused lines)');
    expect(error.message).toContain(`every refused line is in ${report}`);
    const rows = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(130);
    expect(rows[0]).toEqual({
      line: 2,
      reasons: [expect.stringMatching(/^data\.email: must be an email address/)],
      text: JSON.stringify(lines[1]),
    });
    expect(await sample.db.selectFrom('customers').select('id').where('id', '=', 'FILE-MANY').executeTakeFirst()).toBeUndefined();
  });
});

describe('c360 import events --skip-invalid --report (a real process)', () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const run = (args: string[]) =>
    promisify(execFile)(
      process.execPath,
      ['--conditions=@c360/source', '--import', 'tsx', 'packages/server/src/cli/main.ts', 'import', 'events', ...args],
      { cwd: root, env: { ...process.env, C360_DB: '', DATABASE_URL: '' } },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('by default imports nothing; with --skip-invalid loads the valid lines and reports the refused ones', async () => {
    const file = ndjson('cli.ndjson', [
      customer('CLI-A', { email: 'jose@bücher.de', company: 'Bücher GmbH' }),
      customer('CLI-B', { region: 'Bavaria' }),
      order('CLI-A', 'CLI-O1', '2025-06-03'),
      order('CLI-A', 'CLI-O2', '2999-01-01'),
    ]);
    const { db, location, close } = await openTestDb({ file: join(dir, 'cli.db') }); // this file's engine, empty
    const report = join(dir, 'cli.report.ndjson');
    const refused = await run([file, ...cliDbArgs(location)]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('line 2: data.region: is not a known field');
    expect(refused.stderr).toContain('line 4: occurredAt: is in the future');
    try {
      expect(await db.selectFrom('customers').select('id').execute()).toEqual([]);
      const loaded = await run([file, ...cliDbArgs(location), '--skip-invalid', '--report', report]);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain('2 applied');
      expect(loaded.stdout).toContain(`2 lines refused and skipped (see ${report})`);
      expect(await db.selectFrom('customers').select(['id', 'email', 'company']).execute()).toEqual([
        { id: 'CLI-A', email: 'jose@bücher.de', company: 'Bücher GmbH' },
      ]);
      const rows = readFileSync(report, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(rows.map((r) => [r.line, r.reasons[0]])).toEqual([
        [2, 'data.region: is not a known field'],
        [4, expect.stringMatching(/^occurredAt: is in the future/)],
      ]);
    } finally {
      await close();
    }
  }, 120_000);
});
