/**
 * Deterministic ingestion workload for `POST /api/events`: batches of a realistic event mix for
 * customers that exist, in the 30 days before as-of. The same seed gives the same events; `prefix`
 * only changes the ids (event ids and record ids), so each pass (HTTP, direct, raw floor) writes the
 * same rows under its own keys.
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { IngestEventInput } from '@c360/sdk';
import { prng, randomInt } from './stats.js';

/** Share of each event type in a batch (sums to 1). */
export const EVENT_MIX = [
  ['order.placed', 0.2],
  ['payment.recorded', 0.2],
  ['marketing.email_opened', 0.3],
  ['session.started', 0.2],
  ['ticket.opened', 0.1],
] as const;

export type MixType = (typeof EVENT_MIX)[number][0];

/** What the generator draws from: customers (with currency), merchandise products, email campaigns. */
export interface EventPools {
  customers: Array<{ id: string; currency: string }>;
  products: Array<{ id: string; name: string }>;
  campaigns: string[];
}

export function eventPools(conn: SQLite.Database): EventPools {
  const customers = conn.prepare('select id, currency from customers order by id').all() as EventPools['customers'];
  // Merchandise only (Online Retail stock codes start with 5 digits; POST, DOT, M… are fees).
  const products = conn
    .prepare("select id, name from products where id glob '[0-9][0-9][0-9][0-9][0-9]*' order by id")
    .all() as EventPools['products'];
  const campaigns = (conn.prepare("select id from campaigns where channel = 'email' order by id").all() as Array<{ id: string }>).map(
    (r) => r.id,
  );
  if (!customers.length || !products.length) throw new Error('ingestion workload: the database has no customers or products');
  return { customers, products, campaigns };
}

const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
const SOURCES = ['newsletter', 'google', 'direct', 'instagram', 'affiliate'];
const SUBJECTS = ['Where is my order?', 'Item arrived damaged', 'Wrong item received', 'Change delivery address', 'Invoice copy'];
const PRIORITIES = ['low', 'normal', 'normal', 'high'] as const;
const CHANNELS = ['email', 'chat', 'phone', 'web'] as const;
const DAY = 86_400_000;

const pick = <T>(items: readonly T[], rand: () => number): T => items[randomInt(rand, items.length)]!;
/** A price in major units with 2 decimals, 0.01–max (prints as a plain decimal: 12.5, 0.85). */
const price = (rand: () => number, maxMinor: number) => (1 + randomInt(rand, maxMinor)) / 100;

export interface EventOptions {
  events: number;
  batch: number;
  seed: number;
  asOf: Date;
  /** Distinguishes the passes' ids: `bench-http`, `bench-direct`, `bench-raw`, `…-warm`. */
  prefix: string;
}

/** `options.events` events in batches of `options.batch`, and how many of each type. */
export function ingestBatches(
  pools: EventPools,
  options: EventOptions,
): { batches: IngestEventInput[][]; byType: Record<MixType, number> } {
  const rand = prng(options.seed ^ 0x1e57);
  const { prefix } = options;
  const byType = Object.fromEntries(EVENT_MIX.map(([t]) => [t, 0])) as Record<MixType, number>;
  const lastOrder = new Map<string, string>();
  const batches: IngestEventInput[][] = [];
  let batch: IngestEventInput[] = [];
  for (let n = 0; n < options.events; n++) {
    let u = rand();
    const type = EVENT_MIX.find(([, share]) => (u -= share) < 0)?.[0] ?? 'session.started';
    const customer = pick(pools.customers, rand);
    const base = {
      id: `${prefix}:${n}`,
      occurredAt: new Date(options.asOf.getTime() - randomInt(rand, 30 * DAY)).toISOString(),
    };
    const customerId = customer.id;
    let event: IngestEventInput;
    switch (type) {
      case 'order.placed': {
        const orderId = `${prefix}-o${n}`;
        const lines = Array.from({ length: 3 + randomInt(rand, 8) }, () => {
          const product = pick(pools.products, rand);
          return { productId: product.id, description: product.name, quantity: 1 + randomInt(rand, 24), unitPrice: price(rand, 1500) };
        });
        lastOrder.set(customerId, orderId);
        event = { ...base, type, data: { customerId, orderId, status: 'completed', currency: customer.currency, lines } };
        break;
      }
      case 'payment.recorded': {
        const refund = rand() < 0.1;
        const orderId = lastOrder.get(customerId);
        event = {
          ...base,
          type,
          data: {
            customerId,
            paymentId: `${prefix}-p${n}`,
            kind: refund ? 'refund' : 'charge',
            status: rand() < 0.95 ? 'succeeded' : 'failed',
            amount: price(rand, 50_000),
            currency: customer.currency,
            ...(orderId ? { orderId } : {}),
            reference: `ch_${n.toString(36)}`,
          },
        };
        break;
      }
      case 'marketing.email_opened': {
        const campaignId = pools.campaigns.length ? pick(pools.campaigns, rand) : `bench-campaign-${randomInt(rand, 12)}`;
        event = {
          ...base,
          type,
          data: { customerId, campaignId, channel: 'email', ...(pools.campaigns.length ? {} : { campaignName: campaignId }) },
        };
        break;
      }
      case 'session.started':
        event = {
          ...base,
          type,
          data: {
            customerId,
            sessionId: `${prefix}-s${n}`,
            device: pick(DEVICES, rand),
            durationSeconds: 30 + randomInt(rand, 1800),
            source: pick(SOURCES, rand),
          },
        };
        break;
      case 'ticket.opened':
        event = {
          ...base,
          type,
          data: {
            customerId,
            ticketId: `${prefix}-t${n}`,
            subject: pick(SUBJECTS, rand),
            priority: pick(PRIORITIES, rand),
            channel: pick(CHANNELS, rand),
            description: 'Customer wrote in about a recent order; details in the thread.',
          },
        };
        break;
    }
    byType[type]++;
    batch.push(event);
    if (batch.length === options.batch) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  return { batches, byType };
}
