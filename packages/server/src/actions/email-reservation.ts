/**
 * The Idempotency-Key of the email quick action across the mail transport, which cannot take part
 * in a transaction. The key's row in `idempotency_keys` (key `action:email:<customer>:<key>`) goes
 * through three states, its `ref` a JSON record:
 *
 * - `pending` `{fingerprint, messageId, leaseUntil}`: reserved before the send, with a lease
 *   (`C360_IDEMPOTENCY_LEASE`, default 2 minutes, longer than any SMTP stall, see
 *   SMTP_TIMEOUT_MS). A retry within the lease is a 409 with `Retry-After`; after it (the process
 *   died during the send) a retry takes the reservation over and sends the message ONCE MORE WITH
 *   THE SAME message id — an SMTP server only has a message once it answered 250, which the dead
 *   process never saw recorded;
 * - `sent` `{fingerprint, messageId, queuedAt, transport, response}`: the transport took the
 *   message (its reply recorded at once); a retry finds the mail sent and only completes the
 *   recording (event, audit row) — never a second copy;
 * - done `{fingerprint, result}`: everything committed; a retry returns `result`.
 * A transport failure deletes the pending record (502, the key can be used again).
 * @module
 */
import type { EmailQueued } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { ProblemError } from '../core/problem.js';
import { parseTtl } from '../auth/ttl.js';

/** Default lease of a reservation: 2 minutes. */
export const DEFAULT_LEASE_MS = 120_000;

/** The lease from `C360_IDEMPOTENCY_LEASE` (`30s`, `2m`, …); throws naming the variable when malformed. */
export function leaseFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.C360_IDEMPOTENCY_LEASE?.trim();
  return text ? parseTtl(text, 'C360_IDEMPOTENCY_LEASE') : DEFAULT_LEASE_MS;
}

export interface Pending {
  state: 'pending';
  fingerprint: string;
  messageId: string;
  leaseUntil: string;
}
export interface Sent {
  state: 'sent';
  fingerprint: string;
  messageId: string;
  queuedAt: string;
  transport: EmailQueued['transport'];
  response: string;
}
interface Done {
  state: 'done';
  fingerprint: string;
  result: EmailQueued;
}
type Reservation = Pending | Sent | Done;

/** The record a `ref` holds. The bare `pending` of earlier versions is a pending record without a fingerprint. */
function parse(ref: string | null, receivedAt: string, leaseMs: number): Reservation | undefined {
  if (ref === 'pending') {
    return { state: 'pending', fingerprint: '', messageId: '', leaseUntil: new Date(Date.parse(receivedAt) + leaseMs).toISOString() };
  }
  if (!ref) return undefined;
  const value = JSON.parse(ref) as Partial<Reservation> & { result?: EmailQueued };
  if (value.state === 'pending' || value.state === 'sent') return value as Reservation;
  return value.result ? { state: 'done', fingerprint: value.fingerprint ?? '', result: value.result } : undefined;
}

function keyReused(key: string): ProblemError {
  return new ProblemError(
    422,
    'idempotency-key-reused',
    'Idempotency-Key reused',
    `Key "${key}" was already used for a different request`,
    [{ field: 'header.idempotency-key', message: 'was already used for a different request' }],
  );
}

/** What a claim found: a fresh or taken-over reservation (send with `messageId`), a mail already sent, or a finished request. */
export type Claim = { kind: 'send'; messageId: string; ref: string } | { kind: 'sent'; sent: Sent } | { kind: 'done'; result: EmailQueued };

/**
 * Reserves `store` for this request, in the caller's transaction (rolled back with it when a
 * contact rule refuses the mail). `messageId` is used for a new reservation.
 * @throws ProblemError 409 (`Retry-After`) while another request holds the lease; 422 when the key
 *   belongs to a different request.
 */
export async function claimEmailKey(
  trx: Db,
  store: string,
  key: string,
  fingerprint: string,
  now: Date,
  leaseMs: number,
  messageId: string,
): Promise<Claim> {
  const row = await trx.selectFrom('idempotency_keys').select(['ref', 'received_at']).where('key', '=', store).executeTakeFirst();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  if (!row) {
    const ref = JSON.stringify({ state: 'pending', fingerprint, messageId, leaseUntil } satisfies Pending);
    await trx.insertInto('idempotency_keys').values({ key: store, kind: 'action.email', received_at: now.toISOString(), ref }).execute();
    return { kind: 'send', messageId, ref };
  }
  const found = parse(row.ref, row.received_at, leaseMs);
  if (!found || (found.fingerprint !== '' && found.fingerprint !== fingerprint)) throw keyReused(key);
  if (found.state === 'done') return { kind: 'done', result: found.result };
  if (found.state === 'sent') return { kind: 'sent', sent: found };
  const wait = Math.ceil((Date.parse(found.leaseUntil) - now.getTime()) / 1000);
  if (wait > 0) {
    throw new ProblemError(
      409,
      'idempotency-key-in-progress',
      'Request in progress',
      `A request with Idempotency-Key "${key}" is being sent; retry in ${wait} s`,
      undefined,
      { 'retry-after': String(wait) },
    );
  }
  // The lease ran out: whoever held it died during the send. Take over (compare-and-set on the old record).
  const ref = JSON.stringify({ state: 'pending', fingerprint, messageId: found.messageId || messageId, leaseUntil } satisfies Pending);
  const taken = await trx
    .updateTable('idempotency_keys')
    .set({ ref })
    .where('key', '=', store)
    .where('ref', '=', row.ref)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1)
    throw new ProblemError(409, 'idempotency-key-in-progress', 'Request in progress', `Key "${key}" was just taken over; retry shortly`);
  return { kind: 'send', messageId: found.messageId || messageId, ref };
}

/** Records that the transport took the message (right after `send`, before anything else). */
export async function markEmailSent(db: Db, store: string, pendingRef: string, sent: Sent): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ ref: JSON.stringify(sent) })
    .where('key', '=', store)
    .where('ref', '=', pendingRef)
    .execute();
}

/** Frees the reservation after a transport failure (nothing was sent). */
export async function releaseEmailKey(db: Db, store: string, pendingRef: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('key', '=', store).where('ref', '=', pendingRef).execute();
}

/** The finished record (in the transaction that records the event and the audit row). */
export async function finishEmailKey(trx: Db, store: string, fingerprint: string, result: EmailQueued): Promise<void> {
  const ref = JSON.stringify({ fingerprint, result });
  await trx
    .insertInto('idempotency_keys')
    .values({ key: store, kind: 'action.email', received_at: result.queuedAt, ref })
    .onConflict((oc) => oc.column('key').doUpdateSet({ ref }))
    .execute();
}
