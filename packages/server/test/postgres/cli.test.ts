/**
 * Every CLI command on PostgreSQL (issue 10): `c360 import online-retail`, `import events`, `seed`,
 * `rebuild-stats`, `token create|list|revoke` and `export customers|customer` as real processes with
 * `--database-url` (or `DATABASE_URL`) on a fresh PostgreSQL database, and what they did is there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, newDatabaseName } from '../helpers/engines.js';
import { runCli } from '../cli/run-cli.js';
import { openDb, type Db } from '../../src/db/connect.js';

let url: string;
let drop: () => Promise<void>;
let dir: string;
let db: Db | undefined;

beforeAll(async () => {
  ({ url, drop } = await createDatabase(newDatabaseName()));
  dir = mkdtempSync(join(tmpdir(), 'c360-pg-cli-'));
});
afterAll(async () => {
  await db?.destroy();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

const CSV = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom',
  '536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34:00,1.69,13047,United Kingdom',
].join('\n');

describe('the CLI with --database-url', () => {
  it('imports, ingests, seeds, issues tokens and exports on PostgreSQL', async () => {
    const csv = join(dir, 'retail.csv');
    writeFileSync(csv, `${CSV}\n`);
    const imported = await runCli(['import', 'online-retail', csv, '--database-url', url]);
    expect(imported, imported.stderr).toMatchObject({ code: 0 });

    const events = join(dir, 'events.ndjson');
    writeFileSync(
      events,
      `${JSON.stringify({ id: 'pg-cli-1', type: 'customer.upserted', occurredAt: '2011-01-01T00:00:00Z', data: { customerId: 'PG-CLI', name: 'Ada Postgres', email: 'ada@example.org' } })}\n`,
    );
    const ingested = await runCli(['import', 'events', events], { DATABASE_URL: url });
    expect(ingested, ingested.stderr).toMatchObject({ code: 0 });

    const seeded = await runCli(['seed', '--customers', '5', '--seed', '3', '--database-url', url]);
    expect(seeded, seeded.stderr).toMatchObject({ code: 0 });
    expect((await runCli(['rebuild-stats', '--database-url', url])).code).toBe(0);

    const created = await runCli(['token', 'create', '--role', 'agent', '--name', 'PG agent', '--database-url', url]);
    expect(created, created.stderr).toMatchObject({ code: 0 });
    const listed = await runCli(['token', 'list'], { DATABASE_URL: url });
    expect(listed.stdout).toContain('PG agent');

    const customersCsv = join(dir, 'customers.csv');
    const exported = await runCli(['export', 'customers', '--out', customersCsv, '--database-url', url]);
    expect(exported, exported.stderr).toMatchObject({ code: 0 });
    expect(readFileSync(customersCsv, 'utf8')).toContain('Ada Postgres');
    const report = join(dir, 'report.csv');
    const one = await runCli(['export', 'customer', '17850', '--out', report, '--database-url', url]);
    expect(one, one.stderr).toMatchObject({ code: 0 });

    db = await openDb({ url });
    const ids = (await db.selectFrom('customers').select('id').execute()).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['17850', '13047', 'PG-CLI']));
    expect(ids.length).toBeGreaterThanOrEqual(3 + 5);
    const key = await db.selectFrom('api_tokens').select(['id', 'name', 'role']).where('name', '=', 'PG agent').executeTakeFirstOrThrow();
    expect(key.role).toBe('agent');
    expect((await runCli(['token', 'revoke', key.id, '--database-url', url])).code).toBe(0);
    expect(
      (await db.selectFrom('api_tokens').select('revoked_at').where('id', '=', key.id).executeTakeFirstOrThrow()).revoked_at,
    ).not.toBeNull();
  }, 180_000);

  it('says which database it could not open, without the password', async () => {
    const result = await runCli(['token', 'list', '--database-url', 'postgres://c360:secret-pw@127.0.0.1:1/none']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Cannot open database');
    expect(result.stderr).not.toContain('secret-pw');
  });
});
