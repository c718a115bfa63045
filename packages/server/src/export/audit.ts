/**
 * Recording an export (R17.5): one `audit_log` row (action `export.pdf` / `export.csv` / `export.xlsx` /
 * `export.customers.csv` / `export.customers.xlsx`) and, for a one-customer export, an `export` timeline entry — written
 * together in one transaction of the write pipeline, after the file was built (a failed build records nothing).
 * @module
 */
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { sortableId } from '../write/ids.js';
import { runWrite } from '../write/pipeline.js';

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
  await runWrite(
    db,
    async (w) => {
      await w.activity(customerId, {
        id: activityId,
        type: 'export',
        title: `${format.toUpperCase()} export by ${actor.name}`,
        description: `${details.filename} · exported by ${actor.name} (${actor.role})`,
        occurredAt: iso,
      });
      await w.audit({
        actor: actor.name,
        action: `export.${format}`,
        customerId,
        details: { format, role: actor.role, tokenId: actor.tokenId, ...details },
      });
      w.change([{ customerId, section: 'timeline', type: 'export', activityId }]);
    },
    at,
  ); // the write pipeline: subscribers are woken after the commit
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
  await runWrite(
    db,
    (w) =>
      w.audit({
        actor: actor.name,
        action: `export.customers.${format}`,
        customerId: null,
        details: { format, role: actor.role, tokenId: actor.tokenId, ...details },
      }),
    at,
  ); // the audit row only: a bulk export changes no customer, so no change-feed entry
}
