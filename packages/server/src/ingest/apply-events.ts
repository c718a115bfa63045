/**
 * Applies ingestion events: each batch in one transaction, each event once (its `id` is recorded
 * in `idempotency_keys`), each with its timeline entry. Validation happens before, at the edge,
 * with the SDK's `IngestEvent` schema.
 * @module
 */
import type { IngestEvent, IngestResult } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { recomputeCustomerStats } from '../aggregate/customer-stats.js';
import { applyCustomerUpserted } from './customer-upserted.js';

/** What an applier reports: the customers whose aggregates must be recomputed. */
export interface Applied {
  customerId: string;
}

/**
 * Applies a validated batch atomically. Events whose id was already received are skipped.
 * Returns counts; throws (and applies nothing) if any event fails to apply.
 */
export async function applyEvents(db: Db, events: readonly IngestEvent[], now: Date = new Date()): Promise<IngestResult> {
  return db.transaction().execute(async (trx) => {
    let applied = 0;
    const touched = new Set<string>();
    for (const event of events) {
      const key = `event:${event.id}`;
      const inserted = await trx
        .insertInto('idempotency_keys')
        .values({ key, kind: event.type, received_at: now.toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const result = await applyOne(trx, event, now);
      touched.add(result.customerId);
      applied += 1;
    }
    await recomputeCustomerStats(trx, [...touched]);
    return { received: events.length, applied, duplicates: events.length - applied };
  });
}

function applyOne(db: Db, event: IngestEvent, now: Date): Promise<Applied> {
  switch (event.type) {
    case 'customer.upserted':
      return applyCustomerUpserted(db, event, now);
  }
}
