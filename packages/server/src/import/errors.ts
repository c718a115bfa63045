/**
 * The one error type every importer throws for bad input, so that callers (CLI, API) can tell a
 * data problem from a bug and point at the exact spot.
 * @module
 */

/** Where in the input a problem is: 1-based line (the header is line 1) and column name. */
export interface ImportErrorLocation {
  line?: number;
  column?: string;
}

/**
 * A problem with an import's input: a missing or unreadable file, a missing header column or a
 * malformed value. The message reads `${file}: line ${line}, column ${column}: ${what}`; the line and
 * column parts are left out when unknown (e.g. `${file}: file not found`).
 */
export class ImportError extends Error {
  /** The input file as the caller named it. */
  readonly file: string;
  /** 1-based physical line of the record (header = line 1), when the problem is in a record. */
  readonly line: number | undefined;
  /** Column name, when the problem is in one field. */
  readonly column: string | undefined;

  constructor(file: string, what: string, at: ImportErrorLocation = {}) {
    const where = [at.line !== undefined ? `line ${at.line}` : '', at.column !== undefined ? `column ${at.column}` : '']
      .filter(Boolean)
      .join(', ');
    super(`${file}: ${where ? `${where}: ` : ''}${what}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = at.line;
    this.column = at.column;
  }
}
