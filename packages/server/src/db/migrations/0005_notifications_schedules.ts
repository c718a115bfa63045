/**
 * Notifications and scheduled exports (issue 12):
 * - `notifications`: one row per recipient (an API key's name) × rule × customer × triggering
 *   change (`dedup_key`, unique per recipient), read or unread;
 * - `notification_preferences`: what each user wants (kinds, channels, email address, webhook URL);
 * - `notification_deliveries`: the delivery log of the email and webhook channels (one row per
 *   notification × channel: status, attempts, next attempt with exponential backoff, last error);
 * - `export_schedules`: saved export definitions (filters, format, locale, cron + time zone,
 *   delivery), with the lease that lets one server instance of several run a due schedule;
 * - `export_runs`: one row per run (unique per schedule and planned time), the file kept for download.
 * Text ids (sortable, written by the server) and ISO text timestamps: the same statements on SQLite
 * and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await s.createIndex('notifications_dedup_idx').on('notifications').columns(['recipient', 'dedup_key']).unique().execute();
  await s.createIndex('notifications_recipient_idx').on('notifications').columns(['recipient', 'id']).execute();
  await s.createIndex('notifications_created_idx').on('notifications').columns(['created_at']).execute();

  await s
    .createTable('notification_preferences')
    .addColumn('user_name', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('webhook_url', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('notification_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('notification_deliveries_once_idx')
    .on('notification_deliveries')
    .columns(['notification_id', 'channel'])
    .unique()
    .execute();
  await s.createIndex('notification_deliveries_due_idx').on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();

  await s
    .createTable('export_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_run_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('export_schedules_due_idx').on('export_schedules').columns(['paused', 'next_run_at']).execute();

  await s
    .createTable('export_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer')
    .addColumn('filename', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('file_path', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await s.createIndex('export_runs_once_idx').on('export_runs').columns(['schedule_id', 'scheduled_for']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['export_runs', 'export_schedules', 'notification_deliveries', 'notification_preferences', 'notifications']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
