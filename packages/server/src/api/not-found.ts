/**
 * The answer to a path no route matches under `/api`: 404 problem+json naming the method and path
 * (`type` https://c360.dev/problems/not-found), never the framework's plain-text 404.
 * @module
 */
import type { Context } from 'hono';
import { ProblemError } from '../core/problem.js';
import { problemResponse } from './problem.js';

/** The 404 problem response for `c`'s request (`instance` is the path as requested). */
export function apiNotFound(c: Context): Response {
  return problemResponse(
    c,
    new ProblemError(404, 'not-found', 'Not found', `No route ${c.req.method} ${c.req.path}`).toProblem(c.req.path),
  );
}
