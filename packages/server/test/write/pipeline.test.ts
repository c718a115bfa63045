/**
 * The write pipeline (write/pipeline.ts) on this file's engine: a writer composed into a
 * `runWrite` with `runWriteIn` (ingestion inside a quick action) has its change-feed drafts
 * recorded once, with the enclosing write's, in the same transaction — a failure after it rolls
 * both back, feed and audit rows included; on a transaction the pipeline did not open,
 * `runWriteIn` records its drafts itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWrite, runWriteIn } from '../../src/write/pipeline.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';

let test: TestDb;
beforeAll(async () => {
  test = await openTestDb();
});
afterAll(() => test.close());

/** The change-feed rows of `customerId` as `section type`, in id order. */
const feedOf = async (customerId: string) =>
  (
    await sql<{
      section: string;
      type: string;
    }>`select section, type from change_feed where customer_id = ${customerId} order by id`.execute(test.db)
  ).rows.map((r) => `${r.section} ${r.type}`);
const auditOf = async (customerId: string) =>
  (await test.db.selectFrom('audit_log').select('action').where('customer_id', '=', customerId).orderBy('id').execute()).map(
    (r) => r.action,
  );

describe('write pipeline', () => {
  it('records the drafts of a runWriteIn inside a runWrite once, with the enclosing write’s', async () => {
    await runWrite(test.db, async (w) => {
      await w.audit({ actor: 'test', action: 'outer', customerId: 'PIPE-1' });
      w.change([{ customerId: 'PIPE-1', section: 'notes', type: 'note.added' }]);
      await runWriteIn(w.trx, async (inner) => {
        await inner.audit({ actor: 'test', action: 'inner', customerId: 'PIPE-1' });
        inner.change([{ customerId: 'PIPE-1', section: 'loyalty', type: 'loyalty.points_earned' }]);
      });
      // Not recorded yet: the inner drafts joined the enclosing write, recorded at its end.
      const pending = await sql<{ n: number }>`select count(*) as n from change_feed where customer_id = 'PIPE-1'`.execute(w.trx);
      expect(Number(pending.rows[0]!.n)).toBe(0);
    });
    expect(await feedOf('PIPE-1')).toEqual(['notes note.added', 'loyalty loyalty.points_earned']);
    expect(await auditOf('PIPE-1')).toEqual(['outer', 'inner']);
  });

  it('rolls the composed writer back with the enclosing one: no feed rows, no audit rows', async () => {
    await expect(
      runWrite(test.db, async (w) => {
        await runWriteIn(w.trx, async (inner) => {
          await inner.audit({ actor: 'test', action: 'inner', customerId: 'PIPE-2' });
          inner.change([{ customerId: 'PIPE-2', section: 'loyalty', type: 'loyalty.points_earned' }]);
        });
        throw new Error('refused after the composed write');
      }),
    ).rejects.toThrow(/refused after/);
    expect(await feedOf('PIPE-2')).toEqual([]);
    expect(await auditOf('PIPE-2')).toEqual([]);
  });

  it('on a transaction the pipeline did not open, runWriteIn records its own drafts', async () => {
    await test.db.transaction().execute(async (trx) => {
      await runWriteIn(trx, async (w) => {
        w.change([{ customerId: 'PIPE-3', section: 'tags', type: 'tag.assigned' }]);
      });
      expect(await sql`select 1 from change_feed where customer_id = 'PIPE-3'`.execute(trx).then((r) => r.rows.length)).toBe(1);
    });
    expect(await feedOf('PIPE-3')).toEqual(['tags tag.assigned']);
  });
});
