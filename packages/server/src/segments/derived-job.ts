/**
 * The background refresh of derived state (rule memberships and stored scores, see recompute.ts):
 * checks every few seconds whether the stored evaluation context is stale for this process
 * ({@link targetContext}: two small reads) and, if so, refreshes every customer under a lease, so
 * that several processes sharing one database run each refresh once. GET requests never do this
 * work (they read the last committed state).
 *
 * The lease is the named lease `derived-refresh` (db/lease.ts); a holder that dies leaves it to
 * expire after `leaseMs`.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { acquireLease, releaseLease } from '../db/lease.js';
import type { EvalContext } from './facts.js';
import { ensureRuleSegmentsCurrent, targetContext } from './recompute.js';

const LEASE_NAME = 'derived-refresh';

export interface DerivedRefreshOptions {
  /** Milliseconds between two staleness checks (default 5,000). */
  intervalMs?: number;
  /** Longest a refresh may hold the lease, in milliseconds (default 15 minutes). */
  leaseMs?: number;
  /** This process's name in the lease (default a random UUID). */
  holder?: string;
  /** Reports a failed refresh (default `console.error`); the job keeps running. */
  onError?: (error: unknown) => void;
}

/**
 * One step of the job: refreshes the derived state if it is stale for `ctx` and this process gets
 * the lease. Resolves to whether it refreshed.
 */
export async function refreshDerivedIfStale(
  db: Db,
  ctx: EvalContext,
  options: Pick<DerivedRefreshOptions, 'leaseMs' | 'holder'> = {},
): Promise<boolean> {
  if (!(await targetContext(db, ctx)).stale) return false;
  const holder = options.holder ?? randomUUID();
  if (!(await acquireLease(db, LEASE_NAME, holder, options.leaseMs ?? 15 * 60_000))) return false;
  try {
    await ensureRuleSegmentsCurrent(db, ctx);
    return true;
  } finally {
    await releaseLease(db, LEASE_NAME, holder);
  }
}

/** A running refresh job. */
export interface DerivedRefreshJob {
  /** Stops checking; resolves when a refresh in progress has finished. */
  stop(): Promise<void>;
}

/** Starts the job: a check at once, then every `intervalMs` (never two at a time in one process). */
export function startDerivedRefresh(db: Db, ctx: EvalContext, options: DerivedRefreshOptions = {}): DerivedRefreshJob {
  const holder = options.holder ?? randomUUID();
  const onError = options.onError ?? ((error: unknown) => console.error('c360: derived-state refresh failed', error));
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = refreshDerivedIfStale(db, ctx, { holder, leaseMs: options.leaseMs }).catch(onError);
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 5_000);
    });
  };
  let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
