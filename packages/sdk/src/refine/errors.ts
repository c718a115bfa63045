/**
 * Errors of the Refine data provider in the shape Refine expects (`HttpError`: `message`,
 * `statusCode`, `errors` per field), so its notifications and `useOne`/`useTable` error states show
 * the API's own words.
 * @module
 */
import type { HttpError } from '@refinedev/core';
import { C360ApiError } from '../errors.js';
import type { Problem } from '../schemas/common.js';

/**
 * An error of the c360 data provider. `statusCode` is the API's HTTP status (0 when the API could
 * not be reached, 400 for a query the provider cannot express, 405 for an operation c360 does not
 * offer through Refine); `errors` maps a field (`tier`, `cursor`, …) to its message; `problem` is
 * the API's problem+json when the API answered.
 */
export class C360RefineError extends Error implements HttpError {
  readonly statusCode: number;
  readonly errors?: Record<string, string>;
  readonly problem?: Problem;

  constructor(message: string, statusCode: number, options: { errors?: Record<string, string>; problem?: Problem } = {}) {
    super(message);
    this.name = 'C360RefineError';
    this.statusCode = statusCode;
    if (options.errors) this.errors = options.errors;
    if (options.problem) this.problem = options.problem;
  }
}

/**
 * The error Refine should see for `error`: a {@link C360ApiError} becomes a {@link C360RefineError}
 * with the problem's field errors keyed by field name without its `query.` prefix; anything else
 * (an abort, a C360RefineError) is returned unchanged.
 */
export function toRefineError(error: unknown): unknown {
  if (!(error instanceof C360ApiError)) return error;
  const fieldErrors = error.problem.errors ?? [];
  const errors = fieldErrors.length
    ? Object.fromEntries(fieldErrors.map((e) => [e.field.replace(/^(query|body|params)\./, ''), e.message]))
    : undefined;
  const detail = fieldErrors.length
    ? fieldErrors.map((e) => `${e.field.replace(/^(query|body|params)\./, '')} ${e.message}`).join('; ')
    : undefined;
  const message = detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
  return new C360RefineError(message, error.status, { errors, problem: error.problem });
}
