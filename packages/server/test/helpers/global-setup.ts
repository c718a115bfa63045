/**
 * vitest globalSetup, once per project (engine): builds the sample database — the bundled Online
 * Retail slice through the importer, then the demo enrichment through ingestion — ONCE per run
 * into a template that each test file copies (see sample-db.ts): a SQLite file, or on PostgreSQL a
 * template database `c360_tpl_…`, dropped after the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/db/connect.js';
import { ensureDemoData } from '../../src/demo/load-demo.js';
import { createDatabase, newDatabaseName, type TestEngine } from './engines.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = (project.config.provide?.engine ?? 'sqlite') as TestEngine;
  if (engine === 'postgres') {
    const name = newDatabaseName('c360_tpl');
    const created = await createDatabase(name);
    const db = await openDb({ url: created.url });
    await ensureDemoData(db);
    await db.destroy(); // a template must have no connection when it is copied
    project.provide('sampleTemplate', name);
    return created.drop;
  }
  const dir = mkdtempSync(join(tmpdir(), 'c360-template-'));
  const file = join(dir, 'sample.db');
  const db = await openDb({ file });
  await ensureDemoData(db);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
  project.provide('sampleTemplate', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}
