/**
 * Recording an export (R17.5): one `audit_log` row (action `export.pdf` / `export.csv` / `export.xlsx` /
 * `export.customers.csv` / `export.customers.xlsx`) and, for a one-customer export, an `export` timeline entry — written
 * together in one transaction, after the file was built (a failed build records nothing).
 * @module
 */
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { writeActivity } from '../ingest/shared.js';
import { sortableId } from '../write/ids.js';
import { notifyCommitted, recordChanges } from '../realtime/feed.js';

export type ExportFormat = 'pdf' | 'csv' | 'xlsx';

export interface RecordedExport {
  /** The id of the `export` timeline entry. */
  activityId: string;
}

/** Records a one-customer export by `actor` at `at`. */
export async function recordCustomerExport(
  db: Db,
  actor: Pick<Actor, 'name' | 'role' | 'tokenId'>,
  customerId: string,
  format: ExportFormat,
  details: { filename: string; bytes: number; asOf: string },
  at: Date = new Date(),
): Promise<RecordedExport> {
  const iso = at.toISOString();
  const activityId = `export:${sortableId('exp_', at)}`;
  await db.transaction().execute(async (trx) => {
    await writeActivity(trx, customerId, {
      id: activityId,
      type: 'export',
      title: `${format.toUpperCase()} export by ${actor.name}`,
      description: `${details.filename} · exported by ${actor.name} (${actor.role})`,
      occurredAt: iso,
    });
    await trx
      .insertInto('audit_log')
      .values({
        actor: actor.name,
        action: `export.${format}`,
        customer_id: customerId,
        details: JSON.stringify({ format, role: actor.role, tokenId: actor.tokenId, ...details }),
        at: iso,
      })
      .execute();
    await recordChanges(trx, [{ customerId, section: 'timeline', type: 'export', activityId }], new Date());
  });
  notifyCommitted(db); // real time (R18), after the commit
  return { activityId };
}

/** Records a bulk customer export (`export.customers.csv` / `.xlsx`; no timeline entry: it is about many customers). */
export async function recordBulkExport(
  db: Db,
  actor: Pick<Actor, 'name' | 'role' | 'tokenId'>,
  details: { filters: Record<string, unknown>; total: number },
  at: Date = new Date(),
  format: Exclude<ExportFormat, 'pdf'> = 'csv',
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: actor.name,
      action: `export.customers.${format}`,
      customer_id: null,
      details: JSON.stringify({ format, role: actor.role, tokenId: actor.tokenId, ...details }),
      at: at.toISOString(),
    })
    .execute();
}
