/**
 * Row types of the notification tables (migration 0005) and a typed view of a database that has
 * them. Booleans are not used; timestamps are ISO 8601 UTC text.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';

export interface NotificationsTable {
  id: string;
  /** The user (API key name) it is for. */
  recipient: string;
  kind: string;
  customer_id: string;
  title: string;
  body: string;
  /** `<kind>:<customer>:<triggering change>`: unique per recipient. */
  dedup_key: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_name: string;
  role: string;
  /** JSON array of kinds. */
  kinds: string;
  /** JSON array of channels. */
  channels: string;
  email: string | null;
  webhook_url: string | null;
  updated_at: string;
}

export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  channel: string;
  /** The email address or webhook URL. */
  target: string;
  /** `pending`, `delivered` or `failed` (after the last attempt). */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  /** Unused since migration 0011 (deliveries are leased by name, db/lease.ts); always null. */
  lease_until?: string | null;
  last_error: string | null;
  response_status: number | null;
  delivered_at: string | null;
  created_at: string;
}

export type NotificationTables = {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  notification_deliveries: NotificationDeliveriesTable;
};

export type NotificationDb = Kysely<NotificationTables>;

/** `db` (or a transaction) seen with the notification tables. */
export const notificationDb = (db: Db): NotificationDb => db.withTables<NotificationTables>() as unknown as NotificationDb;
