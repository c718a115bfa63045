/**
 * The background refresh of derived state (rule memberships and stored scores, see recompute.ts):
 * checks every few seconds whether the stored evaluation context is stale for this process
 * ({@link targetContext}: two small reads) and, if so, refreshes every customer under a lease, so
 * that several processes sharing one database run each refresh once. GET requests never do this
 * work (they read the last committed state).
 *
 * The lease is a `meta` row (`derived_refresh_lease`, `{"holder", "until"}` with `until` in epoch
 * milliseconds) taken by compare-and-set — an insert when absent, else an update conditioned on the
 * value read — which is atomic on SQLite and PostgreSQL alike. A holder that dies leaves it to expire
 * after `leaseMs`.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { EvalContext } from './facts.js';
import { ensureRuleSegmentsCurrent, targetContext } from './recompute.js';

const LEASE_KEY = 'derived_refresh_lease';

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
 * Takes the lease `key` for `holder` until `now + ttlMs` if it is free, expired or already
 * `holder`'s; returns whether it did.
 */
export async function acquireLease(db: Db, key: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const value = JSON.stringify({ holder, until: now + ttlMs });
  const inserted = await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const current = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  if (!current) return false;
  let lease: { holder?: string; until?: number } = {};
  try {
    lease = JSON.parse(current.value) as typeof lease;
  } catch {
    // An unreadable lease is treated as expired.
  }
  if (lease.holder !== holder && Number(lease.until) > now) return false;
  const updated = await db.updateTable('meta').set({ value }).where('key', '=', key).where('value', '=', current.value).executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Gives the lease `key` up if `holder` has it. */
export async function releaseLease(db: Db, key: string, holder: string): Promise<void> {
  const current = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  if (current && (JSON.parse(current.value) as { holder?: string }).holder === holder) {
    await db.deleteFrom('meta').where('key', '=', key).where('value', '=', current.value).execute();
  }
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
  if (!(await acquireLease(db, LEASE_KEY, holder, options.leaseMs ?? 15 * 60_000))) return false;
  try {
    await ensureRuleSegmentsCurrent(db, ctx);
    return true;
  } finally {
    await releaseLease(db, LEASE_KEY, holder);
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
