/**
 * The recent/prior 90-day activity counts and support facts that health and churn scoring read.
 * Windows: recent = (asOf − 90 d, asOf], prior = (asOf − 180 d, asOf − 90 d].
 * @module
 */
import { sql } from 'kysely';
import { OPEN_TICKET_STATUSES } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { ActivityCounts, EngagementInput, SupportInput } from '../scoring/engagement.js';

const DAY = 86_400_000;

interface WindowRow {
  recent: number | null;
  prior: number | null;
}

function windowed(column: string, bounds: { p0: string; r0: string; end: string }) {
  const col = sql.ref(column);
  return {
    recent: sql<number>`sum(case when ${col} > ${bounds.r0} and ${col} <= ${bounds.end} then 1 else 0 end)`.as('recent'),
    prior: sql<number>`sum(case when ${col} > ${bounds.p0} and ${col} <= ${bounds.r0} then 1 else 0 end)`.as('prior'),
  };
}

/** Counts of orders, email opens, email clicks and sessions in the two 90-day windows before as-of. */
export async function loadEngagement(db: Db, customerId: string, asOf: Date): Promise<EngagementInput> {
  const bounds = {
    end: asOf.toISOString(),
    r0: new Date(asOf.getTime() - 90 * DAY).toISOString(),
    p0: new Date(asOf.getTime() - 180 * DAY).toISOString(),
  };
  const [orders, opens, clicks, sessions] = await Promise.all([
    db.selectFrom('orders').select(Object.values(windowed('placed_at', bounds)))
      .where('customer_id', '=', customerId).where('placed_at', '>', bounds.p0).executeTakeFirst(),
    db.selectFrom('marketing_events').select(Object.values(windowed('occurred_at', bounds)))
      .where('customer_id', '=', customerId).where('type', '=', 'opened').where('occurred_at', '>', bounds.p0).executeTakeFirst(),
    db.selectFrom('marketing_events').select(Object.values(windowed('occurred_at', bounds)))
      .where('customer_id', '=', customerId).where('type', '=', 'clicked').where('occurred_at', '>', bounds.p0).executeTakeFirst(),
    db.selectFrom('sessions').select(Object.values(windowed('started_at', bounds)))
      .where('customer_id', '=', customerId).where('started_at', '>', bounds.p0).executeTakeFirst(),
  ]);
  const pick = (key: keyof WindowRow): ActivityCounts => ({
    orders: Number((orders as WindowRow | undefined)?.[key] ?? 0),
    emailOpens: Number((opens as WindowRow | undefined)?.[key] ?? 0),
    emailClicks: Number((clicks as WindowRow | undefined)?.[key] ?? 0),
    sessions: Number((sessions as WindowRow | undefined)?.[key] ?? 0),
  });
  return { recent90: pick('recent'), prior90: pick('prior') };
}


/** Open tickets, and tickets / negative CSAT (≤ 2 of 5) created in the 180 days before as-of. */
export async function loadSupport(db: Db, customerId: string, asOf: Date): Promise<SupportInput> {
  const since = new Date(asOf.getTime() - 180 * DAY).toISOString();
  const row = await db
    .selectFrom('tickets')
    .select([
      sql<number>`sum(case when status in (${sql.join(OPEN_TICKET_STATUSES)}) then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when created_at > ${since} then 1 else 0 end)`.as('recent'),
      sql<number>`sum(case when created_at > ${since} and csat is not null and csat <= 2 then 1 else 0 end)`.as('negative'),
    ])
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return {
    openTickets: Number(row?.open ?? 0),
    tickets180: Number(row?.recent ?? 0),
    negativeCsat180: Number(row?.negative ?? 0),
  };
}
