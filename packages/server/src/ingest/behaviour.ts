/**
 * Browsing behaviour: `session.started` (a visit: device, duration, traffic source; keyed by
 * `sessionId`, so sending it again with the final duration updates it and its timeline entry
 * `session:<sessionId>`) and `product.viewed` (a `page_views` row keyed by the event id; the product
 * and its category are created when new).
 * @module
 */
import type { ProductViewedEvent, SessionStartedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import type { RecordOwners } from './batch-lookups.js';
import { eventActivityId, parts, requireOwner, utc, type Applied, type CustomerRef } from './shared.js';

export async function applySessionStarted(
  db: Db,
  event: SessionStartedEvent,
  customer: CustomerRef,
  rows: BatchRows,
  owners: RecordOwners,
): Promise<Applied> {
  const d = event.data;
  const existing = await owners.of(db, d.sessionId);
  requireOwner(existing, customer, 'data.sessionId', 'session', d.sessionId);
  const at = utc(event.occurredAt);
  rows.session({
    id: d.sessionId,
    customer_id: customer.id,
    started_at: at,
    duration_seconds: d.durationSeconds,
    device: d.device,
    source: d.source ?? null,
  });
  owners.set(d.sessionId, customer.id);

  rows.activity(customer.id, {
    id: `session:${d.sessionId}`,
    type: 'session',
    title: `Visited the shop on ${d.device}`,
    description: parts(d.durationSeconds > 0 && duration(d.durationSeconds), d.source && `from ${d.source}`),
    occurredAt: at,
    ref: { kind: 'session', id: d.sessionId },
  });
  return { customerId: customer.id };
}

export async function applyProductViewed(db: Db, event: ProductViewedEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  const at = utc(event.occurredAt);
  // the product is read back below: the batch's rows so far are written first
  rows.catalog.add(
    [{ productId: d.productId, name: d.productName, categoryId: d.categoryId, categoryName: d.categoryName }],
    customer.currency,
  );
  await rows.flush(db);
  const product = await db
    .selectFrom('products as p')
    .leftJoin('categories as c', 'c.id', 'p.category_id')
    .select(['p.name', 'p.category_id', 'c.name as category_name'])
    .where('p.id', '=', d.productId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('page_views')
    .values({
      id: event.id,
      session_id: d.sessionId ?? null,
      customer_id: customer.id,
      category_id: product.category_id,
      product_id: d.productId,
      occurred_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'session',
    title: `Viewed ${product.name}`,
    description: parts(product.category_name && `in ${product.category_name}`),
    occurredAt: at,
    ref: { kind: 'product', id: d.productId },
  });
  return { customerId: customer.id };
}

/** `45 s`, `12 min`, `1 h 5 min`. */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
