/**
 * What a batch reads once, up front, instead of once per event: its idempotency keys (reserved with
 * one multi-row `INSERT … ON CONFLICT DO NOTHING RETURNING` per slice, which says which events are
 * new) and the customers its events name (one `IN (…)` lookup per slice).
 * @module
 */
import type { IngestEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { slices } from './row-slices.js';
import type { CustomerRef } from './shared.js';

/**
 * Records the `event:<id>` key of every event, in the caller's transaction; returns the positions
 * of the events to apply: the first event of each id not received before. Keys are written in
 * sorted order, so two batches sharing ids on PostgreSQL wait for each other instead of deadlocking.
 */
export async function reserveEventKeys(trx: Db, events: readonly IngestEvent[], now: Date): Promise<Set<number>> {
  const first = new Map<string, number>(); // key → position of its first event
  for (const [index, event] of events.entries()) {
    const key = `event:${event.id}`;
    if (!first.has(key)) first.set(key, index);
  }
  const receivedAt = now.toISOString();
  const rows = [...first].map(([key, index]) => ({ key, kind: events[index]!.type, received_at: receivedAt }));
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fresh = new Set<number>();
  for (const slice of slices(rows, 3)) {
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values(slice)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    for (const { key } of inserted) fresh.add(first.get(key)!);
  }
  return fresh;
}

/**
 * The customers named by the events at `positions`: id → its reference, or null when no such
 * customer exists yet.
 */
export async function lookUpCustomers(
  trx: Db,
  events: readonly IngestEvent[],
  positions: ReadonlySet<number>,
): Promise<Map<string, CustomerRef | null>> {
  const ids = new Set<string>();
  for (const index of positions) ids.add(events[index]!.data.customerId);
  const found = new Map<string, CustomerRef | null>();
  for (const slice of slices([...ids], 1)) {
    const rows = await trx.selectFrom('customers').select(['id', 'name', 'currency']).where('id', 'in', slice).execute();
    for (const row of rows) found.set(row.id, row);
  }
  for (const id of ids) if (!found.has(id)) found.set(id, null);
  return found;
}

/** The orders placed and sessions started by the events at `positions` (their owners are looked up up front). */
export function recordIds(events: readonly IngestEvent[], positions: ReadonlySet<number>): { orders: string[]; sessions: string[] } {
  const out = { orders: [] as string[], sessions: [] as string[] };
  for (const index of positions) {
    const event = events[index]!;
    if (event.type === 'order.placed') out.orders.push(event.data.orderId);
    else if (event.type === 'session.started') out.sessions.push(event.data.sessionId);
  }
  return out;
}

/** Tables of records keyed by a client id and owned by one customer for good. */
type OwnedTable = 'orders' | 'sessions';

/**
 * Who owns the records a batch names (orders it places, sessions it starts), read once up front and
 * kept current as the batch writes them: a record's owner never changes (an applier rejects another
 * customer's id), so the batch knows it without reading the row again.
 */
export class RecordOwners {
  private constructor(
    private readonly table: OwnedTable,
    private readonly owners: Map<string, string | null>,
  ) {}

  /** Looks up the owners of `ids` in `table` (one `IN (…)` query per slice). */
  static async load(trx: Db, table: OwnedTable, ids: Iterable<string>): Promise<RecordOwners> {
    const owners = new Map<string, string | null>();
    for (const slice of slices([...new Set(ids)], 1)) {
      const rows = await trx.selectFrom(table).select(['id', 'customer_id']).where('id', 'in', slice).execute();
      for (const row of rows) owners.set(row.id, row.customer_id);
      for (const id of slice) if (!owners.has(id)) owners.set(id, null);
    }
    return new RecordOwners(table, owners);
  }

  /** The record `id` as `requireOwner` takes it: its owner, or undefined when no such record exists. */
  async of(db: Db, id: string): Promise<{ customer_id: string } | undefined> {
    let owner = this.owners.get(id);
    if (owner === undefined) {
      const row = await db.selectFrom(this.table).select('customer_id').where('id', '=', id).executeTakeFirst();
      owner = row?.customer_id ?? null;
      this.owners.set(id, owner);
    }
    return owner === null ? undefined : { customer_id: owner };
  }

  /** Records that `id` now exists, owned by `customerId`. */
  set(id: string, customerId: string): void {
    this.owners.set(id, customerId);
  }
}
