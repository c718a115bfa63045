/**
 * Writes problems as RFC 9457 `application/problem+json` responses (the error type itself is
 * core/problem.ts, thrown by every layer).
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@c360/sdk';

/** Writes a problem as `application/problem+json`, with the problem's own headers if any. */
export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    ...headers,
    'content-type': 'application/problem+json',
  });
}
