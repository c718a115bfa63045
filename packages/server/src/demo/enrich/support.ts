/**
 * Demo support tickets for about 30% of customers: subjects a gift-ware wholesaler gets (damaged or
 * missing items, late deliveries and invoice copies tied to the customer's real orders; real
 * cancellations; wholesale pricing and account questions), with priority and channel; agents move
 * some to in progress, resolve them after hours to days, and customers rate most resolutions (CSAT
 * 1–5 skewed positive, NPS for some). A ticket whose resolution would fall after as-of stays open.
 * @module
 */
import type { TicketChannel, TicketPriority } from '@c360/sdk';
import type { DemoContext, DemoCustomer, DemoOrder, EventLog } from './facts.js';
import { DAY, dayStart, HOUR, MINUTE, officeTime, rngFor, type Rng } from './random.js';
import { TOPICS, type Topic } from './support-topics.js';

const AGENTS = ['agent:sarah.b', 'agent:tom.h', 'agent:priya.k', 'agent:james.w', 'agent:olivia.m'];
const CHANNELS: Record<TicketChannel, number> = { email: 45, phone: 25, web: 15, chat: 15, social: 0, other: 0 };

/** What a ticket is about: one of the customer's orders, a cancellation, or nothing in particular. */
interface Occasion {
  topic: Topic;
  at: number;
  order?: DemoOrder;
}

export function supportEvents(log: EventLog, customer: DemoCustomer, ctx: DemoContext): void {
  const rng = rngFor(customer.id, 'support');
  const recentOrder = customer.orders.some((o) => o.at > ctx.asOf - 45 * DAY);
  const likelihood = 0.14 + 0.035 * Math.min(customer.orders.length, 6) + (customer.refunds.length ? 0.05 : 0) + (recentOrder ? 0.08 : 0);
  if (!rng.chance(likelihood)) return;
  const count = Number(rng.weighted({ 1: 70, 2: 22, 3: 8 }));
  const occasions: Occasion[] = [];
  for (let i = 0; i < count; i++) {
    const occasion = pickOccasion(rng, customer, ctx);
    if (occasion && log.happened(occasion.at)) occasions.push(occasion);
  }
  occasions.sort((a, b) => a.at - b.at);
  occasions.forEach((o, i) => ticket(log, rng, customer, o, `demo-${customer.id}-T${i + 1}`));
}

function pickOccasion(rng: Rng, customer: DemoCustomer, ctx: DemoContext): Occasion | null {
  const refund = customer.refunds.length && rng.chance(0.25) ? rng.pick(customer.refunds) : null;
  if (refund) {
    // The customer asked to cancel, a few hours before the real cancellation invoice.
    return { topic: TOPICS.cancellation, at: Math.max(customer.registeredAt, refund.at - rng.logNormal(5 * HOUR, 0.6)) };
  }
  // Problems with recent orders are the likeliest (and the ones still open at as-of).
  const recent = customer.orders.filter((o) => o.at > ctx.asOf - 45 * DAY);
  const order =
    recent.length && rng.chance(0.4) ? rng.pick(recent) : customer.orders.length && rng.chance(0.7) ? rng.pick(customer.orders) : null;
  if (order) {
    const topic = TOPICS[rng.weighted({ damaged: 30, late: 22, missing: 14, wrongItem: 8, invoiceCopy: 16, vatInvoice: 10 })];
    const at = officeTime(rng, dayStart(order.at + rng.int(topic.daysAfterOrder[0], topic.daysAfterOrder[1]) * DAY));
    return at > order.at ? { topic, at, order } : null;
  }
  const topic = TOPICS[rng.weighted({ pricing: 40, account: 25, restock: 20, paymentDeclined: 15 })];
  const at = officeTime(rng, dayStart(customer.registeredAt + rng.next() * (ctx.asOf - customer.registeredAt)));
  return at > customer.registeredAt ? { topic, at } : null;
}

function ticket(log: EventLog, rng: Rng, customer: DemoCustomer, o: Occasion, ticketId: string): void {
  const { topic, order } = o;
  const product = order && order.products.length ? rng.pick(order.products).name : 'an item';
  const fill = (text: string) => text.replace('{order}', order?.number ?? '').replace('{product}', product.toLowerCase());
  const bigOrder = order && order.totalMinor >= 100_000;
  let priority: TicketPriority = rng.weighted(topic.priority);
  if (bigOrder && priority === 'high' && rng.chance(0.4)) priority = 'urgent';
  const c = { customerId: customer.id, ticketId };
  const agent = rng.pick(AGENTS);
  log.add('ticket', 'ticket.opened', o.at, {
    ...c,
    subject: fill(rng.pick(topic.subjects)),
    priority,
    channel: rng.weighted(topic.channels ?? CHANNELS),
    description: fill(rng.pick(topic.descriptions)),
    actor: `customer:${customer.id}`,
  });

  // Most are fixed within hours to days; about one in ten waits on a supplier or a courier claim;
  // from mid-November the Christmas peak triples the wait.
  const peak = new Date(o.at).getUTCMonth() === 11 || (new Date(o.at).getUTCMonth() === 10 && new Date(o.at).getUTCDate() >= 15) ? 3 : 1;
  const resolveIn = rng.chance(0.1) ? rng.between(8, 25) * DAY : peak * rng.logNormal(topic.medianHours * HOUR, 0.9);
  const resolvedAt = o.at + Math.max(20 * MINUTE, resolveIn);
  // Agents pick up slower tickets first with a comment; urgent ones are escalated.
  if (resolveIn > 6 * HOUR && rng.chance(0.6)) {
    const at = o.at + Math.min(resolveIn / 3, rng.logNormal(2 * HOUR, 0.6));
    const escalate = priority === 'urgent';
    if (log.happened(at)) {
      log.add('ticket-update', 'ticket.updated', at, {
        ...c,
        status: escalate ? 'escalated' : topic.waitsOnCustomer ? 'pending' : 'in_progress',
        comment: escalate ? 'Escalated to the warehouse team lead' : rng.pick(topic.progress),
        actor: agent,
      });
    }
  }
  if (!log.happened(resolvedAt)) return;
  log.add('ticket-update', 'ticket.updated', resolvedAt, { ...c, status: 'resolved', comment: rng.pick(topic.resolutions), actor: agent });

  // Most customers answer the satisfaction survey a few hours to a day later; slow fixes score lower.
  const ratedAt = resolvedAt + rng.logNormal(6 * HOUR, 0.8);
  if (!rng.chance(0.75) || !log.happened(ratedAt)) return;
  const slow = resolveIn > 3 * DAY ? 1 : 0;
  const csat = Number(rng.weighted(slow ? { 1: 18, 2: 20, 3: 22, 4: 24, 5: 16 } : { 1: 6, 2: 8, 3: 12, 4: 30, 5: 44 }));
  const nps = rng.chance(0.4) ? npsFor(rng, csat) : undefined;
  log.add('ticket-update', 'ticket.updated', ratedAt, { ...c, csat, ...(nps === undefined ? {} : { nps }), actor: 'survey' });
}

/** An NPS answer that agrees with the CSAT given. */
function npsFor(rng: Rng, csat: number): number {
  const [lo, hi] = (
    [
      [0, 3],
      [2, 5],
      [5, 7],
      [7, 9],
      [9, 10],
    ] as const
  )[csat - 1]!;
  return rng.int(lo, hi);
}
