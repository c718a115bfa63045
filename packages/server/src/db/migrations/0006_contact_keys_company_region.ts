/**
 * Real-world customer data (issue 13):
 * - `customers.email_key` and `customers.phone_key`: the normalised email (trimmed, NFC, lower-cased)
 *   and the phone's digits, written at ingestion (ingest/contact-keys.ts) and indexed, so a lookup by
 *   email or phone (embed/find-customer.ts) compares whole values instead of the joined search text;
 * - `customers.company` and `addresses.region` (state, province, county), new profile fields.
 * Existing rows are back-filled in SQL (their emails are ASCII: addresses were ASCII-only before
 * this migration, so `lower` equals the JavaScript normalisation). Plain SQL both engines take.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s.alterTable('customers').addColumn('email_key', 'text').execute();
  await s.alterTable('customers').addColumn('phone_key', 'text').execute();
  await s.alterTable('customers').addColumn('company', 'text').execute();
  await s.alterTable('addresses').addColumn('region', 'text').execute();
  await sql`update customers set email_key = lower(trim(email)) where email is not null`.execute(db);
  await sql`update customers set phone_key = replace(replace(replace(replace(replace(phone, ' ', ''), '(', ''), ')', ''), '-', ''), '+', '')
    where phone is not null`.execute(db);
  await s.createIndex('customers_email_key_idx').on('customers').columns(['email_key']).execute();
  await s.createIndex('customers_phone_key_idx').on('customers').columns(['phone_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customers_phone_key_idx').ifExists().execute();
  await db.schema.dropIndex('customers_email_key_idx').ifExists().execute();
  await db.schema.alterTable('addresses').dropColumn('region').execute();
  await db.schema.alterTable('customers').dropColumn('company').execute();
  await db.schema.alterTable('customers').dropColumn('phone_key').execute();
  await db.schema.alterTable('customers').dropColumn('email_key').execute();
}
