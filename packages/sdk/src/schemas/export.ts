/**
 * Exports (R17, 003): one customer as PDF, CSV or Excel, many customers as a streamed CSV or Excel workbook.
 * @module
 */
import { z } from 'zod';
import { CustomerSearchQuery } from './customer.js';

/** Query of GET /customers/{id}/export. */
export const ExportQuery = z.object({
  format: z
    .enum(['pdf', 'csv', 'xlsx'])
    .default('pdf')
    .meta({ description: '`pdf` (the full report), `csv` (metrics and order history) or `xlsx` (an Excel workbook, a sheet per section)' }),
});
export type ExportQuery = z.input<typeof ExportQuery>;

/** Query of GET /customers/export.csv and GET /customers/export.xlsx: the filters of GET /customers (no paging: every match is streamed). */
export const BulkExportQuery = CustomerSearchQuery.omit({ limit: true, cursor: true });
export type BulkExportQuery = z.input<typeof BulkExportQuery>;
