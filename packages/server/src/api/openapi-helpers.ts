/**
 * Small helpers to declare routes: JSON responses and the problem responses every route shares.
 * @module
 */
import { Problem } from '@c360/sdk';
import type { z } from 'zod';

/** A JSON response of `schema`. */
export function json<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A problem+json response. */
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } }) as const;

/** 400 (invalid parameter, naming it) and 500, on every route. */
export const commonProblems = {
  400: problem('Invalid request: `errors` names each invalid field'),
  500: problem('Unexpected server error'),
} as const;

/** Adds 404 for routes about one customer. */
export const customerProblems = {
  ...commonProblems,
  404: problem('No customer with this id'),
} as const;
