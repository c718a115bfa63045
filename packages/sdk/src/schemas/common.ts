/**
 * Shared wire primitives: identifiers, timestamps, money, problem+json, pagination.
 * @module
 */
import { z } from 'zod';

/** A customer id as the API knows it (for Online Retail, the `CustomerID` string, e.g. `"17850"`). */
export const CustomerId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'may contain only letters, digits and . _ : @ -')
  .meta({ description: 'Customer id (e.g. "17850")', example: '17850' });

/** An ISO 8601 timestamp in UTC with a `Z` suffix, e.g. `2011-12-09T12:50:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 timestamp (UTC)' });

/** ISO 4217 currency code, e.g. `GBP`. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as GBP')
  .meta({ example: 'GBP' });

/** An amount of money in major units (e.g. pounds, 12.5 = £12.50), always beside a `currency`. */
export const Money = z.number().meta({ description: 'Amount in major units of `currency` (e.g. 12.5 = £12.50)' });

/** Opaque keyset-pagination cursor: pass a response's `nextCursor` back as `cursor`. */
export const Cursor = z.string().min(1).max(512).meta({ description: 'Opaque cursor from a previous page' });

/** Page size for list endpoints: 1–200 (default 50). */
export const Limit = z.coerce.number().int().min(1).max(200).default(50);

/**
 * Parameters of a server text: numbers, strings and ISO dates (money as minor units plus a currency
 * code). Keys depend on the code; see docs/api.md, "Server text in every language".
 */
export const TextParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type TextParams = z.infer<typeof TextParams>;

/**
 * A sentence the server wrote, as a stable `code` (e.g. `health.recency.days`) and its `params`, so
 * clients render it in their own language; the English text stays beside it in the owning object.
 */
export const ServerText = z
  .object({
    code: z.string().meta({ example: 'health.recency.days' }),
    params: TextParams.meta({ example: { days: 12 } }),
  })
  .meta({ id: 'ServerText' });
export type ServerText = z.infer<typeof ServerText>;

/** One invalid field of a request, as listed in a 400 problem. */
export const FieldError = z.object({
  field: z.string().meta({ description: 'Path of the invalid field, e.g. "query.limit" or "body[2].type"' }),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * RFC 9457 problem details, the body of every error response (content type
 * `application/problem+json`). `errors` lists each invalid field of a 400.
 */
export const Problem = z
  .object({
    type: z.string().meta({ example: 'https://c360.dev/problems/not-found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional().meta({
      description: 'Stable code of `title` (e.g. `problem.customerNotFound`), for clients that show it translated',
      example: 'problem.customerNotFound',
    }),
    params: TextParams.optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
