/**
 * Rows a batch writes but never reads back while it applies its events — timeline entries, order
 * lines, catalogue mentions — collected in memory and written set-based by {@link BatchRows.flush}
 * (one multi-row statement per table and slice) before anything reads them: the statistics delta,
 * rule segments, score changes, notifications. What one event of the batch reads of another
 * (customers, order headers, balances) is still written at once by its applier.
 *
 * Collecting keeps the rows exactly as writing each in turn would: a timeline entry written twice
 * keeps its last version (an upsert replaces every column), an order placed twice keeps its last
 * lines (the applier replaces them), and catalogue mentions are merged by the upsert's own rules.
 * @module
 */
import type { Db } from '../db/connect.js';
import { CatalogMentions } from './catalog.js';
import { slices } from './row-slices.js';
import { activityColumns, type ActivityEntry } from './shared.js';

/** One `order_items` row. */
export interface OrderLineRow {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  description: string | null;
  quantity: number;
  unit_price_micros: number;
}

type ActivityRow = ReturnType<typeof activityColumns> & { id: string };

/** A batch's write-only rows until {@link flush}. */
export class BatchRows {
  /** Products and categories named by the batch's events. */
  readonly catalog = new CatalogMentions();
  private readonly timeline = new Map<string, ActivityRow>();
  private readonly lines = new Map<string, OrderLineRow[]>();

  /** Inserts or replaces the timeline entry `entry.id` of `customerId` (at the flush). */
  activity(customerId: string, entry: ActivityEntry): void {
    this.timeline.delete(entry.id); // the last version, in the order it was last written
    this.timeline.set(entry.id, { id: entry.id, ...activityColumns(customerId, entry) });
  }

  /** Sets the lines of order `orderId` (replacing lines collected earlier in the batch; the applier deletes stored ones). */
  orderLines(orderId: string, rows: OrderLineRow[]): void {
    this.lines.set(orderId, rows);
  }

  /** Writes everything collected (catalogue first: order lines name its products), then forgets it. */
  async flush(db: Db): Promise<void> {
    await this.catalog.flush(db);
    const lines = [...this.lines.values()].flat();
    const timeline = [...this.timeline.values()];
    this.lines.clear();
    this.timeline.clear();
    for (const rows of slices(lines, 7)) await db.insertInto('order_items').values(rows).execute();
    for (const rows of slices(timeline, 10)) {
      await db
        .insertInto('activity')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            customer_id: eb.ref('excluded.customer_id'),
            type: eb.ref('excluded.type'),
            title: eb.ref('excluded.title'),
            description: eb.ref('excluded.description'),
            occurred_at: eb.ref('excluded.occurred_at'),
            amount_minor: eb.ref('excluded.amount_minor'),
            currency: eb.ref('excluded.currency'),
            ref_kind: eb.ref('excluded.ref_kind'),
            ref_id: eb.ref('excluded.ref_id'),
          })),
        )
        .execute();
    }
  }
}
