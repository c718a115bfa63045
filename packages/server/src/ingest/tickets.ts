/**
 * `ticket.opened` and `ticket.updated`. A ticket is keyed by its `ticketId` with one timeline entry
 * `ticket:<ticketId>` for its opening; each update adds its own entry and `ticket_events` rows
 * (`<event id>:status|priority|rating|comment`). `resolved` sets the resolution time, `closed` keeps
 * or sets it, reopening (`open`, `pending`, `in_progress`, `escalated`) clears it.
 * @module
 */
import type { TicketOpenedEvent, TicketUpdatedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import { EventConflict } from './conflict.js';
import { clip, eventActivityId, parts, requireOwner, utc, type Applied, type CustomerRef } from './shared.js';

const CLOSED = ['resolved', 'closed'];

export async function applyTicketOpened(db: Db, event: TicketOpenedEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  const existing = await db.selectFrom('tickets').select('customer_id').where('id', '=', d.ticketId).executeTakeFirst();
  requireOwner(existing, customer, 'data.ticketId', 'ticket', d.ticketId);
  const createdAt = utc(event.occurredAt);
  const header = { subject: d.subject, priority: d.priority, channel: d.channel ?? null };
  await db
    .insertInto('tickets')
    .values({
      id: d.ticketId,
      customer_id: customer.id,
      ...header,
      status: 'open',
      created_at: createdAt,
      resolved_at: null,
      csat: null,
      nps: null,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet(header))
    .execute();
  addTicketEvents(rows, d.ticketId, createdAt, d.actor, [{ id: `${event.id}:opened`, type: 'opened', body: d.description ?? null }]);

  rows.activity(customer.id, {
    id: `ticket:${d.ticketId}`,
    type: 'ticket',
    title: `Ticket opened: ${d.subject}`,
    description: parts(`${d.priority} priority`, d.channel && `via ${d.channel}`, clip(d.description)),
    occurredAt: createdAt,
    ref: { kind: 'ticket', id: d.ticketId },
  });
  return { customerId: customer.id };
}

export async function applyTicketUpdated(db: Db, event: TicketUpdatedEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  const ticket = await db
    .selectFrom('tickets')
    .select(['customer_id', 'subject', 'status', 'priority', 'resolved_at'])
    .where('id', '=', d.ticketId)
    .executeTakeFirst();
  if (!ticket) throw new EventConflict('data.ticketId', `unknown ticket "${d.ticketId}"; send its ticket.opened first`);
  requireOwner(ticket, customer, 'data.ticketId', 'ticket', d.ticketId);

  const at = utc(event.occurredAt);
  const status = d.status ?? ticket.status;
  const resolvedAt =
    d.status === undefined ? ticket.resolved_at : d.status === 'resolved' ? at : d.status === 'closed' ? (ticket.resolved_at ?? at) : null;
  await db
    .updateTable('tickets')
    .set({
      status,
      priority: d.priority ?? ticket.priority,
      resolved_at: resolvedAt,
      ...(d.csat !== undefined ? { csat: d.csat } : {}),
      ...(d.nps !== undefined ? { nps: d.nps } : {}),
    })
    .where('id', '=', d.ticketId)
    .execute();

  const statusChanged = d.status !== undefined && d.status !== ticket.status;
  const rating = parts(d.csat !== undefined && `CSAT ${d.csat}/5`, d.nps !== undefined && `NPS ${d.nps}/10`);
  addTicketEvents(rows, d.ticketId, at, d.actor, [
    statusChanged && { id: `${event.id}:status`, type: 'status_changed', body: `${ticket.status} → ${d.status}` },
    d.priority !== undefined &&
      d.priority !== ticket.priority && {
        id: `${event.id}:priority`,
        type: 'priority_changed',
        body: `${ticket.priority} → ${d.priority}`,
      },
    rating !== null && { id: `${event.id}:rating`, type: 'rating', body: rating },
    d.comment !== undefined && { id: `${event.id}:comment`, type: 'comment', body: d.comment },
  ]);

  const reopened = statusChanged && CLOSED.includes(ticket.status) && !CLOSED.includes(status);
  const what = statusChanged
    ? reopened
      ? 'reopened'
      : status.replace(/_/g, ' ')
    : rating !== null
      ? 'rated'
      : d.priority !== undefined && d.priority !== ticket.priority
        ? `priority ${d.priority}`
        : 'updated';
  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'ticket',
    title: `Ticket ${what}: ${ticket.subject}`,
    description: parts(statusChanged && `${ticket.status.replace(/_/g, ' ')} → ${status.replace(/_/g, ' ')}`, rating, clip(d.comment)),
    occurredAt: at,
    ref: { kind: 'ticket', id: d.ticketId },
  });
  return { customerId: customer.id };
}

interface TicketEventRow {
  id: string;
  type: string;
  body: string | null;
}

function addTicketEvents(
  batch: BatchRows,
  ticketId: string,
  at: string,
  actor: string | undefined,
  events: Array<TicketEventRow | false>,
): void {
  for (const r of events) {
    if (r !== false) batch.insertNew('ticket_events', { ...r, ticket_id: ticketId, actor: actor ?? null, occurred_at: at });
  }
}
