/**
 * Quick actions (R14): email the customer, open a support ticket, adjust loyalty points.
 *
 * Every change goes THROUGH the ingestion appliers (`applyEventsIn`: `marketing.email_sent`,
 * `ticket.opened`, `loyalty.points_earned|points_redeemed`), so sections, stats, rule segments, the
 * change feed and the timeline move exactly as for ingested events. Each action is one write of the
 * pipeline (write/pipeline.ts `runWrite`): the event, the audit row (with the actor) and the
 * idempotency record commit in one transaction, and real-time subscribers are woken after the
 * commit.
 *
 * Idempotency (`Idempotency-Key`, like notes): the key is recorded as
 * `action:<kind>:<customerId>:<key>` in `idempotency_keys` with `ref` = JSON
 * `{ fingerprint, result }` (fingerprint: the actor and the request body). A retry with the same key
 * returns `result` and does nothing; the same key with another body or by another caller is a 422.
 * The ingestion event's id IS the key when one is given (a generated id otherwise), so a key that
 * an ingested event already used is refused too (422) rather than silently doing nothing.
 *
 * The email is handed to the transport BETWEEN two transactions: the key is first reserved with a
 * lease (a concurrent retry gets a 409 with `Retry-After` instead of a second message), the
 * transport's outcome is recorded the moment it answers, and the event, audit row and result are
 * then committed together; a transport failure releases the key (502) and records nothing. A
 * process that dies during the send leaves a reservation whose lease runs out: the retry either
 * finds the mail recorded as sent and completes the recording, or sends it once with the same
 * message id (actions/email-reservation.ts).
 * @module
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { EmailAction, EmailQueued, IngestEvent, PointsAction, PointsAdjusted, TicketAction } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import { applyEventsIn, IngestConflict } from '../ingest/apply-events.js';
import { sortableId } from '../write/ids.js';
import { runWrite } from '../write/pipeline.js';
import { checkEmailAllowed, type EmailRecipient } from './contact-rules.js';
import { mailConfigFromEnv, messageIdHeader, type MailConfig } from './mail-transport.js';
import { claimEmailKey, finishEmailKey, leaseFromEnv, markEmailSent, releaseEmailKey, type Claim, type Sent } from './email-reservation.js';

export type ActionKind = 'email' | 'ticket' | 'points' | 'follow-up';

export interface ActionOptions {
  idempotencyKey?: string;
  /** Send time (default: real time). */
  now?: Date;
}

export interface ActionResult<T> {
  result: T;
  /** True when an earlier request with the same Idempotency-Key did it. */
  replayed: boolean;
}

interface Stored<T> {
  fingerprint: string;
  result: T;
}

/** The request an Idempotency-Key stands for: the caller and the body. */
export const fingerprintOf = (actor: Actor, input: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify([actor.tokenId, actor.name, input]))
    .digest('hex');

/** The `idempotency_keys` key of an action's Idempotency-Key. */
export const storeKey = (kind: ActionKind, customerId: string, key: string) => `action:${kind}:${customerId}:${key}`;

function keyReused(key: string, detail: string): ProblemError {
  return new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', `Key "${key}" ${detail}`, [
    { field: 'header.idempotency-key', message: detail },
  ]);
}

/**
 * Reserves the key (its row, `ref` still null) in the caller's transaction, then returns the stored
 * result of an earlier request with this key, if any; 422 for a different request. The reservation
 * comes first so that a concurrent request with the same key — on this or another instance — waits
 * for this transaction's commit and then replays its result (PostgreSQL blocks its insert on the
 * uncommitted row), instead of both finding no key and doing the work twice.
 */
export async function earlier<T>(
  db: Db,
  kind: ActionKind,
  store: string,
  key: string,
  fingerprint: string,
  at: string,
): Promise<T | undefined> {
  await db
    .insertInto('idempotency_keys')
    .values({ key: store, kind: `action.${kind}`, received_at: at, ref: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const seen = await db.selectFrom('idempotency_keys').select('ref').where('key', '=', store).executeTakeFirst();
  if (!seen?.ref) return undefined; // reserved by this transaction just now
  const stored = JSON.parse(seen.ref) as Stored<T>;
  if (stored.fingerprint !== fingerprint) throw keyReused(key, 'was already used for a different request');
  return stored.result;
}

/** Records the result of the action under its reserved key (see {@link earlier}). */
export async function remember<T>(db: Db, kind: ActionKind, store: string, fingerprint: string, result: T, at: string): Promise<void> {
  const ref = JSON.stringify({ fingerprint, result } satisfies Stored<T>);
  await db
    .insertInto('idempotency_keys')
    .values({ key: store, kind: `action.${kind}`, received_at: at, ref })
    .onConflict((oc) => oc.column('key').doUpdateSet({ ref }))
    .execute();
}

/**
 * Applies the action's event. `applied: 0` means the event id (the Idempotency-Key) was already
 * received from elsewhere: refused, since nothing would be done.
 */
async function applyAction(db: Db, event: IngestEvent, now: Date, key: string | undefined): Promise<void> {
  const outcome = await applyEventsIn(db, [event], now);
  if (outcome.applied === 0) throw keyReused(key ?? event.id, 'was already used as the id of another event');
}

async function requireCustomer(db: Db, customerId: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!row) throw customerNotFound(customerId);
}

// ---- email ------------------------------------------------------------------------------------

/**
 * Emails the customer (R14). With a key: a retry returns the first result (`replayed`), or, after
 * a crash during the send, reports the mail as sent or sends it once (see the module comment).
 * @throws ProblemError 404 unknown customer, 409 opt-out / quiet hours / key in progress
 *   (`Retry-After`), 422 no address or key reused, 502 transport failure (nothing recorded).
 */
export async function sendEmailAction(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof EmailAction>,
  options: ActionOptions & { mail?: MailConfig; leaseMs?: number } = {},
): Promise<ActionResult<EmailQueued>> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  const store = key === undefined ? undefined : storeKey('email', customerId, key);
  const fingerprint = fingerprintOf(actor, input);
  const mail = options.mail ?? mailConfigFromEnv();

  // 1. Replay, reservation of the key (or taking over an expired one), contact rules.
  type Step = Exclude<Claim, { kind: 'send' }> | { kind: 'send'; messageId: string; ref?: string; recipient: EmailRecipient };
  const first = await runWrite(
    db,
    async ({ trx }): Promise<Step> => {
      let reserved: { messageId: string; ref: string } | undefined;
      if (store && key !== undefined) {
        const claim = await claimEmailKey(trx, store, key, fingerprint, now, options.leaseMs ?? leaseFromEnv(), sortableId('msg_', now));
        if (claim.kind !== 'send') return claim;
        reserved = claim;
      }
      const recipient = await checkEmailAllowed(trx, customerId, now);
      if (
        key !== undefined &&
        (await trx.selectFrom('idempotency_keys').select('key').where('key', '=', `event:${key}`).executeTakeFirst())
      ) {
        throw keyReused(key, 'was already used as the id of another event'); // before sending anything
      }
      return { kind: 'send', messageId: reserved?.messageId ?? sortableId('msg_', now), ref: reserved?.ref, recipient };
    },
    now,
  );
  if (first.kind === 'done') return { result: first.result, replayed: true };
  if (first.kind === 'sent') return { result: await recordEmail(db, actor, customerId, input, first.sent, key, store), replayed: true };

  // 2. The transport, outside any transaction; its answer is recorded at once.
  const { messageId, ref, recipient } = first;
  let sent: Sent;
  try {
    const outcome = await mail.transport.send({
      id: messageId,
      from: mail.from,
      to: `${recipient.name.replace(/["\\\r\n]/g, '')} <${recipient.email}>`.replace(/^ </, '<'),
      subject: input.subject.replace(/[\r\n]+/g, ' '),
      text: input.body,
      date: now,
      headers: { 'X-C360-Customer': customerId, 'X-C360-Actor': actor.name.replace(/[\r\n]+/g, ' ') },
    });
    sent = {
      state: 'sent',
      fingerprint,
      messageId,
      queuedAt: now.toISOString(),
      transport: mail.transport.name,
      response: outcome.response,
    };
  } catch (error) {
    if (store && ref) await releaseEmailKey(db, store, ref);
    if (error instanceof ProblemError) throw error;
    throw new ProblemError(
      502,
      'mail-transport-failed',
      'Email not sent',
      `The ${mail.transport.name} transport failed: ${(error as Error).message}`,
    );
  }
  if (store && ref) await markEmailSent(db, store, ref, sent);

  // 3. The marketing event (marketing section, timeline), audit row and result, together.
  return { result: await recordEmail(db, actor, customerId, input, sent, key, store), replayed: false };
}

/** Commits what a sent email changes: its `marketing.email_sent` event, the audit row and the key's result. */
async function recordEmail(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof EmailAction>,
  sent: Sent,
  key: string | undefined,
  store: string | undefined,
): Promise<EmailQueued> {
  const { messageId, queuedAt } = sent;
  const result: EmailQueued = { messageId, transport: sent.transport, queuedAt };
  const at = new Date(queuedAt);
  await runWrite(
    db,
    async (w) => {
      await applyAction(
        w.trx,
        {
          id: key ?? `action:email:${messageId}`,
          type: 'marketing.email_sent',
          occurredAt: queuedAt,
          data: { customerId, campaignId: `manual:${messageId}`, campaignName: input.subject, channel: 'email' },
        },
        at,
        key,
      );
      await w.audit({
        actor: actor.name,
        action: 'email.sent',
        customerId,
        details: {
          messageId,
          messageIdHeader: messageIdHeader(messageId),
          transport: sent.transport,
          transportResponse: sent.response,
          subject: input.subject,
          length: input.body.length,
        },
      });
      if (store) await finishEmailKey(w.trx, store, sent.fingerprint, result);
    },
    at,
  );
  return result;
}

// ---- ticket -----------------------------------------------------------------------------------

/** Opens the ticket; returns its id (the caller reads the summary after the commit). */
export async function createTicketAction(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof TicketAction>,
  options: ActionOptions = {},
): Promise<ActionResult<{ ticketId: string }>> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  const store = key === undefined ? undefined : storeKey('ticket', customerId, key);
  const fingerprint = fingerprintOf(actor, input);
  return runWrite(
    db,
    async (w): Promise<ActionResult<{ ticketId: string }>> => {
      const { trx } = w;
      if (store && key !== undefined) {
        const result = await earlier<{ ticketId: string }>(trx, 'ticket', store, key, fingerprint, now.toISOString());
        if (result) return { result, replayed: true };
      }
      await requireCustomer(trx, customerId);
      const at = now.toISOString();
      const ticketId = sortableId('tkt_', now);
      await applyAction(
        trx,
        {
          id: key ?? `action:ticket:${ticketId}`,
          type: 'ticket.opened',
          occurredAt: at,
          data: {
            customerId,
            ticketId,
            subject: input.subject,
            priority: input.priority,
            actor: actor.name,
            ...(input.channel ? { channel: input.channel } : {}),
            ...(input.body ? { description: input.body } : {}),
          },
        },
        now,
        key,
      );
      await w.audit({
        actor: actor.name,
        action: 'ticket.created',
        customerId,
        details: { ticketId, priority: input.priority, channel: input.channel ?? null },
      });
      const result = { ticketId };
      if (store) await remember(trx, 'ticket', store, fingerprint, result, at);
      return { result, replayed: false };
    },
    now,
  );
}

// ---- points -----------------------------------------------------------------------------------

export async function adjustPointsAction(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof PointsAction>,
  options: ActionOptions = {},
): Promise<ActionResult<PointsAdjusted>> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  const store = key === undefined ? undefined : storeKey('points', customerId, key);
  const fingerprint = fingerprintOf(actor, input);
  return runWrite(
    db,
    async (w): Promise<ActionResult<PointsAdjusted>> => {
      const { trx } = w;
      if (store && key !== undefined) {
        const result = await earlier<PointsAdjusted>(trx, 'points', store, key, fingerprint, now.toISOString());
        if (result) return { result, replayed: true };
      }
      await requireCustomer(trx, customerId);
      const at = now.toISOString();
      const transactionId = key ?? `action:points:${sortableId('pts_', now)}`;
      const earn = input.points > 0;
      const data = { customerId, points: Math.abs(input.points), reason: input.reason };
      try {
        await applyAction(
          trx,
          earn
            ? { id: transactionId, type: 'loyalty.points_earned', occurredAt: at, data }
            : { id: transactionId, type: 'loyalty.points_redeemed', occurredAt: at, data },
          now,
          key,
        );
      } catch (error) {
        if (error instanceof IngestConflict) {
          const title = earn ? 'Points cannot be added' : 'Not enough points';
          throw new ProblemError(
            422,
            'insufficient-points',
            title,
            `Cannot take ${data.points} points: ${error.reason.replace(/^redeems \d+ points but /, '')}`,
            [{ field: 'body.points', message: error.reason }],
          );
        }
        throw error;
      }
      const account = await trx
        .selectFrom('loyalty_accounts')
        .select(['points_balance', 'lifetime_points', 'tier'])
        .where('customer_id', '=', customerId)
        .executeTakeFirstOrThrow();
      const result: PointsAdjusted = {
        transactionId,
        points: input.points,
        balance: Number(account.points_balance),
        lifetimePoints: Number(account.lifetime_points),
        tier: account.tier,
      };
      await w.audit({
        actor: actor.name,
        action: 'loyalty.points_adjusted',
        customerId,
        details: { transactionId, points: input.points, reason: input.reason, balance: result.balance },
      });
      if (store) await remember(trx, 'points', store, fingerprint, result, at);
      return { result, replayed: false };
    },
    now,
  );
}
