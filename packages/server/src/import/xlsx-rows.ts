/**
 * Streaming reading of an Excel workbook (`.xlsx`, e.g. UCI's original `Online Retail.xlsx`) for
 * importers, with exceljs's streaming `WorkbookReader`: the first worksheet becomes the same
 * records as `readCsvRows` gives for a CSV (values as text keyed by the header's column names, with
 * the row number as the line), without holding the sheet in memory.
 *
 * Cell values become the text a CSV of the sheet would hold: numbers in their shortest form
 * (`2.55`, `17850`), date cells (Excel serials, no zone, taken as UTC) in the `dateFormat` the
 * importer parses (`ymd`: `2010-12-01 08:26:00`), formulas as their result, rich text as its text.
 *
 * Progress counts sheet rows, not file bytes: exceljs reads the whole zip first when the shared
 * strings come after the sheet (as Excel writes it), so bytes reach 100 % before the first row. The
 * row count comes from the sheet's `<dimension ref="A1:H541910"/>`, read with fflate from the start of
 * the sheet's zip entry only.
 * @module
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate } from 'fflate';
import { assertReadableFile, type CsvReadOptions, type CsvRow } from './csv-rows.js';
import { ImportError } from './errors.js';
import type { DateFormat } from './fields.js';

/**
 * Options of {@link readXlsxRows}. Its `onProgress` reports sheet rows: `bytes` is the row reached
 * and `totalBytes` the sheet's last row (0 until the end when the sheet does not say).
 */
export interface XlsxReadOptions extends CsvReadOptions {
  /** How date cells are written out for the importer's date parser (default `ymd`). */
  dateFormat?: DateFormat;
}

/**
 * Streams the data rows of the first worksheet of `file`, whose first non-empty row is a header.
 * Extra columns are ignored; empty rows are skipped. Progress is in bytes of the (compressed) file.
 *
 * @param columns the columns the caller needs; each must appear in the header.
 * @throws ImportError `line 1, column X: missing header column`, `not an Excel workbook (.xlsx)`,
 *   `no worksheet`, or a file error naming the file.
 */
export async function* readXlsxRows<C extends string>(
  file: string,
  columns: readonly C[],
  options: XlsxReadOptions = {},
): AsyncGenerator<CsvRow<C>> {
  await assertReadableFile(file);
  const lastRow = (await sheetRowCount(file)) ?? 0;
  const every = options.progressEveryRows ?? 10_000;
  const dateFormat = options.dateFormat ?? 'ymd';
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let index: number[] | undefined;
  let rows = 0;
  let reached = 0;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const cells = (row.values as unknown[]).slice(1).map((v) => cellText(v, dateFormat));
        if (cells.every((text) => text === '')) continue;
        if (!index) {
          const header = cells.map((name) => name.trim());
          index = columns.map((column) => {
            const i = header.indexOf(column);
            if (i < 0) throw new ImportError(file, 'missing header column', { line: row.number, column });
            return i;
          });
          continue;
        }
        reached = row.number;
        const values = {} as Record<C, string>;
        for (let c = 0; c < columns.length; c++) values[columns[c]!] = cells[index[c]!] ?? '';
        rows++;
        if (options.onProgress && rows % every === 0) {
          options.onProgress({ bytes: Math.min(row.number, lastRow), totalBytes: lastRow, rows });
        }
        yield { line: row.number, values };
      }
      break; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(file, `not an Excel workbook (.xlsx) or unreadable: ${(error as Error).message}`);
  } finally {
    source.destroy();
  }
  if (!index) throw new ImportError(file, 'no worksheet with a header row');
  const end = lastRow || reached; // at the end the last row is known, whatever the sheet said
  options.onProgress?.({ bytes: end, totalBytes: end, rows });
}

/**
 * The last row of the first worksheet as its `<dimension ref="A1:H541910"/>` says, reading the zip
 * only up to that element (it opens the sheet's XML); undefined when absent or unreadable.
 */
function sheetRowCount(file: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const source = createReadStream(file, { highWaterMark: 1 << 16 });
    const decoder = new TextDecoder();
    let head = '';
    let settled = false;
    const finish = (last?: number) => {
      if (settled) return;
      settled = true;
      source.destroy();
      resolve(last);
    };
    const unzip = new Unzip((entry) => {
      if (settled || !/^xl\/worksheets\/sheet\d*\.xml$/.test(entry.name)) return;
      entry.ondata = (error, chunk, final) => {
        if (error) return finish();
        head += decoder.decode(chunk, { stream: !final });
        const match = /<dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head);
        if (match) return finish(Number(match[1] ?? 1));
        if (final || head.length > 1 << 16) finish();
      };
      entry.start();
    });
    unzip.register(UnzipInflate);
    source.on('data', (chunk) => {
      if (settled) return;
      try {
        unzip.push(chunk as Buffer);
      } catch {
        finish(); // not a zip: the workbook reader says so
      }
    });
    source.on('end', () => finish());
    source.on('error', () => finish());
  });
}

/** The text of one cell value as exceljs gives it. */
function cellText(value: unknown, dateFormat: DateFormat): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(value, dateFormat);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((part) => part.text).join('');
  if ('result' in v) return cellText(v.result, dateFormat);
  if (v.text !== undefined) return cellText(v.text, dateFormat);
  if (v.error !== undefined) return v.error;
  return String(value);
}

/** A date cell (UTC) as text in `format`, to the second. */
function formatDate(cell: Date, format: DateFormat): string {
  const date = new Date(Math.round(cell.getTime() / 1000) * 1000); // a serial's fraction of a day is not exact
  const p = (n: number) => String(n).padStart(2, '0');
  const y = String(date.getUTCFullYear());
  const mo = p(date.getUTCMonth() + 1);
  const d = p(date.getUTCDate());
  const time = `${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`;
  if (format === 'dmy') return `${d}/${mo}/${y} ${time}`;
  if (format === 'mdy') return `${mo}/${d}/${y} ${time}`;
  return `${y}-${mo}-${d} ${time}`;
}
