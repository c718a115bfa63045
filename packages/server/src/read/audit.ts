/**
 * GET /audit — the audit log newest first, filtered by customer, actor, action (or an action
 * family `export.*`) and time, keyset-paginated on (at desc, id desc) so pages never skip or
 * repeat an entry.
 * @module
 */
import type { AuditEntry, AuditPage, AuditQuery } from '@c360/sdk';
import type { z } from 'zod';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';

type Query = z.output<typeof AuditQuery>;

/** `from` as a date means from 00:00Z that day; `to` as a date means through the end of that day. */
function bound(value: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return end ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  return new Date(value).toISOString();
}

/** The stored `details` JSON as an object (null when absent, or `{ value }` for a non-object). */
function detailsOf(text: string | null): AuditEntry['details'] {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { value: parsed };
  } catch {
    return { value: text };
  }
}

/**
 * One page of audit entries matching `query`, newest first.
 * @throws ProblemError 400 naming `cursor` when the cursor is not one this endpoint issued.
 */
export async function loadAudit(db: Db, query: Query): Promise<AuditPage> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.customer) q = q.where('customer_id', '=', query.customer);
  if (query.actor) q = q.where('actor', '=', query.actor);
  if (query.action?.endsWith('.*')) {
    const prefix = query.action.slice(0, -1); // `export.` (no LIKE: its wildcards and escapes differ between SQLite and Postgres)
    q = q.where(sql<string>`substr(action, 1, ${prefix.length})`, '=', prefix);
  } else if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', bound(query.from, false));
  if (query.to) q = q.where('at', '<=', bound(query.to, true));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, number];
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', Number(id))])]));
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      customerId: r.customer_id,
      details: detailsOf(r.details),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.at, Number(last.id)]) : null,
  };
}
