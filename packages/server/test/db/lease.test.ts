/**
 * The named lease (db/lease.ts) on this file's engine: a model-based property (acquire, renew and
 * release by three owners with the clock moving, each answer and the stored holder as the model
 * says) and the mutual exclusion itself — several holders on two connections to one database
 * racing for one lease never hold it at the same time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { acquireLease, releaseLease, renewLease } from '../../src/db/lease.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';

let dir: string;
let first: TestDb;
let second: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'c360-lease-'));
  first = await openTestDb({ file: join(dir, 'c360.db') });
  second = await openDb(first.engine === 'sqlite' ? { file: first.location } : { url: first.location });
});
afterAll(async () => {
  await second?.destroy();
  await first?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The stored row of lease `name`, if any. */
const holderOf = async (db: Db, name: string) =>
  (await sql<{ owner: string; expires_at: number | string }>`select owner, expires_at from leases where name = ${name}`.execute(db))
    .rows[0];

describe('named lease', () => {
  it('is taken when free or expired, renewed and released only by its owner', async () => {
    const db = first.db;
    expect(await acquireLease(db, 'l1', 'a', 100, 1_000)).toBe(true);
    expect(await acquireLease(db, 'l1', 'b', 100, 1_050)).toBe(false); // a holds it until 1,100
    expect(await acquireLease(db, 'l1', 'a', 100, 1_050)).toBe(true); // its owner extends it to 1,150
    expect(await renewLease(db, 'l1', 'b', 100, 1_060)).toBe(false);
    await releaseLease(db, 'l1', 'b'); // not b's: nothing happens
    expect(await acquireLease(db, 'l1', 'b', 100, 1_149)).toBe(false);
    expect(await acquireLease(db, 'l1', 'b', 100, 1_150)).toBe(true); // expired: taken over
    expect(await renewLease(db, 'l1', 'a', 100, 1_160)).toBe(false);
    expect(await renewLease(db, 'l1', 'b', 100, 1_160)).toBe(true);
    expect(Number((await holderOf(db, 'l1'))?.expires_at)).toBe(1_260);
    await releaseLease(db, 'l1', 'b');
    expect(await holderOf(db, 'l1')).toBeUndefined();
    expect(await acquireLease(db, 'l1', 'a', 100, 1_170)).toBe(true);
    expect(await acquireLease(db, 'l2', 'b', 100, 1_170)).toBe(true); // another name, another lease
  });

  it('answers every acquire, renew and release as a model of one holder with an expiry does', async () => {
    const owner = fc.constantFrom('a', 'b', 'c');
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('acquire' as const),
        owner,
        ttl: fc.integer({ min: 1, max: 50 }),
        step: fc.integer({ min: 0, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('renew' as const),
        owner,
        ttl: fc.integer({ min: 1, max: 50 }),
        step: fc.integer({ min: 0, max: 30 }),
      }),
      fc.record({ kind: fc.constant('release' as const), owner, ttl: fc.constant(0), step: fc.integer({ min: 0, max: 30 }) }),
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const name = `model-${round++}`;
        let model: { owner: string; until: number } | null = null;
        let now = 10_000;
        for (const o of ops) {
          now += o.step;
          const free = model === null || model.until <= now;
          if (o.kind === 'acquire') {
            const expected = free || model!.owner === o.owner;
            expect(await acquireLease(first.db, name, o.owner, o.ttl, now)).toBe(expected);
            if (expected) model = { owner: o.owner, until: now + o.ttl };
          } else if (o.kind === 'renew') {
            const expected = !free && model!.owner === o.owner;
            expect(await renewLease(first.db, name, o.owner, o.ttl, now)).toBe(expected);
            if (expected) model = { owner: o.owner, until: now + o.ttl };
          } else {
            await releaseLease(first.db, name, o.owner);
            if (model?.owner === o.owner) model = null;
          }
          const stored = await holderOf(first.db, name);
          expect(stored ? { owner: stored.owner, until: Number(stored.expires_at) } : null).toEqual(model);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is never held by two holders at once, on two connections racing for it', async () => {
    let holding: string | null = null;
    let overlaps = 0;
    const taken = new Map<string, number>();
    const holder = async (db: Db, me: string) => {
      for (let i = 0; i < 15; i++) {
        if (await acquireLease(db, 'race', me, 60_000)) {
          if (holding !== null) overlaps += 1;
          holding = me;
          taken.set(me, (taken.get(me) ?? 0) + 1);
          await db
            .selectFrom('leases' as never)
            .select('name' as never)
            .execute(); // hold it across a round trip
          if (holding !== me) overlaps += 1;
          holding = null;
          await releaseLease(db, 'race', me);
        }
      }
    };
    await Promise.all([holder(first.db, 'a1'), holder(second, 'b1'), holder(first.db, 'a2'), holder(second, 'b2')]);
    expect(overlaps).toBe(0);
    const total = [...taken.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(60); // they did contend: some tries found it held
    expect(await holderOf(first.db, 'race')).toBeUndefined();
  });
});
