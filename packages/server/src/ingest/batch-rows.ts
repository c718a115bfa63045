/**
 * Rows a batch writes but never reads back from the database while it applies its events — order
 * headers and lines, sessions, timeline entries, marketing and ticket events, catalogue and campaign mentions — collected in memory and written set-based by {@link BatchRows.flush}
 * (one multi-row statement per table and slice) before anything reads them: the statistics delta,
 * rule segments, score changes, notifications. What one event of the batch reads of another
 * (customers, balances, tickets) is still written at once by its applier; an order header the batch
 * placed is read from here ({@link BatchRows.pendingOrder}).
 *
 * Collecting keeps the rows exactly as writing each in turn would: a timeline entry written twice
 * keeps its last version (an upsert replaces every column; so do order headers and sessions), an
 * order placed twice keeps its last lines (the applier replaces them), a status change of a pending
 * order changes the pending header, and catalogue mentions are merged by the upsert's own rules.
 * @module
 */
import type { Db } from '../db/connect.js';
import type { OrderItemsTable, OrdersTable, SessionsTable } from '../db/schema.js';
import { CampaignMentions } from './campaigns.js';
import { CatalogMentions } from './catalog.js';
import { slices } from './row-slices.js';
import { activityColumns, type ActivityEntry } from './shared.js';

/** One `order_items` row (the ingestion always names the product). */
export type OrderLineRow = OrderItemsTable & { product_id: string };

/** One `orders` row (an order header). */
export type OrderRow = OrdersTable;

/** One `sessions` row. */
export type SessionRow = SessionsTable;

type ActivityRow = ReturnType<typeof activityColumns> & { id: string };

/** Tables whose rows are keyed by an event id and never replaced (`ON CONFLICT DO NOTHING`). */
type KeptTable = 'marketing_events' | 'ticket_events';
/** A row of a {@link KeptTable}: every column, the same columns for every row of a table. */
type KeptRow = { id: string } & Record<string, string | number | null>;

/** Every column but `id` set from the new row: an upsert that replaces the row. */
const replaceAll =
  (columns: readonly string[]) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (eb: any) =>
    Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]));

/** A batch's write-only rows until {@link flush}. */
export class BatchRows {
  /** Products and categories named by the batch's events. */
  readonly catalog = new CatalogMentions();
  /** Campaigns named by the batch's marketing events. */
  readonly campaigns = new CampaignMentions();
  private readonly timeline = new Map<string, ActivityRow>();
  private readonly lines = new Map<string, OrderLineRow[]>();
  private readonly orders = new Map<string, OrderRow>();
  private readonly sessions = new Map<string, SessionRow>();
  /** Rows written only when new (keyed by event ids): the batch's first row of each id. */
  private readonly firsts: Record<KeptTable, Map<string, KeptRow>> = { marketing_events: new Map(), ticket_events: new Map() };

  /** Inserts or replaces the timeline entry `entry.id` of `customerId` (at the flush). */
  activity(customerId: string, entry: ActivityEntry): void {
    this.timeline.delete(entry.id); // the last version, in the order it was last written
    this.timeline.set(entry.id, { id: entry.id, ...activityColumns(customerId, entry) });
  }

  /** Sets the lines of order `orderId` (replacing lines collected earlier in the batch; the applier deletes stored ones). */
  orderLines(orderId: string, rows: OrderLineRow[]): void {
    this.lines.set(orderId, rows);
  }

  /** Inserts or replaces the order header `row.id` (at the flush). */
  order(row: OrderRow): void {
    this.orders.set(row.id, row);
  }

  /** The header of order `id` when the batch placed it (not yet written); change it in place to change what is written. */
  pendingOrder(id: string): OrderRow | undefined {
    return this.orders.get(id);
  }

  /** Inserts or replaces the session `row.id` (at the flush). */
  session(row: SessionRow): void {
    this.sessions.set(row.id, row);
  }

  /** Inserts `row` unless a row with its id exists (at the flush; the batch's first row of an id is kept, as inserting each in turn would). */
  insertNew(table: KeptTable, row: KeptRow): void {
    if (!this.firsts[table].has(row.id)) this.firsts[table].set(row.id, row);
  }

  /** Writes everything collected (catalogue first, order headers before their lines), then forgets it. */
  async flush(db: Db): Promise<void> {
    await this.catalog.flush(db);
    await this.campaigns.flush(db);
    const orders = [...this.orders.values()];
    const sessions = [...this.sessions.values()];
    const lines = [...this.lines.values()].flat();
    const timeline = [...this.timeline.values()];
    this.orders.clear();
    this.sessions.clear();
    this.lines.clear();
    this.timeline.clear();
    await upsert(db, 'orders', orders);
    await upsert(db, 'sessions', sessions);
    for (const rows of slices(lines, 7)) await db.insertInto('order_items').values(rows).execute();
    await upsert(db, 'activity', timeline);
    for (const table of ['marketing_events', 'ticket_events'] as const) {
      const rows = [...this.firsts[table].values()];
      this.firsts[table].clear();
      if (rows.length === 0) continue;
      for (const slice of slices(rows, Object.keys(rows[0]!).length)) {
        await db
          .insertInto(table)
          .values(slice as never)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    }
  }
}

/** Inserts `rows` (distinct ids), replacing the rows that exist, one multi-row statement per slice. */
async function upsert(db: Db, table: 'orders' | 'sessions' | 'activity', rows: ReadonlyArray<{ id: string }>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const replaced = replaceAll(columns.filter((c) => c !== 'id'));
  for (const slice of slices(rows, columns.length)) {
    await db
      .insertInto(table)
      .values(slice as never)
      .onConflict((oc) => oc.column('id').doUpdateSet(replaced))
      .execute();
  }
}
