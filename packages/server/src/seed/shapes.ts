/**
 * The shapes of the synthetic data set (`c360 seed`), fitted to the UCI Online Retail data
 * (4,372 customers, 18,532 orders and 3,654 cancellations, 2010-12-01 – 2011-12-09, 37 countries):
 * orders per customer (36 % buy once, mean ≈ 4.2, a Zipf-like tail up to a few hundred), gaps
 * between orders (median ≈ 30 days), order totals (median ≈ £300, log-normal), about one order in
 * six followed by a cancellation refund, and the country mix (≈ 89 % United Kingdom). Products
 * are drawn from a catalogue with Zipf popularity. A small, fast seeded generator (sfc32) keeps a
 * million customers cheap and every customer independent of the others: customer `i` of seed `S`
 * is the same in every run, whatever the size.
 * @module
 */

/** First and last day of the Online Retail data: generated orders fall between them. */
export const SEED_START = Date.UTC(2010, 11, 1, 8, 0);
export const SEED_AS_OF = Date.UTC(2011, 11, 9, 12, 50);
const DAY = 86_400_000;

/** sfc32 over four 32-bit words: a fast, well-mixed seeded generator. */
export class SeedRng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: number) {
    this.a = seed >>> 0;
    this.b = stream >>> 0;
    this.c = 0x9e3779b9;
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Log-normal with the given median; `sigma` is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next()));
  }

  /** Index in [0, n) with probability ∝ 1 / (index + 1)^s (inverse CDF over a precomputed table). */
  zipf(cdf: Float64Array): number {
    const x = this.next() * cdf[cdf.length - 1]!;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Cumulative Zipf weights of `n` ranks with exponent `s`, for {@link SeedRng.zipf}. */
export function zipfTable(n: number, s: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** s;
    cdf[i] = sum;
  }
  return cdf;
}

/** Countries and their share of Online Retail customers. */
export const COUNTRIES: ReadonlyArray<readonly [string, number]> = [
  ['United Kingdom', 0.887],
  ['Germany', 0.022],
  ['France', 0.02],
  ['Spain', 0.007],
  ['Belgium', 0.006],
  ['Switzerland', 0.005],
  ['Portugal', 0.0044],
  ['Italy', 0.0034],
  ['Finland', 0.0028],
  ['Austria', 0.0025],
  ['Norway', 0.0023],
  ['Netherlands', 0.0021],
  ['Australia', 0.002],
  ['Denmark', 0.0021],
  ['EIRE', 0.0007],
  ['Channel Islands', 0.0021],
  ['Sweden', 0.0018],
  ['Cyprus', 0.0018],
  ['Japan', 0.0018],
  ['Poland', 0.0014],
  ['USA', 0.0009],
  ['Canada', 0.0009],
  ['Israel', 0.0009],
  ['Greece', 0.0009],
  ['Iceland', 0.0002],
];
const COUNTRY_CDF = (() => {
  let sum = 0;
  return COUNTRIES.map(([, w]) => (sum += w));
})();

export function country(rng: SeedRng): string {
  const x = rng.next() * COUNTRY_CDF[COUNTRY_CDF.length - 1]!;
  const i = COUNTRY_CDF.findIndex((c) => x < c);
  return COUNTRIES[i === -1 ? 0 : i]![0];
}

/**
 * Completed orders of a customer: 1 + ⌊log-normal(median 1.5, σ 1.1)⌋ — 36 % one order, mean ≈ 4 —
 * and one customer in a thousand a wholesaler with 50–250 orders (the Zipf-heavy head).
 */
export function orderCount(rng: SeedRng): number {
  if (rng.chance(0.001)) return rng.int(50, 250);
  return Math.min(250, 1 + Math.floor(rng.logNormal(1.5, 1.1)));
}

/**
 * Placed times of `n` orders, oldest first, within the data's year: the first uniformly placed so
 * that the gaps fit; gaps log-normal with a median of 30 days, squeezed to fit when they do not.
 */
export function orderTimes(rng: SeedRng, n: number): number[] {
  const gaps = Array.from({ length: n - 1 }, () => Math.max(0.02, rng.logNormal(30, 1)) * DAY);
  const span = gaps.reduce((s, g) => s + g, 0);
  const window = SEED_AS_OF - SEED_START - DAY;
  const scale = span > window * 0.9 ? (window * 0.9) / span : 1;
  const first = SEED_START + rng.next() * (window - span * scale);
  const times = [Math.floor(first)];
  for (const gap of gaps) times.push(Math.floor(times[times.length - 1]! + gap * scale));
  return times;
}

/** Order total in pence: log-normal, median £300, σ 0.9, at least £1. */
export const orderTotalPence = (rng: SeedRng): number => Math.max(100, Math.round(rng.logNormal(30_000, 0.9)));

/** Lines of an order: 1–12, median 3 (Online Retail invoices have more; kept small so 1M customers fit the budget). */
export const lineCount = (rng: SeedRng): number => Math.min(12, 1 + Math.floor(rng.logNormal(2, 0.8)));

/** Probability that an order is followed by a cancellation refund (3,654 / 22,186 invoices). */
export const REFUND_RATE = 0.16;
