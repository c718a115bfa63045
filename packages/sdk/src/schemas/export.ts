/**
 * Exports (R17): one customer as PDF or CSV, many customers as a streamed CSV.
 * @module
 */
import { z } from 'zod';
import { CustomerSearchQuery } from './customer.js';

/** Query of GET /customers/{id}/export. */
export const ExportQuery = z.object({
  format: z.enum(['pdf', 'csv']).default('pdf').meta({ description: '`pdf` (the full report) or `csv` (metrics and order history)' }),
});
export type ExportQuery = z.input<typeof ExportQuery>;

/** Query of GET /customers/export.csv: the filters of GET /customers (no paging: every match is streamed). */
export const BulkExportQuery = CustomerSearchQuery.omit({ limit: true, cursor: true });
export type BulkExportQuery = z.input<typeof BulkExportQuery>;
