/**
 * The events of one synthetic customer (`c360 seed`): who they are (a generated name, email and
 * phone, marked synthetic), their orders and cancellation refunds in the shapes of seed/shapes.ts,
 * and the engagement around them — loyalty enrolment and points, support tickets with CSAT, one
 * campaign's emails, browsing sessions — about ten events per customer in all. Customer `i` of seed
 * `S` has id `S<S>-<i>` and event ids `seed:<S>:<i>:<kind>:<n>`, so seeding again changes nothing.
 * @module
 */
import type { IngestEventInput } from '@c360/sdk';
import { personFaker, slug } from '../demo/enrich/profile.js';
import {
  country,
  lineCount,
  orderCount,
  orderTimes,
  orderTotalPence,
  REFUND_RATE,
  SEED_AS_OF,
  SEED_START,
  SeedRng,
  zipfTable,
} from './shapes.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A product of the synthetic catalogue. */
export interface SeedProduct {
  id: string;
  name: string;
}

/** Products by popularity rank, and the Zipf table that draws them. */
export interface SeedCatalogue {
  products: readonly SeedProduct[];
  cdf: Float64Array;
}

const WORDS = [
  'HEART',
  'VINTAGE',
  'LANTERN',
  'CAKE',
  'TEA',
  'CANDLE',
  'BAG',
  'MUG',
  'BUNTING',
  'DOORMAT',
  'CLOCK',
  'FRAME',
  'JAR',
  'TIN',
  'BOX',
  'CUSHION',
  'GARLAND',
  'NAPKINS',
  'SIGN',
  'HOLDER',
];
const COLOURS = ['RED', 'WHITE', 'PINK', 'BLUE', 'GREEN', 'IVORY', 'RETRO', 'PAISLEY', 'REGENCY', 'SPOTTY'];

/** `size` products (Online Retail has about 4,000 StockCodes) with Zipf(1.07) popularity. */
export function seedCatalogue(size = 4000): SeedCatalogue {
  const rng = new SeedRng(0xc360, 0);
  const products = Array.from({ length: size }, (_, i) => ({
    id: `SP${String(i + 1).padStart(5, '0')}`,
    name: `${rng.pick(COLOURS)} ${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
  }));
  return { products, cdf: zipfTable(size, 1.07) };
}

const CAMPAIGNS = ['New year clearance', 'Spring garden', 'Summer picnic', 'Back to school', 'Autumn cosy', 'Christmas gifts'];
const DEVICES = ['desktop', 'desktop', 'desktop', 'mobile', 'mobile', 'tablet'] as const;
const SUBJECTS = ['Item arrived damaged', 'Where is my order?', 'Wrong item sent', 'Invoice copy needed', 'Change delivery address'];
const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;

const iso = (ms: number): string => new Date(Math.min(ms, SEED_AS_OF)).toISOString();
const pounds = (pence: number): number => pence / 100;

/** The id of customer `index` of seed `seed`. */
export const seedCustomerId = (seed: number, index: number): string => `S${seed}-${index}`;

/** Every event of customer `index` of seed `seed`, in the order they are applied. */
export function customerEvents(seed: number, index: number, catalogue: SeedCatalogue): IngestEventInput[] {
  const rng = new SeedRng(seed, index);
  const id = seedCustomerId(seed, index);
  const c = { customerId: id };
  const counters = new Map<string, number>();
  const events: IngestEventInput[] = [];
  const add = (kind: string, type: IngestEventInput['type'], at: number, data: object) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    events.push({ id: `seed:${seed}:${index}:${kind}:${n}`, type, occurredAt: iso(at), data } as IngestEventInput);
  };

  const times = orderTimes(rng, orderCount(rng));
  const registeredAt = Math.max(SEED_START - 30 * DAY, times[0]! - rng.int(0, 30) * DAY);
  const where = country(rng);
  const faker = personFaker(id, where);
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  add('customer', 'customer.upserted', registeredAt, {
    ...c,
    name: `${first} ${last}`,
    email: `${slug(first)}.${slug(last)}.${slug(id)}@example.com`,
    phone: `+44 7${String(rng.int(100_000_000, 999_999_999))}`,
    country: where,
    registeredAt: iso(registeredAt),
    currency: 'GBP',
    synthetic: true,
  });

  let spentPence = 0;
  for (const [k, at] of times.entries()) {
    const orderId = `${id}-O${k + 1}`;
    const n = lineCount(rng);
    const total = orderTotalPence(rng);
    const lines = [];
    const seen = new Set<string>();
    for (let l = 0; l < n; l++) {
      const product = catalogue.products[rng.zipf(catalogue.cdf)]!;
      if (seen.has(product.id)) continue;
      seen.add(product.id);
      const quantity = rng.pick([1, 2, 3, 4, 6, 12, 12, 24]);
      const unitPence = Math.max(1, Math.round(total / n / quantity));
      lines.push({ productId: product.id, description: product.name, quantity, unitPrice: pounds(unitPence) });
      spentPence += unitPence * quantity;
    }
    add('order', 'order.placed', at, { ...c, orderId, currency: 'GBP', status: 'completed', lines });
    if (rng.chance(REFUND_RATE)) {
      const share = Math.min(1, rng.logNormal(0.3, 0.8));
      const amount = Math.max(1, Math.round(total * share));
      add('refund', 'payment.recorded', at + rng.int(1, 10) * DAY, {
        ...c,
        paymentId: `${id}-R${k + 1}`,
        kind: 'refund',
        status: 'succeeded',
        amount: pounds(amount),
        currency: 'GBP',
        orderId,
      });
    }
  }

  const firstAt = times[0]!;
  if (rng.chance(times.length >= 2 ? 0.5 : 0.15)) {
    const tier = TIERS[Math.min(3, Math.floor(Math.log2(times.length)))]!;
    add('loyalty', 'loyalty.enrolled', firstAt + DAY, { ...c, tier });
    add('points', 'loyalty.points_earned', times[times.length - 1]! + HOUR, {
      ...c,
      points: Math.max(1, Math.round(spentPence / 100)),
      reason: 'Orders',
    });
  }
  const tickets = rng.chance(0.3) ? (rng.chance(0.15) ? 2 : 1) : 0;
  for (let t = 1; t <= tickets; t++) {
    const ticketId = `${id}-T${t}`;
    const opened = rng.pick(times) + rng.int(1, 5) * DAY;
    add('ticket', 'ticket.opened', opened, {
      ...c,
      ticketId,
      subject: rng.pick(SUBJECTS),
      priority: rng.pick(['low', 'normal', 'normal', 'high']),
      channel: rng.pick(['email', 'chat', 'phone']),
    });
    if (rng.chance(0.8))
      add('ticket-update', 'ticket.updated', opened + rng.int(2, 72) * HOUR, { ...c, ticketId, status: 'resolved', csat: rng.int(1, 5) });
  }
  if (rng.chance(0.6)) {
    const month = rng.int(0, CAMPAIGNS.length - 1);
    const campaign = { ...c, campaignId: `seed-campaign-${month + 1}`, campaignName: CAMPAIGNS[month]! };
    const sent = Math.max(registeredAt, SEED_START + month * 60 * DAY + 9 * HOUR);
    add('email', 'marketing.email_sent', sent, campaign);
    if (rng.chance(0.45)) {
      add('email-open', 'marketing.email_opened', sent + rng.int(1, 48) * HOUR, campaign);
      if (rng.chance(0.35))
        add('email-click', 'marketing.email_clicked', sent + 49 * HOUR, { ...campaign, url: 'https://shop.example.com/offers' });
    }
  }
  const sessions = 1 + rng.int(0, 2);
  for (let s = 1; s <= sessions; s++) {
    add('session', 'session.started', Math.max(registeredAt, rng.pick(times) - rng.int(0, 72) * HOUR), {
      ...c,
      sessionId: `${id}-V${s}`,
      device: rng.pick(DEVICES),
      durationSeconds: rng.int(30, 1800),
      source: rng.pick(['direct', 'search', 'newsletter']),
    });
  }
  return events;
}
