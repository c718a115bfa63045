/**
 * Loads the bundled demo data into an empty database: the Online Retail sample slice, then the
 * synthetic enrichment (profiles, loyalty, marketing, support, payments, browsing) through the
 * ingestion path. Does nothing when customers already exist.
 * @module
 */
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connect.js';
import { importOnlineRetail } from '../import/online-retail.js';
import { applyDemoEnrichment, type DemoEnrichOptions, type DemoEnrichSummary } from './enrich/index.js';

export { DEMO_SECTIONS, type DemoEnrichOptions, type DemoEnrichSummary, type DemoSection } from './enrich/index.js';

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
  const started = performance.now();
  const enriched = await enrichDemo(db, summary.asOf);
  log(
    `Added synthetic profiles, loyalty, marketing, support tickets, payments and browsing: ${enriched.events} events through the ingestion path in ${((performance.now() - started) / 1000).toFixed(1)} s (demo enrichment).`,
  );
  return true;
}

/**
 * Generates and applies the demo enrichment for every customer, with `occurredAt` the dataset's
 * as-of date (no generated event is later). Idempotent by event id: applying it again changes nothing.
 */
export async function enrichDemo(db: Db, occurredAt: string, options: DemoEnrichOptions = {}): Promise<DemoEnrichSummary> {
  return applyDemoEnrichment(db, occurredAt, options);
}
