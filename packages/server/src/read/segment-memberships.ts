/**
 * A customer's rule and manual segment memberships, by name (the RFM segment is derived per
 * request in customer-360.ts).
 * @module
 */
import type { SegmentMembership } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { FixedQuery } from './fixed-query.js';

/** Memberships of one customer, by segment name (compiled once). */
const membershipsOf = new FixedQuery((db, customerId: string) =>
  db
    .selectFrom('segment_assignments as sa')
    .innerJoin('segments as s', 's.id', 'sa.segment_id')
    .select(['s.id', 's.name', 's.kind', 'sa.assigned_at', 'sa.how'])
    .where('sa.customer_id', '=', customerId)
    .orderBy('s.name'),
);

/** The customer's rule and manual segment memberships, by segment name. */
export async function loadSegmentMemberships(db: Db, customerId: string): Promise<SegmentMembership[]> {
  const rows = await membershipsOf.execute(db, customerId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as SegmentMembership['kind'],
    assignedAt: r.assigned_at,
    how: r.how as SegmentMembership['how'],
  }));
}
