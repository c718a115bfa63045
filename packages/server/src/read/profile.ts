/**
 * Customer rows to the wire `CustomerProfile` (R1).
 * @module
 */
import type { Selectable } from 'kysely';
import type { AccountStatus, CustomerProfile } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { CustomersTable } from '../db/schema.js';
import { FixedQuery } from './fixed-query.js';

export type CustomerRow = Selectable<CustomersTable>;

/** The customer columns a profile shows. */
export type ProfileRow = Pick<
  CustomerRow,
  'id' | 'name' | 'email' | 'phone' | 'company' | 'country' | 'registered_at' | 'status' | 'avatar_url' | 'vip' | 'currency' | 'synthetic'
>;

/** A customer's addresses, primary first (compiled once). */
const addressesOf = new FixedQuery((db, customerId: string) =>
  db.selectFrom('addresses').selectAll().where('customer_id', '=', customerId).orderBy('is_primary', 'desc').orderBy('id'),
);

/** The profile with all addresses, primary first. */
export async function toProfile(db: Db, c: ProfileRow): Promise<CustomerProfile> {
  const addresses = await addressesOf.execute(db, c.id);
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    country: c.country,
    registeredAt: c.registered_at,
    status: c.status as AccountStatus,
    avatarUrl: c.avatar_url,
    vip: c.vip === 1,
    currency: c.currency,
    synthetic: c.synthetic === 1,
    addresses: addresses.map((a) => ({
      id: a.id,
      label: a.label,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      postcode: a.postcode,
      region: a.region,
      country: a.country,
      primary: a.is_primary === 1,
    })),
  };
}
