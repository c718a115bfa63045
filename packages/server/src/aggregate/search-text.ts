/**
 * The `customers.search_text` column that free-text search reads: folded name, folded email and
 * the phone's digits, separated by U+001F (a control character no query can contain, so a match
 * never spans two fields). Folded = lower case without accents ({@link foldText}), in JS, so both
 * engines index and match the same text: "francois" finds "François".
 * @module
 */

/** Field separator inside `search_text`. */
export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** Lower case without accents (combining marks dropped after NFD): `"François Zoë"` → `"francois zoe"`. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** E.g. `{name:'Zoë Lovelace', email:'Ada@x.org', phone:'+44 20 7946 0018'}` → `"zoe lovelace␟ada@x.org␟442079460018"`. */
export function customerSearchText(c: { name: string; email?: string | null; phone?: string | null }): string {
  return [foldText(c.name), foldText(c.email ?? ''), (c.phone ?? '').replace(/\D/g, '')].join(SEARCH_FIELD_SEPARATOR);
}

/** A user's query made safe for matching: control characters become spaces, then trimmed. */
export function normaliseQuery(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}
