/**
 * RFM breakpoints from the indexes (read/rfm-population.ts): for random populations (ties, customers
 * without a completed order, recency ties on one day) they equal the nearest-rank definition of
 * docs/scoring.md computed over every row (scoring/rfm.ts `rfmBreakpoints`); concurrent misses share
 * one computation (single-flight); the cache follows `meta.stats_version` and the as-of.
 */
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, type Db } from '../../src/db/connect.js';
import type { Database } from '../../src/db/schema.js';
import { computeRfmBreakpoints, getRfmBreakpoints } from '../../src/read/rfm-population.js';
import { rfmBreakpoints } from '../../src/scoring/rfm.js';
import { wholeDaysBetween } from '../../src/scoring/clock.js';

let db: Db;
let populationQueries = 0;
beforeAll(async () => {
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    log: (event) => {
      if (event.level === 'query' && /count\(\*\) as n from customer_stats/.test(event.query.sql)) populationQueries++;
    },
  });
  await migrateToLatest(db);
});
afterAll(() => db.destroy());

const AS_OF = new Date('2011-12-09T12:50:00.000Z');
const DAY = 86_400_000;

interface Stat {
  completed: number;
  spent: number;
  lastOffsetMs: number;
}

async function load(stats: readonly Stat[]): Promise<void> {
  await db.deleteFrom('customer_stats').execute();
  await db.deleteFrom('customers').execute();
  const at = '2010-01-01T00:00:00.000Z';
  for (const [i, s] of stats.entries()) {
    const id = `C${i}`;
    await db
      .insertInto('customers')
      .values({ id, name: id, registered_at: at, currency: 'GBP', created_at: at, updated_at: at } as never)
      .execute();
    const last = s.completed > 0 ? new Date(AS_OF.getTime() - s.lastOffsetMs).toISOString() : null;
    await db
      .insertInto('customer_stats')
      .values({
        customer_id: id,
        currency: 'GBP',
        total_orders: s.completed,
        completed_orders: s.completed,
        total_spent_minor: s.completed > 0 ? s.spent : 0,
        total_refunded_minor: 0,
        first_order_at: last,
        first_completed_at: last,
        last_completed_at: last,
      })
      .execute();
  }
}

describe('RFM breakpoints from the indexes', () => {
  it('equal the nearest-rank breakpoints over every row', async () => {
    const stat = fc.record({
      completed: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
      spent: fc.integer({ min: 1, max: 500_000 }),
      // Same-day offsets (ties in days), and fractions of a day (floor).
      lastOffsetMs: fc.oneof(
        fc.integer({ min: 0, max: 400 }).map((d) => d * DAY),
        fc.integer({ min: 0, max: 400 * DAY }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(stat, { maxLength: 60 }), async (stats) => {
        await load(stats);
        const population = stats
          .filter((s) => s.completed > 0)
          .map((s) => ({
            recencyDays: wholeDaysBetween(new Date(AS_OF.getTime() - s.lastOffsetMs).toISOString(), AS_OF),
            frequency: s.completed,
            monetaryMinor: s.spent,
          }));
        expect(await computeRfmBreakpoints(db, AS_OF)).toEqual(rfmBreakpoints(population));
      }),
      { numRuns: 60 },
    );
  });

  it('are computed once per stats version and as-of, shared by concurrent misses', async () => {
    await load(Array.from({ length: 40 }, (_, i) => ({ completed: 1 + (i % 7), spent: 1000 * (i + 1), lastOffsetMs: i * DAY })));
    const setVersion = (v: string) =>
      db
        .insertInto('meta')
        .values({ key: 'stats_version', value: v })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
        .execute();
    await setVersion('100');
    populationQueries = 0;
    const all = await Promise.all(Array.from({ length: 20 }, () => getRfmBreakpoints(db, AS_OF)));
    expect(populationQueries).toBe(1);
    expect(new Set(all.map((b) => JSON.stringify(b))).size).toBe(1);
    await getRfmBreakpoints(db, AS_OF);
    expect(populationQueries).toBe(1);
    await setVersion('101');
    await getRfmBreakpoints(db, AS_OF);
    expect(populationQueries).toBe(2);
    await getRfmBreakpoints(db, new Date(AS_OF.getTime() + DAY));
    expect(populationQueries).toBe(3);
  });
});
