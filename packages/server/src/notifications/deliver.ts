/**
 * Email and webhook delivery of notifications, from the `notification_deliveries` log. A due
 * delivery (`pending`, `next_attempt_at` ≤ now) is leased (the named lease `notification-delivery:<id>`,
 * db/lease.ts, which one server instance wins), read again (still due: another instance may just
 * have attempted it), attempted, and then `delivered`, or retried after `backoffMs × 2^(attempts − 1)`, or
 * `failed` after `maxAttempts` (docs/configuration.md). Email goes through the configured mail
 * transport (actions/mail-transport.ts); a webhook is a JSON POST ({@link NotificationWebhook})
 * signed with HMAC-SHA256 (signature.ts) that succeeds on a 2xx answer within 10 s.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { NotificationWebhook } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { acquireLease, releaseLease } from '../db/lease.js';
import { mailConfigFromEnv, type MailConfig } from '../actions/mail-transport.js';
import { sortableId } from '../write/ids.js';
import { notificationConfig, type NotificationConfig } from './config.js';
import { SIGNATURE_HEADER, signWebhook } from './signature.js';
import { notificationDb, type NotificationDeliveriesTable, type NotificationsTable } from './tables.js';
import { toNotification } from './store.js';

/** How long an instance holds a delivery it is attempting. */
const LEASE_MS = 60_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface DeliveryOptions {
  mail?: MailConfig;
  config?: NotificationConfig;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Attempts every due delivery once. Returns how many were attempted. */
export async function deliverDue(db: Db, options: DeliveryOptions = {}): Promise<number> {
  const owner = randomUUID(); // this call's name in the leases it takes
  const ndb = notificationDb(db);
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  const due = await ndb
    .selectFrom('notification_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .orderBy('next_attempt_at')
    .limit(100)
    .execute();
  let attempted = 0;
  for (const { id } of due) {
    const lease = `notification-delivery:${id}`;
    if (!(await acquireLease(db, lease, owner, LEASE_MS, now.getTime()))) continue; // another instance has it
    try {
      const d = await ndb
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .executeTakeFirst();
      if (!d) continue; // attempted meanwhile
      const notification = await ndb.selectFrom('notifications').selectAll().where('id', '=', d.notification_id).executeTakeFirst();
      if (!notification) continue;
      attempted += 1;
      await attempt(db, d, notification, options, now);
    } finally {
      await releaseLease(db, lease, owner);
    }
  }
  return attempted;
}

async function attempt(db: Db, d: NotificationDeliveriesTable, n: NotificationsTable, options: DeliveryOptions, now: Date): Promise<void> {
  const config = options.config ?? notificationConfig();
  const attempts = d.attempts + 1;
  let status: number | null = null;
  let error: string | null = null;
  try {
    if (d.channel === 'email') await sendEmail(d, n, options.mail ?? mailConfigFromEnv(), now);
    else status = await postWebhook(d, n, config, options.fetch ?? globalThis.fetch, now);
  } catch (e) {
    error = (e as Error).message || String(e);
    status = (e as { status?: number }).status ?? null;
  }
  const finished = new Date().toISOString();
  const ndb = notificationDb(db);
  if (error === null) {
    await ndb
      .updateTable('notification_deliveries')
      .set({
        status: 'delivered',
        attempts,
        delivered_at: finished,
        response_status: status,
        last_error: null,
        next_attempt_at: null,
      })
      .where('id', '=', d.id)
      .execute();
    return;
  }
  const last = attempts >= config.maxAttempts;
  await ndb
    .updateTable('notification_deliveries')
    .set({
      status: last ? 'failed' : 'pending',
      attempts,
      response_status: status,
      last_error: error.slice(0, 500),
      next_attempt_at: last ? null : new Date(now.getTime() + config.backoffMs * 2 ** (attempts - 1)).toISOString(),
    })
    .where('id', '=', d.id)
    .execute();
}

async function sendEmail(d: NotificationDeliveriesTable, n: NotificationsTable, mail: MailConfig, now: Date): Promise<void> {
  await mail.transport.send({
    id: sortableId('msg_', now),
    from: mail.from,
    to: d.target,
    subject: `[c360] ${n.title}`,
    text: `${n.title}\n\n${n.body}\n\nRaised ${n.created_at} for ${n.recipient}.\n`,
    date: now,
    headers: { 'X-C360-Customer': n.customer_id, 'X-C360-Notification': n.id },
  });
}

async function postWebhook(
  d: NotificationDeliveriesTable,
  n: NotificationsTable,
  config: NotificationConfig,
  doFetch: typeof fetch,
  now: Date,
): Promise<number> {
  if (!config.webhookSecret) throw new Error('no webhook secret configured (C360_WEBHOOK_SECRET)');
  const payload: NotificationWebhook = { type: 'notification', recipient: n.recipient, notification: toNotification(n) };
  const body = JSON.stringify(payload);
  const res = await doFetch(d.target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(config.webhookSecret, body, now),
      'C360-Delivery': d.id,
    },
    body,
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    redirect: 'manual',
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw Object.assign(new Error(`webhook answered ${res.status}`), { status: res.status });
  return res.status;
}

/** Runs {@link deliverDue} after each commit and again when the next retry is due (one per database). */
export class DeliveryWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    readonly options: DeliveryOptions = {},
  ) {}

  /** Attempts what is due now (coalesced with a run in progress); schedules the next retry. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await deliverDue(this.db, this.options).catch((error: unknown) => console.error('notification delivery:', error));
      } while (this.again);
      await this.scheduleNext().catch(() => undefined);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the retry timer. */
  stop(): void {
    clearTimeout(this.timer);
  }

  private async scheduleNext(): Promise<void> {
    const next = await notificationDb(this.db)
      .selectFrom('notification_deliveries')
      .select('next_attempt_at')
      .where('status', '=', 'pending')
      .where('next_attempt_at', 'is not', null)
      .orderBy('next_attempt_at')
      .limit(1)
      .executeTakeFirst();
    clearTimeout(this.timer);
    if (!next?.next_attempt_at) return;
    const wait = Math.max(0, new Date(next.next_attempt_at).getTime() - Date.now());
    this.timer = setTimeout(() => void this.kick(), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }
}

const workers = new WeakMap<Db, DeliveryWorker>();

/** The delivery worker of a database (created on first use with `options`). */
export function deliveryWorker(db: Db, options?: DeliveryOptions): DeliveryWorker {
  let worker = workers.get(db);
  if (!worker) {
    worker = new DeliveryWorker(db, options);
    workers.set(db, worker);
  }
  return worker;
}

/**
 * Kicks the delivery worker of a served database every `seconds` (croner, default 30): deliveries
 * raised by another process (`c360 import events`) or left by a stopped server go out too.
 * Returns the job (call `stop()`).
 */
export function startDeliveryPolling(db: Db, seconds = 30): Cron {
  const every = Math.min(59, Math.max(1, Math.trunc(seconds)));
  return new Cron(`*/${every} * * * * *`, { unref: true, protect: true }, () => deliveryWorker(db).kick());
}
