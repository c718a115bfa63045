/**
 * Reproducible inputs drawn from the imported database with the seeded PRNG: customer ids, and
 * search queries (name/email fragments, exact order numbers, exact customer ids).
 * @module
 */
import type SQLite from 'better-sqlite3';
import { randomInt, sample } from './stats.js';

/** Every customer id in id order (the order the seeded picks index into). */
export function customerIds(conn: SQLite.Database): string[] {
  return (conn.prepare('select id from customers order by id').all() as Array<{ id: string }>).map((r) => r.id);
}

/** `n` customer ids, seeded, without replacement while there are enough customers. */
export function pickCustomers(ids: readonly string[], n: number, rand: () => number): string[] {
  return sample(ids, n, rand);
}

export interface SearchMix {
  fragments: number;
  orderNumbers: number;
  customerIds: number;
}

/** A substring of 3–8 characters of `text` (whole text when shorter), trimmed. */
function fragment(text: string, rand: () => number): string {
  const len = 3 + randomInt(rand, 6);
  if (text.length <= len) return text;
  const start = randomInt(rand, text.length - len + 1);
  const piece = text.slice(start, start + len).trim();
  return piece.length >= 2 ? piece : text;
}

/**
 * `n` search queries: 50 % fragments of a random customer's name or (when it has one) email, 25 %
 * exact order numbers, 25 % exact customer ids — the lookups a support agent types.
 */
export function searchQueries(conn: SQLite.Database, n: number, rand: () => number): { queries: string[]; mix: SearchMix } {
  const people = conn.prepare('select id, name, email from customers order by id').all() as Array<{
    id: string;
    name: string;
    email: string | null;
  }>;
  const numbers = (conn.prepare('select number from orders order by id').all() as Array<{ number: string }>).map((r) => r.number);
  const mix: SearchMix = { fragments: 0, orderNumbers: 0, customerIds: 0 };
  const queries: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rand();
    const person = people[randomInt(rand, people.length)]!;
    if (kind < 0.5 || numbers.length === 0) {
      const source = person.email && rand() < 0.5 ? person.email : person.name;
      queries.push(fragment(source, rand));
      mix.fragments++;
    } else if (kind < 0.75) {
      queries.push(numbers[randomInt(rand, numbers.length)]!);
      mix.orderNumbers++;
    } else {
      queries.push(person.id);
      mix.customerIds++;
    }
  }
  return { queries, mix };
}
