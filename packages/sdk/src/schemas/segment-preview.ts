/**
 * A rule segment's members before it is saved (POST /segments/preview): how many customers the
 * criteria select and the first few of them, evaluated exactly as saving the segment would.
 * @module
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { SEARCH_COUNT_LIMIT } from './customer.js';
import { SegmentCriteria } from './segments.js';

/** How many matching customers a preview names (`sample`). */
export const SEGMENT_PREVIEW_SAMPLE = 5;

/** Body of POST /segments/preview: the criteria to try (the language of docs/segments.md). */
export const SegmentPreviewRequest = z.object({ criteria: SegmentCriteria }).strict().meta({ id: 'SegmentPreviewRequest' });
export type SegmentPreviewRequest = z.input<typeof SegmentPreviewRequest>;

/** Answer of POST /segments/preview. */
export const SegmentPreview = z
  .object({
    count: z
      .number()
      .int()
      .nonnegative()
      .meta({
        description: `Customers the criteria select, counted exactly up to SEARCH_COUNT_LIMIT (${SEARCH_COUNT_LIMIT}); beyond, ${SEARCH_COUNT_LIMIT} with \`countIsEstimate\``,
      }),
    countIsEstimate: z.boolean().meta({ description: 'True when more than 10,000 match: `count` is then a lower bound ("10,000+")' }),
    sample: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .max(SEGMENT_PREVIEW_SAMPLE)
      .meta({ description: `The first ${SEGMENT_PREVIEW_SAMPLE} matching customers in id order` }),
    asOf: Timestamp.meta({ description: 'The clock the criteria were evaluated at (the one saving the segment would use)' }),
  })
  .meta({ id: 'SegmentPreview' });
export type SegmentPreview = z.infer<typeof SegmentPreview>;
