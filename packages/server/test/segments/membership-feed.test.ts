/**
 * The bound on the change-feed rows of a segment-wide membership recomputation (decision 74): every
 * draft up to {@link BULK_FEED_LIMIT} customers (counted once however many segments they moved in), none beyond.
 */
import { describe, expect, it } from 'vitest';
import { BULK_FEED_LIMIT, feedOfBulk } from '../../src/segments/membership-feed.js';
import type { ChangeDraft } from '../../src/realtime/feed.js';

const drafts = (customers: number, perCustomer = 1): ChangeDraft[] =>
  Array.from({ length: customers * perCustomer }, (_, i) => ({
    customerId: `C${i % customers}`,
    section: 'segments' as const,
    type: i < customers ? 'segment.assigned' : 'segment.removed',
  }));

describe('membership changes in the change feed', () => {
  it('keeps every draft up to the limit of customers, counting a customer once', () => {
    expect(feedOfBulk(drafts(BULK_FEED_LIMIT, 2))).toHaveLength(BULK_FEED_LIMIT * 2);
    expect(feedOfBulk([])).toEqual([]);
  });

  it('records none beyond it', () => {
    expect(feedOfBulk(drafts(BULK_FEED_LIMIT + 1))).toEqual([]);
  });
});
