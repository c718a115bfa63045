/**
 * Loads the bundled demo data into an empty database: the Online Retail sample slice, then the
 * synthetic enrichment through the ingestion path. Does nothing when customers already exist.
 * @module
 */
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connect.js';
import { importOnlineRetail } from '../import/online-retail.js';
import { applyEvents } from '../ingest/apply-events.js';
import { minorToMajor } from '../scoring/money.js';
import { enrichmentEvents } from './enrichment.js';

/** The bundled sample: a slice of the UCI Online Retail dataset (see demo/data/SOURCE.md). */
export const SAMPLE_FILE = fileURLToPath(new URL('../../../../demo/data/online_retail_sample.csv', import.meta.url));

/** Reads the dataset's as-of date recorded by the importer, or null. */
export async function datasetAsOf(db: Db): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'dataset_as_of').executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Imports the sample and enriches it when the database has no customer yet.
 * Returns true when it loaded data.
 */
export async function ensureDemoData(db: Db, log: (line: string) => void = () => {}): Promise<boolean> {
  const any = await db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log(`Loading the bundled sample (${SAMPLE_FILE}) …`);
  const summary = await importOnlineRetail(db, SAMPLE_FILE);
  log(`Imported ${summary.customers} customers, ${summary.orders} orders, ${summary.refunds} refunds (real UCI Online Retail rows).`);
  await enrichDemo(db, summary.asOf);
  log('Added synthetic names, emails, phones and addresses (demo enrichment).');
  return true;
}

/** Generates and applies the enrichment events for every customer (idempotent by event id). */
export async function enrichDemo(db: Db, occurredAt: string): Promise<void> {
  const customers = await db
    .selectFrom('customers as c')
    .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
    .select(['c.id', 'c.country', 'c.currency', 's.total_spent_minor'])
    .orderBy('c.id')
    .execute();
  const events = enrichmentEvents(
    customers.map((c) => ({ id: c.id, country: c.country, lifetimeValue: minorToMajor(Number(c.total_spent_minor ?? 0), c.currency) })),
    occurredAt,
  );
  await applyEvents(db, events, new Date(occurredAt));
}
