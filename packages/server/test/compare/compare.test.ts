/**
 * GET /customers/compare over the real app and sample (R16): values as in the 360 view, highest and
 * lowest per field, segment overlap for 2 and 3 customers, 400 naming `query.ids`, 404 naming the id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARED_FIELDS, createClient } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let ids: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  // Customers with completed orders, most valuable first, so that values differ.
  ids = (
    await sample.db
      .selectFrom('customer_stats')
      .select('customer_id')
      .where('completed_orders', '>', 0)
      .orderBy('total_spent_minor', 'desc')
      .orderBy('customer_id')
      .execute()
  ).map((r) => r.customer_id);
});
afterAll(() => sample.close());

const send = (method: string, path: string, body?: unknown) =>
  sample.call(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** The expected value of a compared field, read from a 360 view and the timeline-free engagement counts. */
function valueOf(view: any, entry: any, field: (typeof COMPARED_FIELDS)[number]): number | null {
  switch (field) {
    case 'healthScore':
      return view.health.score;
    case 'churnScore':
      return view.churn.score;
    case 'engagementScore':
      return view.health.factors.find((f: any) => f.name === 'engagement').value;
    case 'sessions90':
      return entry.engagement.sessions90;
    case 'emailOpens90':
      return entry.engagement.emailOpens90;
    default:
      return view.metrics[field];
  }
}

async function checkComparison(chosen: string[]) {
  const res = await sample.call(`/customers/compare?ids=${chosen.join(',')}`);
  expect(res.status).toBe(200);
  const body = res.body;
  expect(body.customers.map((c: any) => c.id)).toEqual(chosen);
  const views = await Promise.all(chosen.map(async (id) => (await sample.call(`/customers/${id}/360`)).body));
  body.customers.forEach((c: any, i: number) => {
    expect(c.metrics).toEqual(views[i].metrics);
    expect(c.health).toEqual({ score: views[i].health.score, level: views[i].health.level });
    expect(c.churn).toEqual({ score: views[i].churn.score, level: views[i].churn.level });
    expect(c.rfm).toEqual(views[i].rfm);
    expect(c.segments).toEqual(views[i].segments);
    expect(c.name).toBe(views[i].profile.name);
  });

  expect(body.differences.map((d: any) => d.field)).toEqual([...COMPARED_FIELDS]);
  for (const d of body.differences) {
    const values = chosen.map((_, i) => valueOf(views[i], body.customers[i], d.field));
    expect(d.values, d.field).toEqual(values);
    const present = values.map((v, i) => [v, i] as const).filter(([v]) => v !== null) as Array<readonly [number, number]>;
    const max = Math.max(...present.map(([v]) => v));
    const min = Math.min(...present.map(([v]) => v));
    const differs = present.length >= 2 && max !== min;
    expect(d.differs, d.field).toBe(differs);
    expect(d.highest, d.field).toBe(differs ? chosen[present.find(([v]) => v === max)![1]] : null);
    expect(d.lowest, d.field).toBe(differs ? chosen[present.find(([v]) => v === min)![1]] : null);
  }

  const segIds = views.map((v) => new Set(v.segments.map((s: any) => s.id)));
  const shared = views[0].segments.filter((s: any) => segIds.every((set) => set.has(s.id))).map((s: any) => s.id);
  expect(body.segments.shared.map((s: any) => s.id)).toEqual(shared);
  for (const [i, id] of chosen.entries()) {
    expect(body.segments.byCustomer[id].map((s: any) => s.id)).toEqual(
      views[i].segments.map((s: any) => s.id).filter((s: string) => !shared.includes(s)),
    );
  }
  return body;
}

describe('GET /customers/compare', () => {
  it('compares 2 customers: values as in the 360 view, highest and lowest per field', async () => {
    const body = await checkComparison([ids[0]!, ids[ids.length - 1]!]);
    const clv = body.differences.find((d: any) => d.field === 'lifetimeValue');
    expect(clv).toMatchObject({ highest: ids[0], lowest: ids[ids.length - 1], differs: true });
  });

  it('compares 3 customers with shared and own segments', async () => {
    const chosen = [ids[5]!, ids[40]!, ids[80]!];
    const team = (await send('POST', '/segments', { name: 'Key accounts', kind: 'manual' })).body;
    const pilot = (await send('POST', '/segments', { name: 'Pilot', kind: 'manual' })).body;
    for (const id of chosen) await send('POST', `/customers/${id}/segments`, { segmentId: team.id });
    await send('POST', `/customers/${chosen[0]}/segments`, { segmentId: pilot.id });
    await send('POST', `/customers/${chosen[2]}/segments`, { segmentId: pilot.id });
    const body = await checkComparison(chosen);
    expect(body.segments.shared.map((s: any) => s.id)).toContain(team.id);
    expect(body.segments.byCustomer[chosen[0]!].map((s: any) => s.id)).toContain(pilot.id);
    expect(body.segments.byCustomer[chosen[1]!].map((s: any) => s.id)).not.toContain(pilot.id);
    expect(body.segments.byCustomer[chosen[2]!].map((s: any) => s.id)).toContain(pilot.id);
  });

  it('marks equal values as no difference (a customer without purchases has no days since last purchase)', async () => {
    const none = (
      await sample.db
        .selectFrom('customers as c')
        .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
        .select('c.id')
        .where((eb) => eb.or([eb('s.completed_orders', '=', 0), eb('s.customer_id', 'is', null)]))
        .execute()
    ).map((r) => r.id);
    if (none.length === 0) {
      await send('POST', '/events', [
        {
          id: 'cmp-new-1',
          type: 'customer.upserted',
          occurredAt: '2011-11-01T00:00:00Z',
          data: { customerId: 'CMP-NEW', name: 'No Orders' },
        },
      ]);
      none.push('CMP-NEW');
    }
    const body = await checkComparison([ids[0]!, none[0]!]);
    const days = body.differences.find((d: any) => d.field === 'daysSinceLastPurchase');
    expect(days.values[1]).toBeNull();
    expect(days).toMatchObject({ highest: null, lowest: null, differs: false });
  });

  it('answers 400 naming query.ids for anything but 2–3 distinct ids', async () => {
    for (const q of ['', '?ids=', `?ids=${ids[0]}`, `?ids=${ids[0]},${ids[0]}`, `?ids=${ids.slice(0, 4).join(',')}`, '?ids=a,b%20c']) {
      const res = await sample.call(`/customers/compare${q}`);
      expect(res.status, q).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(
        res.body.errors.map((e: any) => e.field),
        q,
      ).toContain('query.ids');
    }
  });

  it('answers 404 naming the missing customer', async () => {
    const res = await sample.call(`/customers/compare?ids=${ids[0]},NO-SUCH-ONE,${ids[1]}`);
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('NO-SUCH-ONE');
  });

  it('works through the SDK client', async () => {
    const client = createClient({ baseUrl: 'http://localhost', fetch: async (input, init) => sample.app.request(String(input), init) });
    const result = await client.compareCustomers([ids[1]!, ids[2]!]);
    expect(result.customers.map((c) => c.id)).toEqual([ids[1], ids[2]]);
    await expect(client.compareCustomers([ids[1]!])).rejects.toMatchObject({ status: 400 });
  });
});
