/**
 * Follow-ups (issue 12 item 10a): one row per reminder about a customer — due time, assignee (a
 * user: an API key's name), note, status `open | done | cancelled`, who scheduled it and when,
 * when it was closed, and `notified_at`, set once by the instance that raises its `follow_up.due`
 * notification (the claim that makes it once across instances). The Idempotency-Key of the quick
 * action lives in `idempotency_keys` like the other actions'. Text ids and ISO text timestamps:
 * the same statements on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('notified_at', 'text')
    .execute();
  await s.createIndex('follow_ups_customer_idx').on('follow_ups').columns(['customer_id', 'status', 'due_at', 'id']).execute();
  await s.createIndex('follow_ups_assignee_idx').on('follow_ups').columns(['assignee', 'status', 'due_at', 'id']).execute();
  await s.createIndex('follow_ups_due_idx').on('follow_ups').columns(['status', 'notified_at', 'due_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_ups').ifExists().execute();
}
