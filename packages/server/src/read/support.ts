/**
 * GET /customers/:id/support (R6, CSAT/NPS): every ticket newest first with the totals, average
 * resolution time, CSAT average and NPS; GET /customers/:id/support/tickets/:ticketId: one ticket
 * with its history. Durations are computed from the stored timestamps, so the SQL stays portable.
 * @module
 */
import {
  OPEN_TICKET_STATUSES,
  type SupportHistory,
  type TicketChannel,
  type TicketDetail,
  type TicketPriority,
  type TicketStatus,
  type TicketSummary,
} from '@c360/sdk';
import type { Selectable } from 'kysely';
import type { TicketsTable } from '../db/schema.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import type { ReadContext } from '../core/read-context.js';
import { ticketHistoryText } from '../i18n/timeline-parse.js';

const MS_PER_HOUR = 3_600_000;

/** Rounds to 2 decimals. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Rounds half away from zero to an integer (−12.5 → −13). */
const roundHalfAway = (n: number) => Math.sign(n) * Math.round(Math.abs(n));

function resolutionHours(t: Selectable<TicketsTable>): number | null {
  if (!t.resolved_at) return null;
  return Math.max(0, (Date.parse(t.resolved_at) - Date.parse(t.created_at)) / MS_PER_HOUR);
}

function toSummary(t: Selectable<TicketsTable>): TicketSummary {
  const hours = resolutionHours(t);
  return {
    id: t.id,
    subject: t.subject,
    status: t.status as TicketStatus,
    priority: t.priority as TicketPriority,
    channel: t.channel as TicketChannel | null,
    createdAt: t.created_at,
    resolvedAt: t.resolved_at,
    resolutionHours: hours === null ? null : round2(hours),
    csat: t.csat === null ? null : Number(t.csat),
    nps: t.nps === null ? null : Number(t.nps),
    open: OPEN_TICKET_STATUSES.includes(t.status as TicketStatus),
  };
}

/**
 * Net Promoter Score of 0–10 answers: % promoters (9–10) − % detractors (0–6), rounded half away
 * from zero; null without answers.
 */
export function npsScore(answers: readonly number[]): number | null {
  if (answers.length === 0) return null;
  const promoters = answers.filter((a) => a >= 9).length;
  const detractors = answers.filter((a) => a <= 6).length;
  return roundHalfAway(((promoters - detractors) * 100) / answers.length) || 0;
}

export async function loadSupport(ctx: ReadContext, customerId: string): Promise<SupportHistory> {
  const { db, asOf } = ctx;
  const [customer, rows] = await Promise.all([
    db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('tickets')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  if (!customer) throw customerNotFound(customerId);

  const resolved = rows.map(resolutionHours).filter((h): h is number => h !== null);
  const csat = rows.filter((t) => t.csat !== null).map((t) => Number(t.csat));
  const nps = rows.filter((t) => t.nps !== null).map((t) => Number(t.nps));
  const tickets = rows.map(toSummary);
  return {
    asOf: asOf.toISOString(),
    tickets,
    totalTickets: tickets.length,
    openTickets: tickets.filter((t) => t.open).length,
    averageResolutionHours: resolved.length ? round2(resolved.reduce((a, b) => a + b, 0) / resolved.length) : null,
    csatAverage: csat.length ? round2(csat.reduce((a, b) => a + b, 0) / csat.length) : null,
    csatResponses: csat.length,
    npsScore: npsScore(nps),
    npsResponses: nps.length,
  };
}

/** 404 for a ticket that does not exist or is not this customer's. */
export function ticketNotFound(customerId: string, ticketId: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Ticket not found', `Customer "${customerId}" has no ticket "${ticketId}"`);
}

export async function loadTicket(ctx: ReadContext, customerId: string, ticketId: string): Promise<TicketDetail> {
  const { db } = ctx;
  const [customer, ticket, events] = await Promise.all([
    db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst(),
    db.selectFrom('tickets').selectAll().where('id', '=', ticketId).where('customer_id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('ticket_events')
      .select(['id', 'type', 'body', 'actor', 'occurred_at'])
      .where('ticket_id', '=', ticketId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
  ]);
  if (!customer) throw customerNotFound(customerId);
  if (!ticket) throw ticketNotFound(customerId, ticketId);
  return {
    ticket: toSummary(ticket),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      body: e.body,
      bodyText: ticketHistoryText(e.type, e.body),
      actor: e.actor,
      occurredAt: e.occurred_at,
    })),
  };
}
