/**
 * Helpers for the section tests: the real sample app, the SDK client over it, and posting events
 * that must apply fully.
 */
import { expect } from 'vitest';
import { createClient, type C360Client, type IngestEventInput } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, poster } from '../ingest/helpers.js';

export interface SectionsFixture {
  sample: SampleApp;
  client: C360Client;
  /** Makes an event (ids `<prefix>-<n>`); see `eventMaker`. */
  ev: ReturnType<typeof eventMaker>;
  /** Posts a batch that must apply fully. */
  apply(...events: IngestEventInput[]): Promise<void>;
  /** Creates a customer registered on 2011-01-01 (GBP). */
  newCustomer(customerId: string): Promise<void>;
}

export async function openSections(prefix: string): Promise<SectionsFixture> {
  const sample = await openSampleApp();
  const client = createClient({ baseUrl: 'http://localhost', fetch: async (input, init) => sample.app.request(String(input), init) });
  const post = poster(() => sample);
  const ev = eventMaker(prefix);
  async function apply(...events: IngestEventInput[]): Promise<void> {
    const res = await post(events);
    expect(res.body).toEqual({ received: events.length, applied: events.length, duplicates: 0 });
  }
  return {
    sample,
    client,
    ev,
    apply,
    newCustomer: (customerId) => apply(ev('customer.upserted', { customerId, name: `Test ${customerId}` }, '2011-01-01T00:00:00.000Z')),
  };
}

/** Expects `promise` to reject with a C360ApiError of `status` whose problem title is `title`. */
export async function expectProblem(promise: Promise<unknown>, status: number, title: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ status, problem: { status, title } });
}
