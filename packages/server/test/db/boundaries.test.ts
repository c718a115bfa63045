/**
 * The server's layering, read from its source (issue 10): only `db/dialects/` knows which engine
 * runs — no other file names SQLite or PostgreSQL in code, reads `sqlite_master`, sets a pragma or
 * tells engines apart by `constructor.name` — and no domain module imports the HTTP layer (`api/`).
 * Comments and prose may name engines (documentation, help texts), code may not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sources(SRC).map((file) => ({ path: relative(SRC, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/**
 * The code of a file without its comments (block comments, then line comments outside strings)
 * and without prose (string literals holding a space: help texts and messages may name engines).
 */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(['"`])(?:(?!\1)[^\\\n]|\\.)*? (?:(?!\1)[^\\\n]|\\.)*?\1/g, "''")
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .join('\n');
}

/** What naming an engine looks like in code. */
const ENGINE_WORDS = /sqlite|postgres|\bpg_|['"]pg['"]|sqlite_master|constructor\.name|\bpragma\b/i;

/** Folders of the HTTP layer; everything else is domain, core or db. */
const HTTP = ['api/', 'embed/', 'cli/', 'server.ts'];

describe('engine and layer boundaries', () => {
  it('reads a real source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.path === 'db/dialects/sqlite.ts')).toBe(true);
    // The check itself can fail: the dialects name their engines.
    expect(ENGINE_WORDS.test(codeOf(files.find((f) => f.path === 'db/dialects/postgres.ts')!.text))).toBe(true);
  });

  it('no file outside db/dialects/ names an engine in code', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith('db/dialects/'))
      .flatMap((f) =>
        codeOf(f.text)
          .split('\n')
          .map((line, i) => ({ at: `${f.path}:${i + 1}`, line })),
      )
      .filter(({ line }) => ENGINE_WORDS.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('no domain module imports the HTTP layer', () => {
    const offenders = files
      .filter((f) => !HTTP.some((h) => f.path.startsWith(h)))
      .filter((f) => /from\s+['"](\.\.\/)+api\//.test(f.text) || /import\(['"](\.\.\/)+api\//.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
