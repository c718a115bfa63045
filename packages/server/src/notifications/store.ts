/**
 * Raising, listing and reading notifications. {@link raiseNotifications} runs in the write's
 * transaction: for each trigger and each subscribed user whose kinds include it and whose role
 * receives it ({@link NOTIFICATION_KIND_MIN_ROLE}), one `notifications` row — unique per recipient
 * and `<kind>:<customer>:<trigger key>`, so a re-applied change raises nothing new — plus one
 * pending `notification_deliveries` row per email/webhook channel, and an `audit_log` row
 * (`notification.raised`). Marking read is audited too (`notification.read`).
 * @module
 */
import {
  NOTIFICATION_KIND_MIN_ROLE,
  ROLES,
  type Notification,
  type NotificationKind,
  type NotificationsPage,
  NotificationsQuery,
  type Role,
} from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { ProblemError } from '../core/problem.js';
import { sortableId } from '../write/ids.js';
import { runWrite, runWriteIn } from '../write/pipeline.js';
import { notificationDb, type NotificationsTable } from './tables.js';
import type { Subscriber } from './preferences.js';
import type { Trigger } from './rules.js';

/** True when `role` receives notifications of `kind`. */
export function roleReceives(role: string, kind: NotificationKind): boolean {
  const rank = ROLES.indexOf(role as Role);
  return rank >= 0 && rank >= ROLES.indexOf(NOTIFICATION_KIND_MIN_ROLE[kind]);
}

export function toNotification(row: NotificationsTable): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    customerId: row.customer_id,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * Raises the notifications of `triggers` in the caller's transaction (see the module comment) for
 * the `subscribers` (preferences.ts). Returns the rows created (empty when all were raised before).
 */
export async function raiseNotifications(
  trx: Db,
  triggers: readonly Trigger[],
  now: Date,
  subscribers: readonly Subscriber[],
): Promise<NotificationsTable[]> {
  if (triggers.length === 0 || subscribers.length === 0) return [];
  return runWriteIn(
    trx,
    async (w) => {
      const ndb = notificationDb(trx);
      const at = now.toISOString();
      const names = new Map<string, string>();
      const created: NotificationsTable[] = [];
      for (const t of triggers) {
        if (!names.has(t.customerId)) {
          const c = await trx.selectFrom('customers').select('name').where('id', '=', t.customerId).executeTakeFirst();
          names.set(t.customerId, c?.name ?? t.customerId);
        }
        for (const user of subscribers) {
          if (!user.kinds.includes(t.kind) || !roleReceives(user.role, t.kind)) continue;
          const row: NotificationsTable = {
            id: sortableId('ntf_', now),
            recipient: user.name,
            kind: t.kind,
            customer_id: t.customerId,
            title: t.title,
            body: `${names.get(t.customerId)} (customer ${t.customerId})${t.body ? `: ${t.body}` : ''}`,
            dedup_key: `${t.kind}:${t.customerId}:${t.key}`,
            created_at: at,
            read_at: null,
          };
          const inserted = await ndb
            .insertInto('notifications')
            .values(row)
            .onConflict((oc) => oc.columns(['recipient', 'dedup_key']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
          created.push(row);
          const targets = [
            ...(user.channels.includes('email') && user.email ? [['email', user.email] as const] : []),
            ...(user.channels.includes('webhook') && user.webhookUrl ? [['webhook', user.webhookUrl] as const] : []),
          ];
          for (const [channel, target] of targets) {
            await ndb
              .insertInto('notification_deliveries')
              .values({
                id: sortableId('dlv_', now),
                notification_id: row.id,
                channel,
                target,
                status: 'pending',
                attempts: 0,
                next_attempt_at: at,
                last_error: null,
                response_status: null,
                delivered_at: null,
                created_at: at,
              })
              .execute();
          }
          await w.audit({
            actor: 'c360 notification rules',
            action: 'notification.raised',
            customerId: t.customerId,
            details: { id: row.id, kind: t.kind, recipient: user.name, trigger: t.key, channels: user.channels },
          });
        }
      }
      if (created.length > 0) w.wake(); // live subscribers and deliveries, after the commit
      return created;
    },
    now,
  );
}

/** The caller's notifications, newest first, keyset-paginated by id; with the unread count. */
export async function listNotifications(db: Db, recipient: string, query: z.output<typeof NotificationsQuery>): Promise<NotificationsPage> {
  const ndb = notificationDb(db);
  let q = ndb.selectFrom('notifications').selectAll().where('recipient', '=', recipient);
  if (query.unread) q = q.where('read_at', 'is', null);
  if (query.cursor) q = q.where('id', '<', String(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const unread = await ndb
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient', '=', recipient)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toNotification),
    unreadCount: Number(unread.n),
    nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.id]) : null,
  };
}

/**
 * Marks one of the caller's notifications read (idempotent: the first time counts) and audits it.
 * @throws ProblemError 404 when it is not the caller's.
 */
export async function markRead(db: Db, recipient: string, id: string, now: Date = new Date()): Promise<Notification> {
  return runWrite(
    db,
    async (w) => {
      const ndb = notificationDb(w.trx);
      const row = await ndb
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', id)
        .where('recipient', '=', recipient)
        .executeTakeFirst();
      if (!row) {
        throw new ProblemError(404, 'not-found', 'Notification not found', `No notification "${id}" for you`);
      }
      if (row.read_at) return toNotification(row);
      const at = now.toISOString();
      await ndb.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
      await w.audit({ actor: recipient, action: 'notification.read', customerId: row.customer_id, details: { id, kind: row.kind } });
      return toNotification({ ...row, read_at: at });
    },
    now,
  );
}
