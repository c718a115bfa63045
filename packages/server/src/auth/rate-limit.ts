/**
 * Write rate limit: an in-memory token bucket per token id (SPEC §8). A bucket holds `perMinute`
 * writes and refills continuously at `perMinute` per minute, so a burst of `perMinute` writes is
 * allowed and then one every 60/perMinute seconds. In memory, for one process; the server keeps
 * the same bucket in the database (shared-rate-limit.ts), one budget across its instances.
 * @module
 */

/** Default writes per minute per token (`C360_WRITE_RATE`). */
export const DEFAULT_WRITE_RATE = 60;

interface Bucket {
  tokens: number;
  at: number;
}

export class WriteRateLimiter {
  readonly perMinute: number;
  private readonly buckets = new Map<string, Bucket>();

  /** `perMinute` 0 = unlimited. */
  constructor(perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute < 0) throw new Error(`write rate ${perMinute}: a whole number ≥ 0`);
    this.perMinute = perMinute;
  }

  /**
   * Takes one write from `key`'s bucket. Returns 0 when allowed, else the whole seconds until the
   * next write is allowed (for `Retry-After`).
   */
  take(key: string, nowMs: number): number {
    if (this.perMinute === 0) return 0;
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: nowMs };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, nowMs - bucket.at) * ratePerMs);
    bucket.at = nowMs;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > 10_000) this.sweep(nowMs);
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }

  /** Forgets buckets that have refilled (equivalent to absent), so memory stays bounded. */
  private sweep(nowMs: number): void {
    const ratePerMs = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (nowMs - b.at) * ratePerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** `C360_WRITE_RATE`: writes per minute per token; `0` or `off` = unlimited; unset = {@link DEFAULT_WRITE_RATE}. */
export function parseWriteRate(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_WRITE_RATE;
  const t = text.trim().toLowerCase();
  if (t === 'off') return 0;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000)
    throw new Error(`C360_WRITE_RATE "${text}": writes per minute per token, a whole number (0 or "off" = unlimited)`);
  return n;
}
