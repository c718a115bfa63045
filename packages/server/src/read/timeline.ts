/**
 * GET /customers/:id/timeline — the activity feed newest first, keyset-paginated on
 * (occurred_at desc, id desc) so pages never skip or repeat an event (design Property 3).
 * @module
 */
import type { TimelineEventType, TimelinePage, TimelineQuery } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { minorToMajor } from '../scoring/money.js';
import { customerNotFound } from '../core/problem.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { maskBillingDetails } from './payments.js';
import { timelineDescriptionText, timelineTitleText } from '../i18n/timeline-parse.js';

type Query = z.output<typeof TimelineQuery>;

/** `from` as a date means from 00:00Z that day; `to` as a date means through the end of that day. */
function bound(value: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return end ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  return new Date(value).toISOString();
}

export interface TimelineOptions {
  /** The caller lacks `payments:full`: processor references are removed from payment entries (R19.2). */
  maskPayments?: boolean;
}

const PAYMENT_TYPES: ReadonlySet<string> = new Set(['payment', 'refund']);

/**
 * One page of a customer's timeline. Each entry carries its stored English title and description and
 * their catalogue codes (`titleText`, `descriptionText`) recovered by i18n/timeline-parse.ts.
 * @throws ProblemError 404 when the customer does not exist.
 */
export async function loadTimeline(db: Db, customerId: string, query: Query, options: TimelineOptions = {}): Promise<TimelinePage> {
  const exists = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!exists) throw customerNotFound(customerId);

  let q = db.selectFrom('activity').selectAll().where('customer_id', '=', customerId);
  if (query.types?.length) q = q.where('type', 'in', query.types);
  if (query.from) q = q.where('occurred_at', '>=', bound(query.from, false));
  if (query.to) q = q.where('occurred_at', '<=', bound(query.to, true));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    q = q.where((eb) => eb.or([eb('occurred_at', '<', at), eb.and([eb('occurred_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((a) => {
      const description = options.maskPayments && PAYMENT_TYPES.has(a.type) ? maskBillingDetails(a.description) : a.description;
      return {
        id: a.id,
        type: a.type as TimelineEventType,
        title: a.title,
        description,
        titleText: timelineTitleText(a.title),
        descriptionText: timelineDescriptionText(description),
        occurredAt: a.occurred_at,
        amount: a.amount_minor === null || a.currency === null ? null : minorToMajor(Number(a.amount_minor), a.currency),
        currency: a.currency,
        ref: a.ref_kind && a.ref_id ? { kind: a.ref_kind, id: a.ref_id } : null,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.occurred_at, last.id]) : null,
  };
}
