/**
 * Field-by-field comparison of two JSON values (as parsed from two API answers): every leaf that
 * differs, with its path (`$.scores.rfm.r`, `$.orders[3].total`).
 * @module
 */

/** One differing leaf: its path and the value on each side (`undefined` = absent on that side). */
export interface JsonDifference {
  path: string;
  left: unknown;
  right: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The differences between `left` and `right`, depth first, in key order of `left` then the keys
 * only `right` has. Numbers compare with `===` (no tolerance: both engines must answer the same
 * number); arrays compare element by element, a length difference is reported at `path.length`.
 */
export function jsonDifferences(left: unknown, right: unknown, path = '$', out: JsonDifference[] = []): JsonDifference[] {
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) out.push({ path: `${path}.length`, left: left.length, right: right.length });
    for (let i = 0; i < Math.min(left.length, right.length); i++) jsonDifferences(left[i], right[i], `${path}[${i}]`, out);
  } else if (isObject(left) && isObject(right)) {
    for (const key of Object.keys(left)) jsonDifferences(left[key], right[key], `${path}.${key}`, out);
    for (const key of Object.keys(right)) if (!(key in left)) out.push({ path: `${path}.${key}`, left: undefined, right: right[key] });
  } else if (left !== right) {
    out.push({ path, left, right });
  }
  return out;
}

/** The path with array indexes replaced by `[]`, to group the same field across customers. */
export function fieldOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}
