/**
 * Row types of every table, for Kysely. Conventions (same on SQLite and Postgres):
 * - ids are text; timestamps are ISO 8601 UTC text (`2011-12-09T12:50:00.000Z`), so they sort as text;
 * - money is integer minor units (`*_minor`) beside an ISO 4217 `currency`; unit prices, which may carry
 *   more decimals than the currency (Online Retail has £0.001), are integer millionths (`*_micros`);
 * - booleans are integers 0/1.
 * @module
 */
import type { Generated } from 'kysely';

export interface CustomersTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** Lower-cased name, email and digits of the phone, for search. */
  search_text: string;
  /** The email trimmed, NFC and lower-cased (lookups by email); null without one. */
  email_key: string | null;
  /** The phone's digits (lookups by phone); null without one. */
  phone_key: string | null;
  /** The organisation the customer belongs to. */
  company: string | null;
  country: string | null;
  registered_at: string;
  status: string;
  avatar_url: string | null;
  vip: number;
  currency: string;
  synthetic: number;
  created_at: string;
  updated_at: string;
}

export interface AddressesTable {
  id: string;
  customer_id: string;
  label: string;
  line1: string;
  line2: string | null;
  city: string;
  postcode: string | null;
  /** State, province, county or region. */
  region: string | null;
  country: string;
  is_primary: number;
}

export interface CategoriesTable {
  id: string;
  name: string;
  parent_id: string | null;
}

export interface ProductsTable {
  id: string;
  name: string;
  category_id: string | null;
  /** Product statistics from every sale line, guest sales included. */
  lines_sold: number;
  units_sold: number;
  revenue_minor: number;
  guest_lines: number;
  guest_units: number;
  guest_revenue_minor: number;
  currency: string;
}

export interface OrdersTable {
  id: string;
  customer_id: string;
  number: string;
  status: string;
  placed_at: string;
  currency: string;
  subtotal_minor: number;
  shipping_minor: number;
  total_minor: number;
  items_count: number;
  quantity: number;
  source: string;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  description: string | null;
  quantity: number;
  unit_price_micros: number;
}

export interface PaymentsTable {
  id: string;
  customer_id: string;
  order_id: string | null;
  /** charge | refund */
  kind: string;
  /** succeeded | failed | pending */
  status: string;
  amount_minor: number;
  currency: string;
  method_id: string | null;
  reference: string | null;
  occurred_at: string;
}

export interface PaymentMethodsTable {
  id: string;
  customer_id: string;
  type: string;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  is_default: number;
  created_at: string;
}

export interface LoyaltyAccountsTable {
  customer_id: string;
  tier: string;
  points_balance: number;
  lifetime_points: number;
  referral_code: string | null;
  enrolled_at: string;
}

export interface LoyaltyTransactionsTable {
  id: string;
  customer_id: string;
  /** earn | redeem | expire | adjust */
  kind: string;
  points: number;
  reason: string | null;
  occurred_at: string;
  expires_at: string | null;
}

export interface ReferralsTable {
  id: string;
  referrer_id: string;
  referred_customer_id: string | null;
  created_at: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  channel: string;
  sent_at: string | null;
}

export interface MarketingEventsTable {
  id: string;
  customer_id: string;
  campaign_id: string | null;
  channel: string;
  /** sent | delivered | opened | clicked | bounced | unsubscribed */
  type: string;
  occurred_at: string;
}

export interface PreferencesTable {
  customer_id: string;
  email_opt_in: number;
  sms_opt_in: number;
  push_opt_in: number;
  whatsapp_opt_in: number;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  timezone: string | null;
  language: string | null;
  frequency: string | null;
  updated_at: string;
}

export interface ConsentLogTable {
  id: string;
  customer_id: string;
  channel: string;
  granted: number;
  reason: string | null;
  source: string | null;
  occurred_at: string;
}

export interface TicketsTable {
  id: string;
  customer_id: string;
  subject: string;
  status: string;
  priority: string;
  channel: string | null;
  created_at: string;
  resolved_at: string | null;
  csat: number | null;
  nps: number | null;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  type: string;
  body: string | null;
  actor: string | null;
  occurred_at: string;
}

export interface SessionsTable {
  id: string;
  customer_id: string;
  started_at: string;
  duration_seconds: number;
  device: string;
  source: string | null;
}

export interface PageViewsTable {
  id: string;
  session_id: string | null;
  customer_id: string;
  category_id: string | null;
  product_id: string | null;
  occurred_at: string;
}

export interface NotesTable {
  id: string;
  customer_id: string;
  author: string;
  type: string;
  visibility: string;
  body: string;
  created_at: string;
}

export interface TagsTable {
  id: string;
  name: string;
  color: string;
  description: string | null;
  created_at: string;
}

export interface TagAssignmentsTable {
  customer_id: string;
  tag_id: string;
  assigned_by: string;
  assigned_at: string;
}

export interface SegmentsTable {
  id: string;
  name: string;
  /** rfm | rule | manual */
  kind: string;
  criteria: string | null;
  description: string | null;
  created_at: string;
}

export interface SegmentAssignmentsTable {
  customer_id: string;
  segment_id: string;
  assigned_at: string;
  assigned_by: string | null;
  /** automatic | manual */
  how: string;
}

export interface ScoreHistoryTable {
  id: Generated<number>;
  customer_id: string;
  /** health | churn */
  kind: string;
  score: number;
  level: string;
  computed_at: string;
}

/** Health and churn as last scored, at `as_of` (migration 0004; kept by segments/derived.ts). */
export interface CustomerScoresTable {
  customer_id: string;
  /** 0–100 */
  health_score: number;
  health_level: string;
  /** 0–100 */
  churn_score: number;
  churn_level: string;
  as_of: string;
}

/** The read model of the timeline: one row per touchpoint, written with the change it records. */
export interface ActivityTable {
  id: string;
  customer_id: string;
  type: string;
  title: string;
  description: string | null;
  occurred_at: string;
  amount_minor: number | null;
  currency: string | null;
  ref_kind: string | null;
  ref_id: string | null;
}

/** Aggregates per customer, recomputed from orders and payments whenever they change. */
export interface CustomerStatsTable {
  customer_id: string;
  currency: string;
  total_orders: number;
  completed_orders: number;
  total_spent_minor: number;
  total_refunded_minor: number;
  first_order_at: string | null;
  first_completed_at: string | null;
  last_completed_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action: string;
  customer_id: string | null;
  details: string | null;
  at: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  customer_id: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  kind: string;
  received_at: string;
  /** What the key produced, e.g. the id of the note an `Idempotency-Key` created (migration 0002). */
  ref: string | null;
}

/** Key/value settings the data carries, e.g. `dataset_as_of`, `rfm_breakpoints`. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  customers: CustomersTable;
  addresses: AddressesTable;
  categories: CategoriesTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  payments: PaymentsTable;
  payment_methods: PaymentMethodsTable;
  loyalty_accounts: LoyaltyAccountsTable;
  loyalty_transactions: LoyaltyTransactionsTable;
  referrals: ReferralsTable;
  campaigns: CampaignsTable;
  marketing_events: MarketingEventsTable;
  preferences: PreferencesTable;
  consent_log: ConsentLogTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  sessions: SessionsTable;
  page_views: PageViewsTable;
  notes: NotesTable;
  tags: TagsTable;
  tag_assignments: TagAssignmentsTable;
  segments: SegmentsTable;
  segment_assignments: SegmentAssignmentsTable;
  score_history: ScoreHistoryTable;
  customer_scores: CustomerScoresTable;
  activity: ActivityTable;
  customer_stats: CustomerStatsTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  meta: MetaTable;
}
