/**
 * A real SQLite database with the bundled Online Retail sample and its demo enrichment — a copy,
 * per test file, of the template the global setup built once — and the real API app over it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/db/connect.js';
import { datasetAsOf, SAMPLE_FILE } from '../../src/demo/load-demo.js';
import { createApiApp } from '../../src/api/app.js';

export { SAMPLE_FILE };

export interface SampleApp {
  db: Db;
  asOf: Date;
  app: ReturnType<typeof createApiApp>;
  /** GET/POST through the real app; returns status, content type and parsed JSON body. */
  call(path: string, init?: RequestInit): Promise<{ status: number; type: string; body: any }>;
  close(): Promise<void>;
}

export async function openSampleApp(): Promise<SampleApp> {
  const dir = mkdtempSync(join(tmpdir(), 'c360-test-'));
  const file = join(dir, 'c360.db');
  copyFileSync(inject('sampleTemplateDb'), file);
  const db = await openDb({ file });
  const asOf = new Date((await datasetAsOf(db))!);
  const app = createApiApp({ db, asOf });
  return {
    db,
    asOf,
    app,
    async call(path, init) {
      const response = await app.request(`http://localhost${path}`, init);
      const text = await response.text();
      return { status: response.status, type: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
    },
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
