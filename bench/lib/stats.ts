/**
 * Timing primitives of the benchmarks: a seeded PRNG for reproducible picks, nearest-rank
 * percentiles, and a sequential measuring loop (warm-up, then one `performance.now()` pair per call).
 * @module
 */
import { readFileSync } from 'node:fs';

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns floats in [0, 1). Same seed → same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [0, n). */
export function randomInt(rand: () => number, n: number): number {
  return Math.floor(rand() * n);
}

/**
 * `k` items of `items` in random order: without replacement while `k ≤ items.length` (a partial
 * Fisher–Yates shuffle), then cycling through the shuffled list again.
 */
export function sample<T>(items: readonly T[], k: number, rand: () => number): T[] {
  const pool = [...items];
  const n = pool.length;
  if (n === 0) return [];
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(rand, n - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return Array.from({ length: k }, (_, i) => pool[i % take]!);
}

/** Nearest-rank percentile of ascending `sorted` (p in 0–100): the smallest value ≥ p % of the samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Latency distribution of one measured series, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Calls per second over the timed loop's wall time (sequential: one call in flight). */
  throughput: number;
  /**
   * Share of the loop's wall time the main (JavaScript) thread was runnable but waiting for a core
   * (Linux run-queue wait from /proc schedstat), when known. ≈ 0 on a quiet machine; 0.2 means a
   * fifth of the time was lost to other load and the percentiles are inflated accordingly.
   */
  waited?: number;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** Main thread's run-queue wait so far, in ms (Linux), else undefined. */
export function mainThreadWaitMs(): number | undefined {
  try {
    const [, waitNs] = readFileSync(SCHEDSTAT, 'utf8').trim().split(/\s+/).map(Number);
    return Number.isFinite(waitNs) ? waitNs! / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

export function summarize(samplesMs: readonly number[], wallMs: number, waitedMs?: number): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
    throughput: wallMs > 0 ? (sorted.length * 1000) / wallMs : Number.NaN,
    waited: waitedMs !== undefined && wallMs > 0 ? waitedMs / wallMs : undefined,
  };
}

export interface MeasureOptions<T> {
  /** Inputs of the warm-up calls (results discarded); cycled when shorter than `warmup`. */
  warmupInputs: readonly T[];
  /** Number of warm-up calls (default 100). */
  warmup?: number;
}

/**
 * Calls `fn` once per input, sequentially, after the warm-up; returns the distribution.
 * Synchronous results are not awaited, so a synchronous `fn` (raw SQL) pays no microtask.
 * A garbage collection is requested before the loop when the process runs with `--expose-gc`.
 */
export async function measure<T>(inputs: readonly T[], fn: (input: T) => unknown, options: MeasureOptions<T>): Promise<Summary> {
  const warmup = options.warmup ?? 100;
  const warm = options.warmupInputs.length ? options.warmupInputs : inputs;
  for (let i = 0; i < warmup; i++) {
    const r = fn(warm[i % warm.length]!);
    if (r instanceof Promise) await r;
  }
  (globalThis as { gc?: () => void }).gc?.();
  const samples = new Array<number>(inputs.length);
  const wait0 = mainThreadWaitMs();
  const started = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    const r = fn(inputs[i]!);
    if (r instanceof Promise) await r;
    samples[i] = performance.now() - t0;
  }
  const wall = performance.now() - started;
  const wait1 = mainThreadWaitMs();
  return summarize(samples, wall, wait0 !== undefined && wait1 !== undefined ? wait1 - wait0 : undefined);
}

/** Milliseconds for tables: 3 decimals under 1 ms, 2 under 100 ms, else 0. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
}

/** A fraction as a percentage with no decimals, or blank when unknown. */
export function pct(fraction: number | undefined): string {
  return fraction === undefined || !Number.isFinite(fraction) ? '' : `${Math.round(fraction * 100)} %`;
}

/** Integers with thousands separators. */
export function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}
