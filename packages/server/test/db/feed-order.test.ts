/**
 * The change feed under concurrent writers (issue 10, design Property 6): several writers commit
 * feed rows at the same time — each holding its transaction open a little after writing, so that
 * on PostgreSQL a later sequence value would commit before an earlier one without the dialect's
 * ordering — while a {@link ChangeHub} reads the feed as it goes. Every committed change reaches the
 * subscriber exactly once, in id order: none skipped, none twice.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '@c360/sdk';
import { ChangeHub, notifyCommitted, recordChanges } from '../../src/realtime/feed.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';

const WRITERS = 6;
const COMMITS_PER_WRITER = 25;

let test: TestDb;
beforeAll(async () => {
  test = await openTestDb();
});
afterAll(() => test.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change feed with concurrent writers', () => {
  it('delivers every committed change once, in id order', async () => {
    const { db } = test;
    const hub = new ChangeHub(db, 20); // a fast poll: the reader runs while the writers write
    const received: ChangeRecord[] = [];
    const subscriptions = Array.from({ length: WRITERS }, (_, w) => hub.subscribe(`writer-${w}`, (change) => received.push(change)));
    await Promise.all(subscriptions.map((s) => s.ready));

    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < COMMITS_PER_WRITER; i += 1) {
          await db.transaction().execute(async (trx) => {
            await recordChanges(
              trx,
              [{ customerId: `writer-${w}`, section: 'notes', type: 'note.added', sourceKey: `w${w}-${i}` }],
              new Date(),
            );
            await pause(Math.floor(random() * 4)); // commit a little later than the row got its id
          });
          notifyCommitted(db);
          if (i % 5 === 0) await hub.flush();
        }
      }),
    );
    await hub.flush();
    for (const s of subscriptions) s.unsubscribe();

    const committed = (await sql<{ id: number }>`select id from change_feed order by id`.execute(db)).rows.map((r) => Number(r.id));
    const ids = received.map((c) => c.id);
    expect(committed).toHaveLength(WRITERS * COMMITS_PER_WRITER);
    expect(new Set(ids).size).toBe(ids.length); // none twice
    expect(ids).toEqual(committed); // none skipped, in id order
  });
});
