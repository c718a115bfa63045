/**
 * Generic streaming CSV reading for importers: a file becomes an async sequence of records keyed by
 * the header's column names, each with the physical line it starts on, without ever holding the
 * whole file in memory. Source-specific mappers (e.g. `online-retail.ts`) validate and map the
 * records; this module knows nothing about their meaning.
 * @module
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import Papa from 'papaparse';
import { ImportError } from './errors.js';

/** Progress of a read: bytes consumed of `totalBytes` (file size) and records read so far. */
export interface ReadProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

/** One data record: its 1-based starting line (header = line 1) and its values by column name. */
export interface CsvRow<C extends string> {
  line: number;
  values: Record<C, string>;
}

export interface CsvReadOptions {
  /** Called every `progressEveryRows` records and once at the end (then `bytes === totalBytes`). */
  onProgress?: (progress: ReadProgress) => void;
  /** Default 10 000. */
  progressEveryRows?: number;
}

/** Size in bytes and SHA-256 (hex) of a file's content. */
export interface FileFingerprint {
  size: number;
  sha256: string;
}

/**
 * Checks, without reading it, that `file` is a readable regular file; returns its size in bytes.
 * @throws ImportError naming the file otherwise.
 */
export async function assertReadableFile(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportError(file, 'not a regular file');
    await access(file, constants.R_OK);
    return info.size;
  } catch (error) {
    throw asFileError(file, error);
  }
}

/**
 * Checks that `file` is a readable regular file and fingerprints its content.
 * @throws ImportError naming the file when it is missing, not a file or unreadable.
 */
export async function fingerprintFile(file: string): Promise<FileFingerprint> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImportError(file, 'not a regular file');
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return { size: info.size, sha256: hash.digest('hex') };
  } catch (error) {
    throw asFileError(file, error);
  }
}

/**
 * Streams the data records of a comma-separated, optionally quoted UTF-8 file whose first line is a
 * header. Extra columns are ignored; blank lines are skipped (but counted). A quoted field spanning
 * several lines advances the line count accordingly.
 *
 * @param columns the columns the caller needs; each must appear in the header.
 * @throws ImportError `line 1, column X: missing header column`, `line N: expected K fields, found M`,
 *   or a file error naming the file.
 */
export async function* readCsvRows<C extends string>(
  file: string,
  columns: readonly C[],
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRow<C>> {
  const totalBytes = await assertReadableFile(file);
  const every = options.progressEveryRows ?? 10_000;
  const source = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, delimiter: ',', skipEmptyLines: false });
  let streamError: unknown;
  pipeline(source, parser, (error) => {
    if (error) streamError = error;
  });

  let index: number[] | undefined;
  let width = 0;
  let line = 1;
  let rows = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const at = line;
      line += 1 + embeddedNewlines(fields);
      if (!index) {
        const header = fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
        index = columns.map((column) => {
          const i = header.indexOf(column);
          if (i < 0) throw new ImportError(file, 'missing header column', { line: 1, column });
          return i;
        });
        width = header.length;
        continue;
      }
      if (fields.length === 1 && fields[0] === '') continue;
      if (fields.length !== width) {
        throw new ImportError(file, `expected ${width} fields, found ${fields.length}`, { line: at });
      }
      const values = {} as Record<C, string>;
      for (let c = 0; c < columns.length; c++) values[columns[c]!] = fields[index[c]!]!;
      rows++;
      if (options.onProgress && rows % every === 0) {
        options.onProgress({ bytes: Math.min(source.bytesRead, totalBytes), totalBytes, rows });
      }
      yield { line: at, values };
    }
  } catch (error) {
    throw error instanceof ImportError ? error : asFileError(file, streamError ?? error);
  } finally {
    source.destroy();
  }
  if (streamError) throw asFileError(file, streamError);
  if (!index) throw new ImportError(file, 'empty file (no header line)');
  options.onProgress?.({ bytes: totalBytes, totalBytes, rows });
}

function embeddedNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

function asFileError(file: string, error: unknown): ImportError {
  if (error instanceof ImportError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'not a regular file'
          : `cannot read file (${(error as Error | undefined)?.message ?? String(error)})`;
  return new ImportError(file, what);
}
