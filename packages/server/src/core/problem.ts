/**
 * The one error type of c360: domain code throws a {@link ProblemError}; the HTTP layer
 * (api/problem.ts) writes it as RFC 9457 problem+json. Nothing here knows about HTTP requests.
 * @module
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '@c360/sdk';
import type { ZodError } from 'zod';

const TYPE_BASE = 'https://c360.dev/problems/';

/** Throw anywhere in a handler; the app's `onError` turns it into a problem+json response. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly problemType: string;
  readonly title: string;
  readonly errors?: FieldError[];
  /** Response headers that belong to the problem (`WWW-Authenticate` of a 401, `Retry-After` of a 429). */
  readonly headers?: Record<string, string>;

  constructor(status: ContentfulStatusCode, slug: string, title: string, detail?: string, errors?: FieldError[], headers?: Record<string, string>) {
    super(detail ?? title);
    this.status = status;
    this.problemType = TYPE_BASE + slug;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  toProblem(instance?: string): Problem {
    return {
      type: this.problemType,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** 404 for a customer id that does not exist. */
export function customerNotFound(id: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Customer not found', `No customer with id "${id}"`);
}

/** 400 naming each invalid field, e.g. `query.limit: Too big: expected number to be <=200`. */
export function invalidRequest(errors: FieldError[]): ProblemError {
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new ProblemError(400, 'invalid-request', 'Invalid request', detail, errors);
}

/** Maps a zod error of request part `target` (query, param, json) to field errors. */
export function zodFieldErrors(error: ZodError, target: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [target === 'param' ? 'path' : target === 'json' ? 'body' : target, ...issue.path].join('.'),
    message: issue.message,
  }));
}

/** 413 for a request body over the route's limit. */
export function payloadTooLarge(maxBytes: number): ProblemError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new ProblemError(413, 'payload-too-large', 'Payload too large', `The request body exceeds the ${size} limit of this endpoint`);
}
