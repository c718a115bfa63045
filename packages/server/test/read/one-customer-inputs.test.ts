/**
 * The 360 view's fast path (read/customer-360.ts): the one-customer loader of activity and support
 * facts (two statements compiled once, read/fixed-query.ts) gives exactly what the set-based loader
 * every other score uses gives, for every customer of the sample and at two as-of dates; a
 * FixedQuery re-run with other arguments returns what a freshly built query returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleDb } from '../helpers/sample-db.js';
import { datasetAsOf } from '../../src/demo/load-demo.js';
import { loadCustomerInputs, loadOneCustomerInputs } from '../../src/read/customer-facts.js';
import { FixedQuery } from '../../src/read/fixed-query.js';
import type { Db } from '../../src/db/connect.js';

let db: Db;
let close: () => Promise<void>;
let asOf: Date;
beforeAll(async () => {
  ({ db, close } = await openSampleDb());
  asOf = new Date((await datasetAsOf(db))!);
});
afterAll(() => close());

describe('one-customer inputs', () => {
  it('equal the set-based loader for every customer, at the dataset as-of and 200 days before', async () => {
    for (const at of [asOf, new Date(asOf.getTime() - 200 * 86_400_000)]) {
      const all = await loadCustomerInputs(db, at, { activity: true });
      expect(all.length).toBeGreaterThan(100);
      let withActivity = 0;
      for (const expected of all) {
        const one = await loadOneCustomerInputs(db, at, expected.base);
        expect(one).toEqual(expected);
        if (Object.values(one.engagement.recent90).some((n) => n > 0)) withActivity++;
      }
      expect(withActivity).toBeGreaterThan(0); // the windows were exercised, not only zeros
    }
  });

  it('a FixedQuery runs its one compiled statement with each call’s arguments', async () => {
    const build = (d: Db, country: string, id: string) =>
      d.selectFrom('customers').select(['id', 'name']).where('country', '=', country).where('id', '>', id).orderBy('id').limit(5);
    const fixed = new FixedQuery(build);
    const pairs = await db
      .selectFrom('customers')
      .select(['country', 'id'])
      .where('country', 'is not', null)
      .orderBy('id')
      .limit(40)
      .execute();
    for (const { country, id } of pairs) {
      expect(await fixed.execute(db, country!, id)).toEqual(await build(db, country!, id).execute());
    }
    await db.transaction().execute(async (trx) => {
      expect(await fixed.first(trx, pairs[0]!.country!, '')).toEqual(await build(trx, pairs[0]!.country!, '').executeTakeFirst());
    });
  });
});
