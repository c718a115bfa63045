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
import { FixedQuery } from './fixed-query.js';
import { timelineDescriptionText, timelineTitleText } from '../i18n/timeline-parse.js';

type Query = z.output<typeof TimelineQuery>;

/** `from` as a date means from 00:00Z that day; `to` as a date means through the end of that day. */
function bound(value: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return end ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  return new Date(value).toISOString();
}

const customerExists = new FixedQuery((db, id: string) => db.selectFrom('customers').select('id').where('id', '=', id));

/** The activity of a customer newest first, after the (occurred_at, id) cursor when there is one. */
function newestFirst(db: Db, customerId: string, cursor: [string, string] | undefined) {
  let q = db.selectFrom('activity').selectAll().where('customer_id', '=', customerId);
  if (cursor) {
    const [at, id] = cursor;
    q = q.where((eb) => eb.or([eb('occurred_at', '<', at), eb.and([eb('occurred_at', '=', at), eb('id', '<', id)])]));
  }
  return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc');
}

/** The unfiltered pages (the usual request), compiled once. */
const firstPage = new FixedQuery((db, customerId: string, limit: number) => newestFirst(db, customerId, undefined).limit(limit));
const pageAfter = new FixedQuery((db, customerId: string, at: string, id: string, limit: number) =>
  newestFirst(db, customerId, [at, id]).limit(limit),
);

/** A page with type or date filters, built per request. */
function filtered(db: Db, customerId: string, query: Query, cursor: [string, string] | undefined) {
  let q = newestFirst(db, customerId, cursor);
  if (query.types?.length) q = q.where('type', 'in', query.types);
  if (query.from) q = q.where('occurred_at', '>=', bound(query.from, false));
  if (query.to) q = q.where('occurred_at', '<=', bound(query.to, true));
  return q.limit(query.limit + 1).execute();
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
  const exists = await customerExists.first(db, customerId);
  if (!exists) throw customerNotFound(customerId);

  const cursor = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
  const rows =
    query.types?.length || query.from || query.to
      ? await filtered(db, customerId, query, cursor)
      : cursor
        ? await pageAfter.execute(db, customerId, cursor[0], cursor[1], query.limit + 1)
        : await firstPage.execute(db, customerId, query.limit + 1);
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
