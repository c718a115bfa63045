/**
 * `c360 seed --customers N [--seed S]` (SPEC §2): a deterministic synthetic data set of N customers
 * (seed/customer-events.ts) written through the ingestion path — validated with the SDK's
 * `IngestEvent` schema and applied by `applyEvents` in chunks of whole customers, one transaction
 * each — so it exercises exactly what `POST /api/events` does. Seeding again with the same seed
 * changes nothing (event ids are idempotency keys); a larger N adds only the new customers; a
 * killed seed resumes when run again.
 * @module
 */
import { IngestEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { applyEvents } from '../ingest/apply-events.js';
import { raiseMeta } from '../import/bookkeeping.js';
import { customerEvents, seedCatalogue } from './customer-events.js';
import { SEED_AS_OF } from './shapes.js';

/** Events per transaction (rounded up to whole customers). */
export const SEED_CHUNK_EVENTS = 5000;

export interface SeedOptions {
  /** How many customers (customer indexes 0 … N−1). */
  customers: number;
  /** The seed (default 1): same seed, same data. */
  seed?: number;
  /** Events per transaction (default {@link SEED_CHUNK_EVENTS}). */
  chunkEvents?: number;
  /** Called after each chunk: customers done, of `customers`, and events so far. */
  onProgress?: (customersDone: number, customers: number, events: number) => void;
}

export interface SeedSummary {
  customers: number;
  /** Events generated, and how many were new (the others had been applied before). */
  events: number;
  applied: number;
  /** The data set's as-of (ISO), recorded as `meta.dataset_as_of`. */
  asOf: string;
}

/**
 * Generates and applies the data set. `meta.dataset_as_of` is raised to the data's last day first,
 * so scores are computed as of then (`c360 serve --as-of dataset`).
 * @throws Error naming the event when a generated event is invalid (a bug of the generator); the
 *   chunk holding it is then not applied (earlier chunks stay, and a re-run resumes).
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const seed = options.seed ?? 1;
  const perChunk = Math.max(1, options.chunkEvents ?? SEED_CHUNK_EVENTS);
  const asOf = new Date(SEED_AS_OF);
  await raiseMeta(db, 'dataset_as_of', asOf.toISOString());
  const catalogue = seedCatalogue();
  const summary: SeedSummary = { customers: options.customers, events: 0, applied: 0, asOf: asOf.toISOString() };
  let chunk: IngestEvent[] = [];
  const flush = async (done: number) => {
    if (chunk.length > 0) {
      const result = await applyEvents(db, chunk, asOf);
      summary.events += chunk.length;
      summary.applied += result.applied;
      chunk = [];
    }
    options.onProgress?.(done, options.customers, summary.events);
  };
  for (let i = 0; i < options.customers; i++) {
    for (const event of customerEvents(seed, i, catalogue)) chunk.push(validated(event));
    if (chunk.length >= perChunk) await flush(i + 1);
  }
  await flush(options.customers);
  return summary;
}

function validated(event: unknown): IngestEvent {
  const result = IngestEvent.safeParse(event);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`seed generated an invalid event ${JSON.stringify(event)}: ${issue.path.join('.')}: ${issue.message}`);
}
