/**
 * Significant score changes (SPEC §4, R12.5, R13.5): a health change of ≥ 10 points or a churn-level
 * change after an ingestion batch writes one `score` timeline entry, a score_history row and a
 * real-time change; smaller changes write nothing; the first computation is a silent baseline; a
 * replayed batch changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestEvent, type IngestEventInput } from '@c360/sdk';
import { applyEvents } from '../../src/ingest/apply-events.js';
import { churnChangeTitle, healthChangeTitle, isSignificant } from '../../src/scores/score-changes.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, rowsOf, snapshotAll } from '../ingest/helpers.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const DAY = 86_400_000;
/** An ISO time `days` days before the sample's as-of. */
const daysAgo = (days: number) => new Date(sample.asOf.getTime() - days * DAY).toISOString();

async function apply(batch: IngestEventInput[]): Promise<void> {
  await applyEvents(
    sample.db,
    batch.map((e) => IngestEvent.parse(e)),
    sample.asOf,
  );
}
async function scores(customerId: string): Promise<{ health: { score: number; level: string }; churn: { score: number; level: string } }> {
  const res = await sample.call(`/customers/${customerId}/360`);
  expect(res.status).toBe(200);
  return { health: res.body.health, churn: res.body.churn };
}
const scoreEntries = async (customerId: string) =>
  (await rowsOf(sample.db, 'activity', 'customer_id', customerId)).filter((a) => a.type === 'score');
const history = async (customerId: string) =>
  (await rowsOf(sample.db, 'score_history', 'customer_id', customerId)).sort((a, b) => a.id - b.id);
const feedOf = async (customerId: string) =>
  (await rowsOf(sample.db, 'change_feed', 'customer_id', customerId)).filter((c) => c.type === 'score.changed');

/** A new customer with one completed order `orderDaysAgo` days before as-of. */
function newCustomer(prefix: string, customerId: string, orderDaysAgo: number): IngestEventInput[] {
  const ev = eventMaker(prefix);
  const c = { customerId };
  return [
    ev('customer.upserted', { ...c, name: `Score ${customerId}` }, daysAgo(400)),
    ev(
      'order.placed',
      { ...c, orderId: `${customerId}-O1`, currency: 'GBP', lines: [{ productId: `${customerId}-P`, quantity: 1, unitPrice: 20 }] },
      daysAgo(orderDaysAgo),
    ),
    ev('order.status_changed', { ...c, orderId: `${customerId}-O1`, status: 'delivered' }, daysAgo(orderDaysAgo)),
    ev('session.started', { ...c, sessionId: `${customerId}-S1`, device: 'desktop' }, daysAgo(3)),
  ];
}

describe('score changes after ingestion', () => {
  it('the first computation records a baseline of both scores, without a timeline entry', async () => {
    await apply(newCustomer('sc-base', 'SC-1', 5));
    const now = await scores('SC-1');
    expect((await history('SC-1')).map((h) => [h.kind, h.score, h.level])).toEqual([
      ['health', now.health.score, now.health.level],
      ['churn', now.churn.score, now.churn.level],
    ]);
    expect(await scoreEntries('SC-1')).toEqual([]);
    expect(await feedOf('SC-1')).toEqual([]);
  });

  it('a small change (< 10 points, same churn level) writes nothing', async () => {
    const before = await scores('SC-1');
    const ev = eventMaker('sc-small');
    await apply([ev('marketing.email_opened', { customerId: 'SC-1', campaignId: 'SC-CMP' }, daysAgo(2))]);
    const after = await scores('SC-1');
    expect(after.health.score).not.toBe(before.health.score); // it did move…
    expect(Math.abs(after.health.score - before.health.score)).toBeLessThan(10); // …but not by 10
    expect(after.churn.level).toBe(before.churn.level);
    expect(await history('SC-1')).toHaveLength(2);
    expect(await scoreEntries('SC-1')).toEqual([]);
  });

  it('a health drop of ≥ 10 points writes one score entry, a history row and a real-time change; a replay changes nothing', async () => {
    const before = await scores('SC-1');
    const ev = eventMaker('sc-drop');
    const c = { customerId: 'SC-1' };
    const batch = [
      ev('ticket.opened', { ...c, ticketId: 'SC-T1', subject: 'Late' }, daysAgo(2)),
      ev('ticket.opened', { ...c, ticketId: 'SC-T2', subject: 'Broken' }, daysAgo(2)),
      ev('ticket.opened', { ...c, ticketId: 'SC-T3', subject: 'Wrong item' }, daysAgo(1)),
      ev('ticket.updated', { ...c, ticketId: 'SC-T1', status: 'escalated', csat: 1 }, daysAgo(1)),
      ev('ticket.updated', { ...c, ticketId: 'SC-T2', status: 'pending', csat: 2 }, daysAgo(1)),
    ];
    await apply(batch);
    const after = await scores('SC-1');
    expect(before.health.score - after.health.score).toBeGreaterThanOrEqual(10);
    expect(after.churn.level).toBe(before.churn.level);

    const rows = await history('SC-1');
    expect(rows).toHaveLength(3);
    const added = rows[2]!;
    expect([added.kind, added.score, added.level]).toEqual(['health', after.health.score, after.health.level]);
    // Compared with the last *recorded* health (the baseline), not with the previous computation.
    const recorded = rows[0]!;
    expect(recorded.kind).toBe('health');
    const entries = await scoreEntries('SC-1');
    const levels = recorded.level === after.health.level ? after.health.level : `${recorded.level} → ${after.health.level}`;
    expect(entries).toEqual([
      expect.objectContaining({
        id: `score:SC-1:health:${added.id}`,
        title: `Health score fell from ${recorded.score} to ${after.health.score} (${levels})`,
        ref_kind: 'score',
        ref_id: String(added.id),
        description: `−${recorded.score - after.health.score} points since the last recorded score`,
        occurred_at: sample.asOf.toISOString(),
      }),
    ]);
    expect((await feedOf('SC-1')).map((c) => [c.section, c.activity_id]).sort()).toEqual([
      ['scores', entries[0]!.id],
      ['timeline', entries[0]!.id],
    ]);
    const timeline = (await sample.call('/customers/SC-1/timeline?limit=200')).body.events;
    expect(timeline.filter((e: { type: string }) => e.type === 'score')).toEqual([
      expect.objectContaining({ id: entries[0]!.id, title: entries[0]!.title, ref: { kind: 'score', id: String(added.id) } }),
    ]);

    // Replay: as duplicates nothing is applied; forced (idempotency keys forgotten), the appliers
    // rewrite their own rows (as in test/ingest/replay-and-errors.test.ts: counts unchanged) and no
    // score row, score entry or score change is added or altered.
    const snapshot = await snapshotAll(sample.db);
    await apply(batch);
    expect(await snapshotAll(sample.db)).toEqual(snapshot);
    await sample.db.deleteFrom('idempotency_keys').where('key', 'like', 'event:sc-drop-%').execute();
    const [entriesBefore, feedBefore] = [await scoreEntries('SC-1'), await feedOf('SC-1')];
    await apply(batch);
    const forced = await snapshotAll(sample.db);
    for (const table of Object.keys(snapshot)) expect([table, forced[table]!.count]).toEqual([table, snapshot[table]!.count]);
    expect(forced.score_history).toEqual(snapshot.score_history);
    expect(await scoreEntries('SC-1')).toEqual(entriesBefore);
    expect(await feedOf('SC-1')).toEqual(feedBefore);
  });

  it('a churn-level change writes one "Churn risk rose to …" entry and a churn history row', async () => {
    await apply(newCustomer('sc-churn', 'SC-2', 200)); // baseline
    const before = await scores('SC-2');
    const ev = eventMaker('sc-churn2');
    const c = { customerId: 'SC-2' };
    await apply([
      ev('ticket.opened', { ...c, ticketId: 'SC2-T1', subject: 'Late' }, daysAgo(2)),
      ev('ticket.opened', { ...c, ticketId: 'SC2-T2', subject: 'Broken' }, daysAgo(2)),
    ]);
    const after = await scores('SC-2');
    expect(after.churn.level).not.toBe(before.churn.level);
    expect(Math.abs(after.health.score - before.health.score)).toBeLessThan(10);
    const rows = await history('SC-2');
    expect(rows.map((h) => h.kind)).toEqual(['health', 'churn', 'churn']);
    expect([rows[2]!.score, rows[2]!.level]).toEqual([after.churn.score, after.churn.level]);
    expect((await scoreEntries('SC-2')).map((a) => [a.id, a.title])).toEqual([
      [`score:SC-2:churn:${rows[2]!.id}`, `Churn risk rose to ${after.churn.level} (${after.churn.score})`],
    ]);
  });

  it('history ids follow customer id order within a batch, whatever order the engine returns the facts in', async () => {
    await apply([
      ...newCustomer('sc-ord-z', 'SC-ORD-Z', 5),
      ...newCustomer('sc-ord-m', 'SC-ORD-M', 5),
      ...newCustomer('sc-ord-a', 'SC-ORD-A', 5),
    ]);
    const rows = [...(await history('SC-ORD-A')), ...(await history('SC-ORD-M')), ...(await history('SC-ORD-Z'))];
    expect(rows.map((h) => [h.customer_id, h.kind])).toEqual([
      ['SC-ORD-A', 'health'],
      ['SC-ORD-A', 'churn'],
      ['SC-ORD-M', 'health'],
      ['SC-ORD-M', 'churn'],
      ['SC-ORD-Z', 'health'],
      ['SC-ORD-Z', 'churn'],
    ]);
    const ids = rows.map((h) => h.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b)); // same data, same ids on both engines
  });
});

describe('titles and thresholds', () => {
  it('words health and churn changes', () => {
    expect(healthChangeTitle({ score: 72, level: 'good' }, { score: 58, level: 'fair' })).toBe(
      'Health score fell from 72 to 58 (good → fair)',
    );
    expect(healthChangeTitle({ score: 45, level: 'fair' }, { score: 57, level: 'fair' })).toBe('Health score rose from 45 to 57 (fair)');
    expect(churnChangeTitle({ score: 50, level: 'medium' }, { score: 71, level: 'high' })).toBe('Churn risk rose to high (71)');
    expect(churnChangeTitle({ score: 50, level: 'medium' }, { score: 20, level: 'low' })).toBe('Churn risk fell to low (20)');
  });

  it('health: |Δ| ≥ 10 points; churn: any level change', () => {
    expect(isSignificant('health', { score: 70, level: 'good' }, { score: 60, level: 'good' })).toBe(true);
    expect(isSignificant('health', { score: 70, level: 'good' }, { score: 80, level: 'excellent' })).toBe(true);
    expect(isSignificant('health', { score: 61, level: 'good' }, { score: 52, level: 'fair' })).toBe(false);
    expect(isSignificant('churn', { score: 33, level: 'low' }, { score: 34, level: 'medium' })).toBe(true);
    expect(isSignificant('churn', { score: 34, level: 'medium' }, { score: 66, level: 'medium' })).toBe(false);
  });
});
