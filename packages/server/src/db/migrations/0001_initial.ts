/**
 * The whole data model of SPEC §3, indexed for the queries of SPEC §5. Portable DDL: it runs
 * unchanged on SQLite and Postgres (text ids and ISO timestamps, bigint minor units).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialects/index.js';

const serial = 'integer';
/** An auto-generated integer key, as the engine spells it (see db/dialects/). */
function serialKey(c: ColumnDefinitionBuilder, db: Kysely<any>): ColumnDefinitionBuilder {
  return dialectOf(db).serialKey(c);
}

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text')
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('avatar_url', 'text')
    .addColumn('vip', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('customers_name_idx').on('customers').columns(['name', 'id']).execute();
  await s.createIndex('customers_email_idx').on('customers').column('email').execute();
  await s.createIndex('customers_phone_idx').on('customers').column('phone').execute();
  await s.createIndex('customers_registered_idx').on('customers').column('registered_at').execute();
  await s.createIndex('customers_country_idx').on('customers').column('country').execute();

  await s
    .createTable('addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('line1', 'text', (c) => c.notNull())
    .addColumn('line2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('addresses_customer_idx').on('addresses').column('customer_id').execute();

  await s
    .createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .execute();

  await s
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('lines_sold', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('units_sold', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('revenue_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('guest_lines', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('guest_units', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('guest_revenue_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('subtotal_minor', 'bigint', (c) => c.notNull())
    .addColumn('shipping_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('items_count', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('orders_customer_placed_idx').on('orders').columns(['customer_id', 'placed_at', 'id']).execute();
  await s.createIndex('orders_number_idx').on('orders').column('number').execute();

  await s
    .createTable('order_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('description', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_micros', 'bigint', (c) => c.notNull())
    .execute();
  await s.createIndex('order_items_order_idx').on('order_items').column('order_id').execute();
  await s.createIndex('order_items_product_idx').on('order_items').column('product_id').execute();

  await s
    .createTable('payment_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('brand', 'text')
    .addColumn('last4', 'text')
    .addColumn('exp_month', 'integer')
    .addColumn('exp_year', 'integer')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('payment_methods_customer_idx').on('payment_methods').column('customer_id').execute();

  await s
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('order_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('method_id', 'text')
    .addColumn('reference', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('payments_customer_idx').on('payments').columns(['customer_id', 'occurred_at']).execute();

  await s
    .createTable('loyalty_accounts')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('points_balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lifetime_points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('referral_code', 'text', (c) => c.unique())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('loyalty_accounts_tier_idx').on('loyalty_accounts').column('tier').execute();

  await s
    .createTable('loyalty_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .execute();
  await s.createIndex('loyalty_tx_customer_idx').on('loyalty_transactions').columns(['customer_id', 'occurred_at']).execute();

  await s
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referrer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('referred_customer_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('referrals_referrer_idx').on('referrals').column('referrer_id').execute();

  await s
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  await s
    .createTable('marketing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('campaign_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('marketing_events_customer_idx').on('marketing_events').columns(['customer_id', 'occurred_at']).execute();

  await s
    .createTable('preferences')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('email_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sms_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('push_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('whatsapp_opt_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quiet_hours_start', 'text')
    .addColumn('quiet_hours_end', 'text')
    .addColumn('timezone', 'text')
    .addColumn('language', 'text')
    .addColumn('frequency', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('consent_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('source', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('consent_log_customer_idx').on('consent_log').columns(['customer_id', 'occurred_at']).execute();

  await s
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('csat', 'integer')
    .addColumn('nps', 'integer')
    .execute();
  await s.createIndex('tickets_customer_idx').on('tickets').columns(['customer_id', 'created_at']).execute();

  await s
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('actor', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('ticket_events_ticket_idx').on('ticket_events').column('ticket_id').execute();

  await s
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .execute();
  await s.createIndex('sessions_customer_idx').on('sessions').columns(['customer_id', 'started_at']).execute();

  await s
    .createTable('page_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('category_id', 'text')
    .addColumn('product_id', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('page_views_customer_idx').on('page_views').columns(['customer_id', 'occurred_at']).execute();

  await s
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('general'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('team'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('notes_customer_idx').on('notes').columns(['customer_id', 'created_at']).execute();

  await s
    .createTable('tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('tag_assignments')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_assignments_pk', ['customer_id', 'tag_id'])
    .execute();
  await s.createIndex('tag_assignments_tag_idx').on('tag_assignments').column('tag_id').execute();

  await s
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('segment_assignments')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text')
    .addColumn('how', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_assignments_pk', ['customer_id', 'segment_id'])
    .execute();
  await s.createIndex('segment_assignments_segment_idx').on('segment_assignments').column('segment_id').execute();

  await s
    .createTable('score_history')
    .addColumn('id', serial, (c) => serialKey(c, db))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('score_history_customer_idx').on('score_history').columns(['customer_id', 'kind', 'computed_at']).execute();

  await s
    .createTable('activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('ref_kind', 'text')
    .addColumn('ref_id', 'text')
    .execute();
  // Keyset pagination of the timeline: (customer, occurred_at desc, id desc), optionally by type.
  await s.createIndex('activity_customer_time_idx').on('activity').columns(['customer_id', 'occurred_at', 'id']).execute();
  await s.createIndex('activity_customer_type_time_idx').on('activity').columns(['customer_id', 'type', 'occurred_at', 'id']).execute();

  await s
    .createTable('customer_stats')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_orders', 'integer', (c) => c.notNull())
    .addColumn('completed_orders', 'integer', (c) => c.notNull())
    .addColumn('total_spent_minor', 'bigint', (c) => c.notNull())
    .addColumn('total_refunded_minor', 'bigint', (c) => c.notNull())
    .addColumn('first_order_at', 'text')
    .addColumn('first_completed_at', 'text')
    .addColumn('last_completed_at', 'text')
    .execute();
  await s.createIndex('customer_stats_spent_idx').on('customer_stats').columns(['total_spent_minor', 'customer_id']).execute();
  await s.createIndex('customer_stats_last_idx').on('customer_stats').columns(['last_completed_at', 'customer_id']).execute();
  await s.createIndex('customer_stats_orders_idx').on('customer_stats').columns(['total_orders', 'customer_id']).execute();

  await s
    .createTable('audit_log')
    .addColumn('id', serial, (c) => serialKey(c, db))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('details', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('audit_log_customer_idx').on('audit_log').columns(['customer_id', 'at']).execute();

  await s
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await s
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'meta',
    'idempotency_keys',
    'api_tokens',
    'audit_log',
    'customer_stats',
    'activity',
    'score_history',
    'segment_assignments',
    'segments',
    'tag_assignments',
    'tags',
    'notes',
    'page_views',
    'sessions',
    'ticket_events',
    'tickets',
    'consent_log',
    'preferences',
    'marketing_events',
    'campaigns',
    'referrals',
    'loyalty_transactions',
    'loyalty_accounts',
    'payments',
    'payment_methods',
    'order_items',
    'orders',
    'products',
    'categories',
    'addresses',
    'customers',
  ];
  for (const table of tables) await db.schema.dropTable(table).ifExists().execute();
}
