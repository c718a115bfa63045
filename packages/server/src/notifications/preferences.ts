/**
 * Per-user notification preferences (`notification_preferences`): which kinds, which channels, the
 * email address and webhook URL. A user is an API key's name (with the role it had when it saved
 * its preferences); a user without a row receives nothing (unsubscribed). Saving is audited
 * (`notification.preferences`).
 * @module
 */
import type { NotificationChannel, NotificationKind, NotificationPreferences, NotificationPreferencesUpdate } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { runWrite } from '../write/pipeline.js';
import { notificationDb, type NotificationPreferencesTable } from './tables.js';

/** A subscribed user. */
export interface Subscriber extends NotificationPreferences {
  name: string;
  role: string;
}

const parseList = <T>(json: string): T[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
};

function toSubscriber(row: NotificationPreferencesTable): Subscriber {
  return {
    name: row.user_name,
    role: row.role,
    kinds: parseList<NotificationKind>(row.kinds),
    channels: parseList<NotificationChannel>(row.channels),
    email: row.email,
    webhookUrl: row.webhook_url,
  };
}

/** Every user with preferences that name at least one kind. */
export async function loadSubscribers(db: Db): Promise<Subscriber[]> {
  const rows = await notificationDb(db).selectFrom('notification_preferences').selectAll().orderBy('user_name').execute();
  return rows.map(toSubscriber).filter((s) => s.kinds.length > 0);
}

/** The user's preferences; the empty subscription when none were saved. */
export async function getPreferences(db: Db, user: string): Promise<NotificationPreferences> {
  const row = await notificationDb(db).selectFrom('notification_preferences').selectAll().where('user_name', '=', user).executeTakeFirst();
  if (!row) return { kinds: [], channels: [], email: null, webhookUrl: null };
  const { name: _n, role: _r, ...prefs } = toSubscriber(row);
  return prefs;
}

/** Replaces the actor's preferences (validated by `NotificationPreferencesUpdate`) and audits it. */
export async function savePreferences(
  db: Db,
  actor: Pick<Actor, 'name' | 'role'>,
  prefs: z.output<typeof NotificationPreferencesUpdate>,
  now: Date = new Date(),
): Promise<NotificationPreferences> {
  const at = now.toISOString();
  const row: NotificationPreferencesTable = {
    user_name: actor.name,
    role: actor.role,
    kinds: JSON.stringify(prefs.kinds),
    channels: JSON.stringify(prefs.channels),
    email: prefs.email,
    webhook_url: prefs.webhookUrl,
    updated_at: at,
  };
  await runWrite(
    db,
    async (w) => {
      await notificationDb(w.trx)
        .insertInto('notification_preferences')
        .values(row)
        .onConflict((oc) =>
          oc.column('user_name').doUpdateSet({
            role: row.role,
            kinds: row.kinds,
            channels: row.channels,
            email: row.email,
            webhook_url: row.webhook_url,
            updated_at: at,
          }),
        )
        .execute();
      await w.audit({
        actor: actor.name,
        action: 'notification.preferences',
        customerId: null,
        details: { role: actor.role, kinds: prefs.kinds, channels: prefs.channels },
      });
    },
    now,
  );
  return { kinds: prefs.kinds, channels: prefs.channels, email: prefs.email, webhookUrl: prefs.webhookUrl };
}

/**
 * Saves `prefs` for `actor` unless they already chose (`c360 demo` subscribes its admin to every
 * kind in-app, so the demo page's bell shows what the rules raise). Returns whether it saved.
 */
export async function subscribeUnlessChosen(
  db: Db,
  actor: Pick<Actor, 'name' | 'role'>,
  prefs: z.output<typeof NotificationPreferencesUpdate>,
): Promise<boolean> {
  const existing = await notificationDb(db)
    .selectFrom('notification_preferences')
    .select('user_name')
    .where('user_name', '=', actor.name)
    .executeTakeFirst();
  if (existing) return false;
  await savePreferences(db, actor, prefs);
  return true;
}
