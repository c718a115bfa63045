/**
 * The section routes as a whole: documented in the OpenAPI document with their schemas, 404 for an
 * unknown customer and 400 naming a malformed id on every one, and the SDK client reaching each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
beforeAll(async () => {
  f = await openSections('sec-routes');
});
afterAll(() => f.sample.close());

const SECTIONS = ['loyalty', 'marketing', 'support', 'payments', 'analytics'] as const;

describe('section routes', () => {
  it('are documented in the OpenAPI document with their response schemas', async () => {
    const { body } = await f.sample.call('/openapi.json');
    for (const section of SECTIONS) {
      const get = body.paths[`/customers/{id}/${section}`]?.get;
      expect(get, section).toBeDefined();
      expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '403', '404', '500']);
      expect(get.security).toEqual([{ bearerAuth: [] }]);
      expect(get['x-c360-permission']).toBe('customers:read');
      expect(get.parameters.map((p: { name: string; in: string }) => `${p.in}.${p.name}`)).toEqual(['path.id']);
    }
    const ticket = body.paths['/customers/{id}/support/tickets/{ticketId}'].get;
    expect(ticket.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'ticketId']);
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining([
        'LoyaltyStatus',
        'MarketingEngagement',
        'SupportHistory',
        'TicketDetail',
        'PaymentsOverview',
        'BehaviorAnalytics',
      ]),
    );
    expect(body.paths['/customers/{id}/loyalty'].get.description).toContain('silver 1,000');
  });

  it('answer 404 problem+json for an unknown customer and 400 naming path.id for a malformed one', async () => {
    for (const section of SECTIONS) {
      const missing = await f.sample.call(`/customers/NO-SUCH-CUSTOMER/${section}`);
      expect([section, missing.status, missing.type, missing.body.detail]).toEqual([
        section,
        404,
        'application/problem+json',
        'No customer with id "NO-SUCH-CUSTOMER"',
      ]);
      const bad = await f.sample.call(`/customers/a%20b/${section}`);
      expect([section, bad.status, bad.body.errors.map((e: { field: string }) => e.field)]).toEqual([section, 400, ['path.id']]);
    }
  });

  it("every SDK method parses a sample customer's sections", async () => {
    const id = '17850';
    const results = await Promise.all([
      f.client.getLoyalty(id),
      f.client.getMarketing(id),
      f.client.getSupport(id),
      f.client.getPayments(id),
      f.client.getAnalytics(id),
    ]);
    for (const r of results) expect(r.asOf).toBe(f.sample.asOf.toISOString());
    const support = results[2];
    if (support.tickets[0]) {
      const detail = await f.client.getTicket(id, support.tickets[0].id);
      expect(detail.ticket).toEqual(support.tickets[0]);
    }
  });
});
