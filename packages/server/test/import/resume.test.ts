/**
 * The Online Retail import commits in chunks and resumes (issue 9.5): a real import process killed
 * (SIGKILL) after some chunks were committed leaves a progress record; importing the same file
 * again resumes after it and ends with exactly the rows of an uninterrupted import (every table an
 * import touches, row by row, timestamps aside). A file imported one invoice per chunk — with an
 * invoice whose lines are not contiguous — gives the rows of a one-chunk import.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importOnlineRetail } from '../../src/import/online-retail.js';
import { fingerprintFile } from '../../src/import/csv-rows.js';
import { progressKey } from '../../src/import/online-retail-chunks.js';
import { getMeta } from '../../src/import/bookkeeping.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';
import { HEADER, snapshot, tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./import-child.ts', import.meta.url));

/** A snapshot without the times of the run (`created_at`, `updated_at`, `received_at`). */
async function rows(test: TestDb): Promise<Record<string, unknown[]>> {
  const s = await snapshot(test.db);
  const strip = (r: unknown) => {
    const { created_at: _c, updated_at: _u, received_at: _r, ...rest } = r as Record<string, unknown>;
    return rest;
  };
  return Object.fromEntries(Object.entries(s).map(([table, list]) => [table, list.map(strip)]));
}

/** `invoices` invoices of 1–4 lines over 300 customers, guests and refunds; one invoice resumes at the end. */
function retailLines(invoices: number): string[] {
  const lines = [HEADER];
  for (let i = 0; i < invoices; i++) {
    const customer = i % 7 === 0 ? '' : String(12000 + (i % 300));
    const no = `${i % 11 === 0 ? 'C' : ''}${600000 + i}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    for (let n = 0; n <= i % 4; n++) {
      const q = (i % 11 === 0 ? -1 : 1) * (1 + n);
      lines.push(
        `"${no}","P${(i * 3 + n) % 97}","ITEM ${(i + n) % 97}",${q},2011-0${1 + (i % 9)}-${day} 10:0${n}:00,${(n + 1) * 0.85},${customer},"${i % 5 === 0 ? 'France' : 'United Kingdom'}"`,
      );
    }
  }
  lines.push(`"600001","P1","ITEM 1",5,2011-02-02 10:00:00,1.25,12001,"Spain"`);
  return lines;
}

let tmp: ReturnType<typeof tempDir>;
const open: TestDb[] = [];
const testDb = async (file?: string) => {
  const t = await openTestDb({ file });
  open.push(t);
  return t;
};
beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  tmp.cleanup();
});

describe('chunked Online Retail import', () => {
  it('gives the rows of a one-chunk import when every invoice is its own chunk', async () => {
    const file = tmp.write('retail.csv', retailLines(400));
    const [one, many] = [await testDb(), await testDb()];
    const a = await importOnlineRetail(one.db, file, { chunkLines: 1_000_000 });
    const b = await importOnlineRetail(many.db, file, { chunkLines: 1 });
    expect(b).toEqual(a);
    expect(await rows(many)).toEqual(await rows(one));
  });

  it('resumes an import killed mid-way and ends with the rows of an uninterrupted one', async () => {
    const file = tmp.write('retail.csv', retailLines(8000));
    const { sha256 } = await fingerprintFile(file);
    const killed = await testDb(`${tmp.dir}/killed.db`); // a file a second process can open (ignored on PostgreSQL)
    const child = spawn(process.execPath, ['--conditions=@c360/source', '--import', 'tsx', CHILD, killed.location, file, '300'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let position = 0;
    for (const start = Date.now(); position < 3000 && Date.now() - start < 120_000;) {
      await new Promise((r) => setTimeout(r, 10));
      position = Number((await getMeta(killed.db, progressKey(sha256))) ?? 0);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = Number((await getMeta(killed.db, progressKey(sha256))) ?? 0);
    expect(left).toBeGreaterThanOrEqual(3000); // killed after some chunks, before the end
    expect(await getMeta(killed.db, progressKey(sha256))).toBeDefined();

    const resumed = await importOnlineRetail(killed.db, file, { chunkLines: 300 });
    const clean = await testDb();
    expect(resumed).toEqual(await importOnlineRetail(clean.db, file));
    expect(await getMeta(killed.db, progressKey(sha256))).toBeUndefined();
    expect(await rows(killed)).toEqual(await rows(clean));
    expect((await importOnlineRetail(killed.db, file)).skippedAsDuplicate).toBe(true);
  }, 240_000);
});
