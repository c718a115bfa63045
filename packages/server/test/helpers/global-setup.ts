/**
 * vitest globalSetup: builds the sample database (bundled Online Retail slice + demo enrichment)
 * ONCE per run into a template file; each test file copies it (see sample-db.ts) instead of
 * importing and enriching again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/db/connect.js';
import { ensureDemoData } from '../../src/demo/load-demo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleTemplateDb: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'c360-template-'));
  const file = join(dir, 'sample.db');
  const db = await openDb({ file });
  await ensureDemoData(db);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await db.destroy();
  project.provide('sampleTemplateDb', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
