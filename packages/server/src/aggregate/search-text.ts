/**
 * The `customers.search_text` column that free-text search reads: lower-cased name, lower-cased
 * email and the phone's digits, separated by U+001F (a control character no query can contain,
 * so a match never spans two fields).
 * @module
 */

/** Field separator inside `search_text`. */
export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** E.g. `{name:'Ada Lovelace', email:'Ada@x.org', phone:'+44 20 7946 0018'}` → `"ada lovelace␟ada@x.org␟442079460018"`. */
export function customerSearchText(c: { name: string; email?: string | null; phone?: string | null }): string {
  return [c.name.toLowerCase(), (c.email ?? '').toLowerCase(), (c.phone ?? '').replace(/\D/g, '')].join(SEARCH_FIELD_SEPARATOR);
}

/** A user's query made safe for matching: control characters become spaces, then trimmed. */
export function normaliseQuery(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}
