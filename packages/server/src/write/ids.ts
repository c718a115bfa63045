/**
 * Ids of records written by people (notes) and of their timeline entries: they sort in creation
 * order within this process, so two written in the same millisecond still list newest first
 * (lists and the timeline order ties on time by id).
 * @module
 */
import { randomBytes } from 'node:crypto';

let lastMs = 0;

/** `<prefix><base-36 milliseconds, strictly increasing><8 random hex>`, e.g. `note_lz3k9x0a1f3c2b7e9`. */
export function sortableId(prefix: string, now: Date = new Date()): string {
  lastMs = Math.max(now.getTime(), lastMs + 1);
  return `${prefix}${lastMs.toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`;
}
