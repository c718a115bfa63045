/**
 * GET /customers/:id/support and GET /customers/:id/support/tickets/:ticketId (R6, CSAT/NPS) over
 * the real app: tickets newest first with open ones flagged, average resolution time, CSAT average,
 * NPS, and one ticket's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportHistory } from '@c360/sdk';
import { npsScore } from '../../src/read/support.js';
import { expectProblem, openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
beforeAll(async () => {
  f = await openSections('sec-sup');
  const c = { customerId: 'SEC-SUP1' };
  const ev = f.ev;
  await f.newCustomer(c.customerId);
  await f.newCustomer('SEC-SUP2');
  await f.apply(
    // T5: resolved after 30 minutes.
    ev('ticket.opened', { ...c, ticketId: 'SEC-T5', subject: 'Password reset', priority: 'low', channel: 'web' }, '2011-06-01T10:00:00Z'),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T5', status: 'resolved' }, '2011-06-01T10:30:00Z'),
    // T1: resolved after 30 hours; CSAT 4, NPS 9.
    ev('ticket.opened', { ...c, ticketId: 'SEC-T1', subject: 'Broken cup', priority: 'high', channel: 'email' }, '2011-10-01T10:00:00Z'),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T1', status: 'resolved', csat: 4, nps: 9 }, '2011-10-02T16:00:00Z'),
    // T2: in progress, resolved after 48 hours with CSAT 2, NPS 5 and a comment, then closed (keeps its resolution time).
    ev(
      'ticket.opened',
      { ...c, ticketId: 'SEC-T2', subject: 'Late delivery', channel: 'chat', description: 'Where is my order?', actor: 'customer' },
      '2011-11-01T09:00:00Z',
    ),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T2', status: 'in_progress', actor: 'agent.anna' }, '2011-11-01T12:00:00Z'),
    ev(
      'ticket.updated',
      { ...c, ticketId: 'SEC-T2', status: 'resolved', csat: 2, nps: 5, comment: 'Courier delay', actor: 'agent.anna' },
      '2011-11-03T09:00:00Z',
    ),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T2', status: 'closed', actor: 'system' }, '2011-11-04T09:00:00Z'),
    // T3: still open, NPS 10 only.
    ev('ticket.opened', { ...c, ticketId: 'SEC-T3', subject: 'Wrong size', priority: 'low', channel: 'web' }, '2011-11-20T08:00:00Z'),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T3', nps: 10 }, '2011-11-20T09:00:00Z'),
    // T4: escalated (open), CSAT 5 before resolution.
    ev(
      'ticket.opened',
      { ...c, ticketId: 'SEC-T4', subject: 'Invoice copy', priority: 'urgent', channel: 'phone' },
      '2011-12-01T10:00:00Z',
    ),
    ev('ticket.updated', { ...c, ticketId: 'SEC-T4', status: 'escalated', csat: 5 }, '2011-12-01T11:00:00Z'),
    // Another customer's ticket.
    ev('ticket.opened', { customerId: 'SEC-SUP2', ticketId: 'SEC-T9', subject: 'Not yours' }, '2011-12-01T10:00:00Z'),
  );
});
afterAll(() => f.sample.close());

describe('GET /customers/:id/support', () => {
  it('lists every ticket newest first with totals, resolution time, CSAT and NPS', async () => {
    const support = await f.client.getSupport('SEC-SUP1');
    expect(support.tickets).toEqual([
      {
        id: 'SEC-T4',
        subject: 'Invoice copy',
        status: 'escalated',
        priority: 'urgent',
        channel: 'phone',
        createdAt: '2011-12-01T10:00:00.000Z',
        resolvedAt: null,
        resolutionHours: null,
        csat: 5,
        nps: null,
        open: true,
      },
      {
        id: 'SEC-T3',
        subject: 'Wrong size',
        status: 'open',
        priority: 'low',
        channel: 'web',
        createdAt: '2011-11-20T08:00:00.000Z',
        resolvedAt: null,
        resolutionHours: null,
        csat: null,
        nps: 10,
        open: true,
      },
      {
        id: 'SEC-T2',
        subject: 'Late delivery',
        status: 'closed',
        priority: 'normal',
        channel: 'chat',
        createdAt: '2011-11-01T09:00:00.000Z',
        resolvedAt: '2011-11-03T09:00:00.000Z',
        resolutionHours: 48,
        csat: 2,
        nps: 5,
        open: false,
      },
      {
        id: 'SEC-T1',
        subject: 'Broken cup',
        status: 'resolved',
        priority: 'high',
        channel: 'email',
        createdAt: '2011-10-01T10:00:00.000Z',
        resolvedAt: '2011-10-02T16:00:00.000Z',
        resolutionHours: 30,
        csat: 4,
        nps: 9,
        open: false,
      },
      {
        id: 'SEC-T5',
        subject: 'Password reset',
        status: 'resolved',
        priority: 'low',
        channel: 'web',
        createdAt: '2011-06-01T10:00:00.000Z',
        resolvedAt: '2011-06-01T10:30:00.000Z',
        resolutionHours: 0.5,
        csat: null,
        nps: null,
        open: false,
      },
    ]);
    expect({ ...support, tickets: undefined }).toEqual({
      asOf: '2011-12-09T12:21:00.000Z',
      tickets: undefined,
      totalTickets: 5,
      openTickets: 2,
      averageResolutionHours: 26.17, // (0.5 + 30 + 48) / 3 = 26.1666…
      csatAverage: 3.67, // (4 + 2 + 5) / 3
      csatResponses: 3,
      npsScore: 33, // answers 9, 5, 10: 2 promoters, 1 detractor of 3 → 33.3
      npsResponses: 3,
    });
    expect(SupportHistory.parse(support)).toEqual(support);
    // The 360 flags agree on open tickets.
    expect((await f.client.getCustomer360('SEC-SUP1')).flags.hasOpenTickets).toBe(true);
  });

  it('null averages without resolutions or answers; zero counts without tickets', async () => {
    expect(await f.client.getSupport('SEC-SUP2').then((s) => ({ ...s, tickets: s.tickets.length }))).toMatchObject({
      tickets: 1,
      totalTickets: 1,
      openTickets: 1,
      averageResolutionHours: null,
      csatAverage: null,
      csatResponses: 0,
      npsScore: null,
      npsResponses: 0,
    });
    await f.newCustomer('SEC-SUP3');
    expect(await f.client.getSupport('SEC-SUP3')).toMatchObject({
      tickets: [],
      totalTickets: 0,
      openTickets: 0,
      averageResolutionHours: null,
      csatAverage: null,
      npsScore: null,
    });
  });

  it('404 for an unknown customer', async () => {
    await expectProblem(f.client.getSupport('NO-SUCH-CUSTOMER'), 404, 'Customer not found');
  });
});

describe('GET /customers/:id/support/tickets/:ticketId', () => {
  it('returns the ticket and its history, oldest first', async () => {
    const detail = await f.client.getTicket('SEC-SUP1', 'SEC-T2');
    expect(detail.ticket).toMatchObject({ id: 'SEC-T2', status: 'closed', resolutionHours: 48, open: false });
    expect(detail.events.map((e) => [e.type, e.body, e.actor, e.occurredAt])).toEqual([
      ['opened', 'Where is my order?', 'customer', '2011-11-01T09:00:00.000Z'],
      ['status_changed', 'open → in_progress', 'agent.anna', '2011-11-01T12:00:00.000Z'],
      ['comment', 'Courier delay', 'agent.anna', '2011-11-03T09:00:00.000Z'],
      ['rating', 'CSAT 2/5 · NPS 5/10', 'agent.anna', '2011-11-03T09:00:00.000Z'],
      ['status_changed', 'in_progress → resolved', 'agent.anna', '2011-11-03T09:00:00.000Z'],
      ['status_changed', 'resolved → closed', 'system', '2011-11-04T09:00:00.000Z'],
    ]);
  });

  it('404 for a ticket of another customer, an unknown ticket or an unknown customer; 400 for a bad id', async () => {
    await expectProblem(f.client.getTicket('SEC-SUP1', 'SEC-T9'), 404, 'Ticket not found');
    await expectProblem(f.client.getTicket('SEC-SUP1', 'NOPE'), 404, 'Ticket not found');
    await expectProblem(f.client.getTicket('NO-SUCH-CUSTOMER', 'SEC-T1'), 404, 'Customer not found');
    const bad = await f.sample.call(`/customers/SEC-SUP1/support/tickets/${'x'.repeat(201)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path.ticketId');
  });
});

describe('npsScore', () => {
  it('is % promoters (9–10) − % detractors (0–6), rounded half away from zero', () => {
    expect(npsScore([])).toBeNull();
    expect(npsScore([9, 10, 10])).toBe(100);
    expect(npsScore([0, 6, 3])).toBe(-100);
    expect(npsScore([7, 8])).toBe(0);
    expect(Object.is(npsScore([7, 8, 9, 0]), 0)).toBe(true); // never −0
    expect(npsScore([0, 0, 0, 10])).toBe(-50);
    expect(npsScore([0, 0, 10, 7, 7, 7, 7, 7])).toBe(-13); // −12.5
    expect(npsScore([10, 10, 0, 7, 7, 7, 7, 7])).toBe(13); // +12.5
  });
});
