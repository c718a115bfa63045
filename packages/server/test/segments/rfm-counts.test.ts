/**
 * RFM counts of GET /segments (segments/rfm-counts.ts): exact for the current stats epoch when the
 * population is small; when it is large, a call after a stats change answers the previous epoch's
 * counts at once, the grouping runs after it, and the next call has the exact counts of the new
 * epoch. On both engines.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleDb } from '../helpers/sample-db.js';
import { datasetAsOf } from '../../src/demo/load-demo.js';
import { cachedRfmCounts, rfmCountsSettled } from '../../src/segments/rfm-counts.js';
import { rfmSegmentCounts } from '../../src/segments/rfm.js';
import type { Db } from '../../src/db/connect.js';

let db: Db;
let close: () => Promise<void>;
let asOf: Date;
beforeAll(async () => {
  ({ db, close } = await openSampleDb());
  asOf = new Date((await datasetAsOf(db))!);
});
afterAll(() => close());

/** Moves 30 customers with one completed order to 9 completed orders, and the stats epoch on. */
async function changeStats(): Promise<void> {
  const few = await db.selectFrom('customer_stats').select('customer_id').where('completed_orders', '=', 1).limit(30).execute();
  expect(few.length).toBe(30);
  await db
    .updateTable('customer_stats')
    .set({ completed_orders: 9 })
    .where(
      'customer_id',
      'in',
      few.map((r) => r.customer_id),
    )
    .execute();
  await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'stats_version'`.execute(db);
}

const exact = () => db.transaction().execute((trx) => rfmSegmentCounts(trx, asOf));

describe('RFM counts', () => {
  it('are exact for the current epoch while the population is small', async () => {
    const owner = {};
    expect(await cachedRfmCounts(db, asOf, owner)).toEqual(await exact());
    const before = await exact();
    await changeStats();
    const after = await cachedRfmCounts(db, asOf, owner);
    expect(after).toEqual(await exact());
    expect(after).not.toEqual(before);
  });

  it('when the population is large: the previous counts at once, the new ones right after', async () => {
    const owner = {};
    const large = 0; // any population is over the inline limit
    const first = await cachedRfmCounts(db, asOf, owner, large); // nothing to serve yet: computed
    expect(first).toEqual(await exact());
    await changeStats();
    const stale = await cachedRfmCounts(db, asOf, owner, large);
    expect(stale).toBe(first); // answered without grouping
    await rfmCountsSettled(owner);
    const fresh = await cachedRfmCounts(db, asOf, owner, large);
    expect(fresh).toEqual(await exact());
    expect(fresh).not.toEqual(first);
    expect(await cachedRfmCounts(db, asOf, owner, large)).toBe(fresh); // same epoch: no new grouping
  });
});
