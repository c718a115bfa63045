/**
 * Exports (R17, 003): one customer as PDF, CSV or Excel, many customers as a streamed CSV or Excel workbook.
 * @module
 */
import { z } from 'zod';
import { CustomerSearchQuery } from './customer.js';

/** The languages an export can be written in (`?locale=`). */
export const EXPORT_LOCALES = ['en', 'fr', 'ar'] as const;
/** An export's language: labels, headings, column headers, dates and money in that language (Arabic PDFs right to left). */
export const ExportLocale = z.enum(EXPORT_LOCALES).meta({
  description:
    'Language of the file: `en`, `fr` or `ar` (labels, headings, column headers, dates and money; an Arabic PDF is laid out right to left). ' +
    'Default: the first of these in `Accept-Language`, else `en`.',
  example: 'fr',
});
export type ExportLocale = z.infer<typeof ExportLocale>;

/** Query of GET /customers/{id}/export. */
export const ExportQuery = z.object({
  locale: ExportLocale.optional(),
  format: z
    .enum(['pdf', 'csv', 'xlsx'])
    .default('pdf')
    .meta({ description: '`pdf` (the full report), `csv` (metrics and order history) or `xlsx` (an Excel workbook, a sheet per section)' }),
});
export type ExportQuery = z.input<typeof ExportQuery>;

/** Query of GET /customers/export.csv and GET /customers/export.xlsx: the filters of GET /customers (no paging: every match is streamed). */
export const BulkExportQuery = CustomerSearchQuery.omit({ limit: true, cursor: true }).extend({ locale: ExportLocale.optional() });
export type BulkExportQuery = z.input<typeof BulkExportQuery>;
