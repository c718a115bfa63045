/**
 * Two HTTP conventions of the API app (src/api/app.ts):
 *
 * - a request body that is not JSON where JSON is expected (Hono's validator throws an
 *   `HTTPException` 400 "Malformed JSON in request body") is a 400 problem+json of type
 *   `https://c360.dev/problems/invalid-request` naming the field `body`, like any invalid input;
 * - the OpenAPI document (`GET /openapi.json`, ~150 KB) carries an `ETag` (hono/etag) and
 *   `Cache-Control: no-cache`, so a client revalidates it and gets `304 Not Modified` when the
 *   API has not changed.
 * @module
 */
import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { invalidRequest, type ProblemError } from '../core/problem.js';

/**
 * The 400 problem for a body that is not well-formed (JSON or form data) — `errors: [{field: "body"}]` —
 * or undefined when `error` is something else.
 */
export function malformedBody(error: unknown): ProblemError | undefined {
  if (!(error instanceof HTTPException) || error.status !== 400 || !/^Malformed (JSON|FormData)/.test(error.message)) return undefined;
  const what = error.message.startsWith('Malformed JSON') ? 'not valid JSON' : 'not valid form data';
  return invalidRequest([{ field: 'body', message: `The request body is ${what}` }]);
}

/** Adds the ETag and revalidation policy of `GET /openapi.json` to the API app (before its routes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app environment
export function referenceCaching(app: Hono<any>): void {
  app.use('/openapi.json', async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 304) c.header('cache-control', 'no-cache');
  });
  app.use('/openapi.json', etag());
}
