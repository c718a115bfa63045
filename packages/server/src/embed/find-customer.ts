/**
 * Finds the customer a helpdesk contact is about, by exact identity rather than free text: the
 * customer id (a host's external identifier), the email (case-insensitive) or the phone (same
 * digits, so `+44 20 7946 0018` and `442079460018` are one number). The embed pages use it; the
 * search endpoint (`GET /api/customers?q=`) matches substrings and is the wrong tool here: a
 * sidebar must never show a customer whose email merely contains the contact's.
 *
 * Email and phone are compared with the normalised columns `customers.email_key` (trimmed, NFC,
 * lower-cased) and `customers.phone_key` (digits), both indexed (ingest/contact-keys.ts) — whole
 * values, never the joined search text, so no name, however crafted, can match an email lookup.
 * @module
 */
import type { Db } from '../db/connect.js';
import { emailKey, phoneKey } from '../ingest/contact-keys.js';

/** What a host knows about its contact; any of them may be missing. */
export interface ContactKeys {
  /** The customer id in c360 (Chatwoot's contact `identifier`, the `id` query parameter). */
  id?: string;
  email?: string;
  phone?: string;
}

export type ContactField = keyof ContactKeys;

/** The outcome of a lookup: the one customer, nobody, or several (the host must say which, by id). */
export type ContactMatch =
  | { kind: 'found'; customerId: string; matchedBy: ContactField }
  | { kind: 'none'; tried: ContactField[] }
  | { kind: 'ambiguous'; matchedBy: ContactField; customerIds: string[] };

/** Tried in this order: the identifier is the host's own key; emails are more specific than phones. */
const ORDER: readonly ContactField[] = ['id', 'email', 'phone'];
/** Most customers listed in an ambiguous answer. */
const MAX_LISTED = 5;
/** Fewest digits that make a phone number (shorter input is ignored, not matched loosely). */
const MIN_PHONE_DIGITS = 6;

/** The keys worth trying: trimmed, non-empty, phones with enough digits. */
export function usableKeys(keys: ContactKeys): ContactKeys {
  const out: ContactKeys = {};
  const id = keys.id?.trim();
  const email = emailKey(keys.email);
  const phone = phoneKey(keys.phone);
  if (id) out.id = id;
  if (email && email.includes('@')) out.email = email;
  if (phone && phone.length >= MIN_PHONE_DIGITS) out.phone = phone;
  return out;
}

/**
 * The customer `keys` identify: the first field (id, then email, then phone) that matches anyone
 * decides. `onlyCustomer` limits the lookup to one customer (a customer-scoped token), so the
 * answer never reveals whether the contact matches somebody else.
 */
export async function findCustomerByContact(db: Db, keys: ContactKeys, onlyCustomer?: string): Promise<ContactMatch> {
  const usable = usableKeys(keys);
  const tried = ORDER.filter((field) => usable[field] !== undefined);
  for (const field of tried) {
    const ids = await matching(db, field, usable[field]!, onlyCustomer);
    if (ids.length === 1) return { kind: 'found', customerId: ids[0]!, matchedBy: field };
    if (ids.length > 1) return { kind: 'ambiguous', matchedBy: field, customerIds: ids };
  }
  return { kind: 'none', tried };
}

/** Ids (at most {@link MAX_LISTED}, ascending) of the customers whose `field` equals `value` (already normalised). */
async function matching(db: Db, field: ContactField, value: string, onlyCustomer: string | undefined): Promise<string[]> {
  let query = db.selectFrom('customers').select('id').orderBy('id').limit(MAX_LISTED);
  if (onlyCustomer !== undefined) query = query.where('id', '=', onlyCustomer);
  if (field === 'id') return (await query.where('id', '=', value).execute()).map((r) => r.id);

  query = field === 'email' ? query.where('email_key', '=', value) : query.where('phone_key', '=', value);
  return (await query.execute()).map((r) => r.id);
}
