/**
 * A busy database (issue 10): while another connection holds the write lock (SQLite: `BEGIN
 * IMMEDIATE` from a second connection; PostgreSQL: an exclusive table lock), a write through the
 * API waits asynchronously — the event loop keeps turning, reads keep answering — and after its
 * budget answers 503 problem+json with `Retry-After`, having written nothing. Once the lock is
 * released the same write succeeds.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

const BUDGET_MS = 400;

let sample: SampleApp;
let customerId: string;
beforeAll(async () => {
  sample = await openSampleApp({ busyBudgetMs: BUDGET_MS });
  customerId = (await sample.db.selectFrom('customers').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(() => sample.close());

/** Takes the write lock from a second connection; resolves to its release. */
async function holdWriteLock(): Promise<() => Promise<void>> {
  if (sample.engine === 'sqlite') {
    const other = new SQLite(sample.location);
    other.prepare('begin immediate').run();
    return async () => {
      other.prepare('rollback').run();
      other.close();
    };
  }
  const other = new pg.Client({ connectionString: sample.location });
  await other.connect();
  await other.query('begin');
  await other.query('lock table notes in exclusive mode'); // blocks writers of notes, not readers
  return async () => {
    await other.query('rollback');
    await other.end();
  };
}

const postNote = (body: string) =>
  sample.call(`/customers/${encodeURIComponent(customerId)}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ body }),
  });

const noteCount = async () =>
  Number(
    (
      await sample.db
        .selectFrom('notes')
        .select(({ fn }) => fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a write that cannot get the database', () => {
  it('answers 503 with Retry-After after its budget, without blocking the event loop, while reads answer', async () => {
    const before = await noteCount();
    const release = await holdWriteLock();
    try {
      // The event loop: the longest gap between 5 ms ticks while the write waits.
      let last = performance.now();
      let longestGap = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }, 5);
      const started = performance.now();
      const write = postNote('written while the database is locked');
      const read = await sample.call(`/customers/${encodeURIComponent(customerId)}/360`);
      const res = await write;
      const waited = performance.now() - started;
      clearInterval(ticker);

      expect(read.status).toBe(200);
      expect(res.status).toBe(503);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 503, type: expect.stringMatching(/database-busy$/) });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(waited).toBeGreaterThanOrEqual(BUDGET_MS * 0.8);
      expect(longestGap).toBeLessThan(BUDGET_MS / 2);
      expect(await noteCount()).toBe(before); // nothing half-written
    } finally {
      await release();
    }
    const res = await postNote('written once the lock is gone');
    expect(res.status).toBe(201);
    expect(await noteCount()).toBe(before + 1);
  });
});
