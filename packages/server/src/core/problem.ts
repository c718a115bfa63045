/**
 * The one error type of c360: domain code throws a {@link ProblemError}; the HTTP layer
 * (api/problem.ts) writes it as RFC 9457 problem+json. Nothing here knows about HTTP requests.
 * @module
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '@c360/sdk';
import type { ZodError } from 'zod';
import { problemCode } from '../i18n/server-text.js';

const TYPE_BASE = 'https://c360.dev/problems/';

/** Throw anywhere in a handler; the app's `onError` turns it into a problem+json response. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly problemType: string;
  readonly title: string;
  readonly errors?: FieldError[];
  /** Response headers that belong to the problem (`WWW-Authenticate` of a 401, `Retry-After` of a 429). */
  readonly headers?: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    slug: string,
    title: string,
    detail?: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.status = status;
    this.problemType = TYPE_BASE + slug;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  /**
   * The problem+json body. `code` is the title's code in the server text catalogue
   * (`problem.customerNotFound`), so clients can show the title in their language; absent for a
   * title not in the catalogue.
   */
  toProblem(instance?: string): Problem {
    const code = problemCode(this.title);
    return {
      type: this.problemType,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(code ? { code, params: {} } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** 404 for a customer id that does not exist. */
export function customerNotFound(id: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Customer not found', `No customer with id "${id}"`);
}

/** Most field errors a problem lists (the `detail` says how many more there were). */
export const MAX_FIELD_ERRORS = 20;

/**
 * 400 naming each invalid field, e.g. `query.limit: Too big: expected number to be <=200`; at most
 * {@link MAX_FIELD_ERRORS} are listed, so a hostile body cannot make the answer grow with it.
 */
export function invalidRequest(errors: FieldError[]): ProblemError {
  const listed = errors.slice(0, MAX_FIELD_ERRORS);
  const more = errors.length - listed.length;
  const detail = listed.map((e) => `${e.field}: ${e.message}`).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return new ProblemError(400, 'invalid-request', 'Invalid request', detail, listed);
}

/**
 * The fields a zod issue is about, as paths: its own path, or for unknown keys one path per key
 * (`data.region: is not a known field` rather than `data: Unrecognized key: "region"`).
 */
export function zodIssueFields(issue: ZodError['issues'][number]): Array<{ path: PropertyKey[]; message: string }> {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'is not a known field' }));
  return [{ path: issue.path, message: issue.message }];
}

/** Maps a zod error of request part `target` (query, param, json) to field errors. */
export function zodFieldErrors(error: ZodError, target: string): FieldError[] {
  const part = target === 'param' ? 'path' : target === 'json' ? 'body' : target;
  return error.issues.flatMap(zodIssueFields).map(({ path, message }) => ({ field: [part, ...path.map(String)].join('.'), message }));
}

/** 413 for a request body over the route's limit. */
export function payloadTooLarge(maxBytes: number): ProblemError {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new ProblemError(413, 'payload-too-large', 'Payload too large', `The request body exceeds the ${size} limit of this endpoint`);
}
