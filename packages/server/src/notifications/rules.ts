/**
 * The built-in notification rules (R12.5, R13.5, 004): each turns a change detected on the write
 * path into {@link Trigger}s, one per rule that fires:
 * - `churn.high`: the recorded churn level rose to high (scores/score-changes.ts);
 * - `health.drop`: the recorded health score fell by at least `healthDropPoints` or to a lower level;
 * - `csat.negative`: a `ticket.updated` event rated the ticket at or below `csatMax`;
 * - `vip.ticket` / `vip.order`: a VIP customer's `ticket.opened` / `order.placed` event.
 * `key` names the triggering change (a score history row, a ticket, an order), so a rule fires once
 * per customer and change however often the change is re-applied.
 * @module
 */
import type { IngestEvent, NotificationKind } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { NotificationConfig } from './config.js';

/** A rule that fired. */
export interface Trigger {
  kind: NotificationKind;
  customerId: string;
  /** The triggering change, e.g. `score:123`, `ticket:T-9`, `order:536365`. */
  key: string;
  title: string;
  /** Filled in with the customer's name by the store when empty. */
  body: string;
}

/** A recorded score (0–100) and its level. */
export interface ScoreChange {
  kind: 'health' | 'churn';
  customerId: string;
  previous: { score: number; level: string };
  current: { score: number; level: string };
  /** The id of the new `score_history` row. */
  historyId: number | string;
}

const HEALTH_ORDER: Readonly<Record<string, number>> = { poor: 0, fair: 1, good: 2, excellent: 3 };

/** The triggers of one recorded score change. */
export function scoreTriggers(change: ScoreChange, config: Pick<NotificationConfig, 'healthDropPoints'>): Trigger[] {
  const { previous, current, customerId } = change;
  const key = `score:${change.historyId}`;
  if (change.kind === 'churn') {
    if (current.level !== 'high' || previous.level === 'high') return [];
    return [
      {
        kind: 'churn.high',
        customerId,
        key,
        title: `Churn risk rose to high (${current.score})`,
        body: `was ${previous.level} (${previous.score})`,
      },
    ];
  }
  const fell = previous.score - current.score;
  const lowerLevel = (HEALTH_ORDER[current.level] ?? 0) < (HEALTH_ORDER[previous.level] ?? 0);
  if (fell < config.healthDropPoints && !lowerLevel) return [];
  const levels = previous.level === current.level ? current.level : `${previous.level} → ${current.level}`;
  return [
    {
      kind: 'health.drop',
      customerId,
      key,
      title: `Health fell from ${previous.score} to ${current.score} (${levels})`,
      body: `−${fell} points`,
    },
  ];
}

/**
 * The triggers of applied ingestion events (`db`: the batch's transaction, after the events), for
 * the `kinds` someone subscribed to. VIP status is read once for the whole batch.
 */
export async function eventTriggers(
  db: Db,
  events: readonly IngestEvent[],
  kinds: ReadonlySet<NotificationKind>,
  config: Pick<NotificationConfig, 'csatMax'>,
): Promise<Trigger[]> {
  const triggers: Trigger[] = [];
  const vipEvents = events.filter(
    (e) => (e.type === 'ticket.opened' && kinds.has('vip.ticket')) || (e.type === 'order.placed' && kinds.has('vip.order')),
  );
  const ids = [...new Set(vipEvents.map((e) => (e as { data: { customerId: string } }).data.customerId))];
  const vips = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('customers')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('vip', '=', 1)
      .execute();
    for (const r of rows) vips.add(r.id);
  }
  for (const event of events) {
    if (event.type === 'ticket.updated' && kinds.has('csat.negative')) {
      const { csat, ticketId, customerId } = event.data;
      if (csat !== undefined && csat <= config.csatMax) {
        triggers.push({
          kind: 'csat.negative',
          customerId,
          key: `ticket:${ticketId}`,
          title: `Ticket rated ${csat}/5`,
          body: `ticket ${ticketId}`,
        });
      }
    } else if (event.type === 'ticket.opened' && kinds.has('vip.ticket') && vips.has(event.data.customerId)) {
      triggers.push({
        kind: 'vip.ticket',
        customerId: event.data.customerId,
        key: `ticket:${event.data.ticketId}`,
        title: 'VIP customer opened a ticket',
        body: event.data.subject,
      });
    } else if (event.type === 'order.placed' && kinds.has('vip.order') && vips.has(event.data.customerId)) {
      const { customerId, orderId, number } = event.data;
      triggers.push({
        kind: 'vip.order',
        customerId,
        key: `order:${orderId}`,
        title: 'VIP customer placed an order',
        body: `order ${number ?? orderId}`,
      });
    }
  }
  return triggers;
}
