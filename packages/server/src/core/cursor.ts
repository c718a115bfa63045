/**
 * Keyset-pagination cursors: an opaque base64url of the last row's sort key. A cursor that does not
 * decode is a 400 naming `query.cursor`.
 * @module
 */
import { invalidRequest } from './problem.js';

/** Encodes the sort key of the last row of a page. */
export function encodeCursor(key: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor} with `arity` parts; throws a 400 problem otherwise. */
export function decodeCursor(cursor: string, arity: number): Array<string | number | null> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => k === null || ['string', 'number'].includes(typeof k))) {
      return key as Array<string | number | null>;
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalidRequest([{ field: 'query.cursor', message: 'is not a cursor returned by this endpoint' }]);
}
