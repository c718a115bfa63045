/**
 * `customer.upserted`: creates a customer (with an `account` timeline entry) or updates the given
 * fields of an existing one; `addresses`, when given, replace the customer's addresses. The
 * normalised email and phone (ingest/contact-keys.ts) are written beside them for lookups.
 * @module
 */
import type { CustomerUpsertedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import type { StatsDelta } from '../aggregate/stats-delta.js';
import { customerSearchText } from '../aggregate/search-text.js';
import { emailKey, phoneKey } from './contact-keys.js';
import { utc, type Applied, type CustomerRef } from './shared.js';
import { profileBefore, recordProfileChanges } from './profile-changes.js';

/**
 * Applies the event; returns the customer as it now is (for the batch's later events). `absent`:
 * the batch's lookup found no such customer (no need to read it again).
 */
export async function applyCustomerUpserted(
  db: Db,
  event: CustomerUpsertedEvent,
  now: Date,
  stats: StatsDelta,
  rows: BatchRows,
  absent: boolean,
): Promise<Applied & { customer: CustomerRef }> {
  const d = event.data;
  const id = d.customerId;
  const existing = absent ? undefined : await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  const before = existing ? await profileBefore(db, existing, d.addresses !== undefined) : undefined;
  const name = d.name ?? existing?.name ?? `Customer ${id}`;
  const email = d.email !== undefined ? d.email : (existing?.email ?? null);
  const phone = d.phone !== undefined ? d.phone : (existing?.phone ?? null);
  const row = {
    name,
    email,
    phone,
    search_text: customerSearchText({ name, email, phone }),
    email_key: emailKey(email),
    phone_key: phoneKey(phone),
    company: d.company !== undefined ? d.company : (existing?.company ?? null),
    country: d.country !== undefined ? d.country : (existing?.country ?? null),
    registered_at: d.registeredAt ? utc(d.registeredAt) : (existing?.registered_at ?? utc(event.occurredAt)),
    status: d.status ?? existing?.status ?? 'active',
    avatar_url: d.avatarUrl !== undefined ? d.avatarUrl : (existing?.avatar_url ?? null),
    vip: d.vip !== undefined ? Number(d.vip) : (existing?.vip ?? 0),
    currency: d.currency ?? existing?.currency ?? 'GBP',
    synthetic: d.synthetic !== undefined ? Number(d.synthetic) : (existing?.synthetic ?? 0),
    updated_at: now.toISOString(),
  };
  if (existing) {
    await db.updateTable('customers').set(row).where('id', '=', id).execute();
  } else {
    await db
      .insertInto('customers')
      .values({ id, ...row, created_at: now.toISOString() })
      .execute();
    rows.activity(id, {
      id: `account:${event.id}`,
      type: 'account',
      title: 'Customer created',
      description: `${name} joined`,
      occurredAt: row.registered_at,
      ref: { kind: 'customer', id },
    });
  }
  if (!existing || existing.currency !== row.currency) stats.customer(id); // its stats row (and currency)
  if (d.addresses) {
    await db.deleteFrom('addresses').where('customer_id', '=', id).execute();
    if (d.addresses.length > 0) {
      const primary = d.addresses.findIndex((a) => a.primary);
      await db
        .insertInto('addresses')
        .values(
          d.addresses.map((a, i) => ({
            id: a.id,
            customer_id: id,
            label: a.label,
            line1: a.line1,
            line2: a.line2 ?? null,
            city: a.city,
            postcode: a.postcode ?? null,
            region: a.region ?? null,
            country: a.country,
            is_primary: i === (primary === -1 ? 0 : primary) ? 1 : 0,
          })),
        )
        .execute();
    }
  }
  if (before) await recordProfileChanges(db, event, before); // an "Account" timeline entry saying what changed
  return { customerId: id, customer: { id, name: row.name, currency: row.currency } };
}
