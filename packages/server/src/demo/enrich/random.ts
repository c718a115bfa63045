/**
 * Seeded randomness and time arithmetic for the demo enrichment. Every section of every customer
 * draws from its own faker seeded with the FNV-1a hash of `<customer id>:<section>`, so sections
 * are independent of each other and of the customer's position: same input, same data, every run.
 * @module
 */
import { base, Faker } from '@faker-js/faker';

/** FNV-1a 32-bit hash: a stable seed from a text. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One faker, reseeded for each section (constructing one per section costs more than the work). */
const shared = new Faker({ locale: base });
let generation = 0;

/**
 * A seeded source of numbers with the few distributions the generators need. Only the latest one
 * handed out by {@link rngFor} may be used (they share one faker); an older one throws.
 */
export class Rng {
  private readonly generation = ++generation;

  constructor(seed: number) {
    shared.seed(seed);
  }

  /** The seeded faker, for its helpers (e.g. `helpers.arrayElements`). */
  get faker(): Faker {
    if (this.generation !== generation) throw new Error('demo enrichment: a stale Rng was used after rngFor() seeded another');
    return shared;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.faker.number.float({ min: 0, max: 1 });
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A key of `weights` chosen with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = (Object.entries(weights) as Array<[K, number]>).filter(([, w]) => w > 0);
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [key, w] of entries) {
      x -= w;
      if (x < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** An index of `weights` (non-negative, not all 0) chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    const total = weights.reduce((s, w) => s + w, 0);
    let x = this.next() * total;
    let last = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i]! <= 0) continue;
      last = i;
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return last;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median; `sigma` is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** The seeded source for one section of one customer: same customer and section, same numbers. */
export function rngFor(customerId: string, section: string): Rng {
  return new Rng(seedOf(`${customerId}:${section}`));
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Last millisecond of the month `months` after the month of `ms` (UTC). */
export function endOfMonthAfter(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 1) - 1;
}

/** Relative weight of each UTC weekday (0 = Sunday) for visits of a UK trade customer. */
export const WEEKDAY_WEIGHT = [0.45, 1.0, 1.1, 1.1, 1.2, 0.9, 0.25] as const;

/** Relative weight of each hour of the day: UK office hours, a lunch dip, a small evening tail. */
export const HOUR_WEIGHT: Readonly<Record<string, number>> = {
  7: 2,
  8: 5,
  9: 9,
  10: 12,
  11: 12,
  12: 9,
  13: 10,
  14: 12,
  15: 11,
  16: 8,
  17: 5,
  18: 3,
  19: 3,
  20: 3,
  21: 2,
  22: 1,
};

/** A time on the UTC day starting at `dayStart`, at an office-hours-weighted hour and random minute. */
export function officeTime(rng: Rng, dayStart: number): number {
  const hour = Number(rng.weighted(HOUR_WEIGHT));
  return dayStart + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/** Start (00:00 UTC) of the day holding `ms`. */
export const dayStart = (ms: number): number => Math.floor(ms / DAY) * DAY;
