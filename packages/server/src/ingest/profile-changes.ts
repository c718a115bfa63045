/**
 * Profile changes in the timeline (R7.2): a `customer.upserted` that changes an existing customer's
 * name, email, phone, status or addresses writes one `account` entry "Profile updated" saying what
 * changed, e.g. `Email: d•••@old.example → dana@new.example · Status: active → closed`.
 *
 * The new values are shown as the profile shows them (every role that reads the customer sees its
 * email and phone); the previous email and phone are masked (`d•••@old.example`, `••• 0958`):
 * they are no longer the customer's contact data, and the timeline keeps them for good.
 *
 * A change is a value replaced or removed: filling in what was never set (an email where there
 * was none, addresses where there were none, a real name over the placeholder `Customer <id>`)
 * is not one — so a source completing a profile, like the demo enrichment of the Online Retail
 * customers, does not put "Profile updated" on every timeline. An upsert that changes nothing
 * writes nothing; the entry's id `profile:<event id>` makes a replay rewrite the same entry.
 * @module
 */
import type { Selectable } from 'kysely';
import type { CustomerUpsertedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { CustomersTable } from '../db/schema.js';
import { parts, utc, writeActivity } from './shared.js';

/** What a profile change is measured on. */
export interface ProfileSnapshot {
  /** Null while the customer has only the placeholder name `Customer <id>`. */
  name: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  /** One line per address, in order; undefined when the event leaves the addresses alone. */
  addresses: string[] | undefined;
}

async function addressLines(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.selectFrom('addresses').selectAll().where('customer_id', '=', customerId).orderBy('id').execute();
  return rows.map((a) => [a.label, a.line1, a.line2, a.city, a.postcode, a.country, a.is_primary].join('|'));
}

/** The profile of an existing customer before the upsert (addresses only when the event replaces them). */
export async function profileBefore(db: Db, existing: Selectable<CustomersTable>, withAddresses: boolean): Promise<ProfileSnapshot> {
  return {
    name: existing.name === `Customer ${existing.id}` ? null : existing.name,
    email: existing.email,
    phone: existing.phone,
    status: existing.status,
    addresses: withAddresses ? await addressLines(db, existing.id) : undefined,
  };
}

/** `dana@example.com` → `d•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? `${email.slice(0, 1)}•••${email.slice(at)}` : '•••';
}

/** `+44 20 7946 0958` → `••• 0958` (the last 4 digits). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length > 4 ? `••• ${digits.slice(-4)}` : '•••';
}

/** What changed from `before` to `after` (values replaced or removed), one phrase per field: name, email, phone, status, addresses. */
export function profileChanges(before: ProfileSnapshot, after: ProfileSnapshot): string[] {
  const none = '(none)';
  /** A value replaced or removed (not one set for the first time). */
  const changed = (a: string | null, b: string | null) => a !== null && a !== b;
  const changes: string[] = [];
  if (changed(before.name, after.name)) changes.push(`Name: ${before.name} → ${after.name ?? none}`);
  if (changed(before.email, after.email)) changes.push(`Email: ${maskEmail(before.email!)} → ${after.email ?? none}`);
  if (changed(before.phone, after.phone)) changes.push(`Phone: ${maskPhone(before.phone!)} → ${after.phone ?? none}`);
  if (before.status !== after.status) changes.push(`Status: ${before.status} → ${after.status}`);
  if (before.addresses?.length && after.addresses && before.addresses.join('\n') !== after.addresses.join('\n')) {
    changes.push(after.addresses.length ? 'Address changed' : 'Addresses removed');
  }
  return changes;
}

/** After the upsert: writes the "Profile updated" entry when something of `before` changed. */
export async function recordProfileChanges(db: Db, event: CustomerUpsertedEvent, before: ProfileSnapshot): Promise<void> {
  const id = event.data.customerId;
  const row = await db.selectFrom('customers').select(['name', 'email', 'phone', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  const after: ProfileSnapshot = {
    ...row,
    name: row.name === `Customer ${id}` ? null : row.name,
    addresses: before.addresses === undefined ? undefined : await addressLines(db, id),
  };
  const changes = profileChanges(before, after);
  if (changes.length === 0) return;
  await writeActivity(db, id, {
    id: `profile:${event.id}`,
    type: 'account',
    title: 'Profile updated',
    description: parts(...changes),
    occurredAt: utc(event.occurredAt),
    ref: { kind: 'customer', id },
  });
}
