/**
 * The one write pipeline (issue 10 item 1), read from the server's source: outside `write/` (the
 * pipeline) and `db/` (connections, migrations, leases), no module opens a read-write transaction
 * or inserts into `audit_log` by hand — writers go through `runWrite` / `runWriteIn`, whose scope
 * writes the audit row, records the change feed and wakes subscribers after the commit. Read-only
 * snapshot transactions (`.transaction().setAccessMode('read only')`) are reads and allowed anywhere.
 * The few legitimate exceptions are listed below with their reason.
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

/** Where the pipeline and the database plumbing live: they may open transactions and write audit rows. */
const OWNERS = ['write/', 'db/'];

/** Files (or path prefixes) allowed to open their own read-write transaction, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'import/online-retail':
    'the bulk dataset import (`c360 import online-retail`): a maintenance command that writes a whole file in chunked transactions, ' +
    'with no actor and no per-customer change (the derived-state refresh follows the bumped stats version)',
};

/** Code without comments (block, then line comments outside strings): prose may mention transactions. */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .join('\n');
}

/** A read-write transaction opened by hand (a read-only one names its access mode right away), or a hand-written BEGIN. */
const OPENS_TRANSACTION = /\.transaction\(\)(?!\s*\.setAccessMode\(\s*['"]read only['"]\s*\))|\.startTransaction\(|\bsql`\s*begin\b/gi;
/** An `audit_log` row written without the pipeline's `WriteScope.audit`. */
const WRITES_AUDIT = /insertInto\(\s*['"]audit_log['"]|insert\s+into\s+audit_log\b/gi;

/** `path:line: code` of every match of `pattern` in the code of `text`. */
function hits(path: string, text: string, pattern: RegExp): string[] {
  const code = codeOf(text);
  return [...code.matchAll(pattern)].map((m) => {
    const line = code.slice(0, m.index).split('\n').length;
    return `${path}:${line}: ${code.split('\n')[line - 1]!.trim()}`;
  });
}

const outside = files.filter((f) => !OWNERS.some((owner) => f.path.startsWith(owner)));
const allowed = (path: string) => Object.keys(ALLOWED).some((prefix) => path.startsWith(prefix));

describe('the one write pipeline', () => {
  it('reads a real source tree, and the checks can fail', () => {
    expect(files.length).toBeGreaterThan(50);
    const pipeline = files.find((f) => f.path === 'write/pipeline.ts')!.text;
    expect(hits('write/pipeline.ts', pipeline, OPENS_TRANSACTION)).toHaveLength(1);
    expect(hits('write/pipeline.ts', pipeline, WRITES_AUDIT)).toHaveLength(1);
    expect(hits('x.ts', "db.transaction().setAccessMode('read only').execute(f)", OPENS_TRANSACTION)).toEqual([]);
    expect(hits('x.ts', "db.transaction()\n    .setAccessMode('read write')", OPENS_TRANSACTION)).toHaveLength(1);
    expect(hits('x.ts', '// db.transaction() in a comment', OPENS_TRANSACTION)).toEqual([]);
  });

  it('no module outside write/ and db/ opens a read-write transaction (but the allow-list)', () => {
    const offenders = outside.filter((f) => !allowed(f.path)).flatMap((f) => hits(f.path, f.text, OPENS_TRANSACTION));
    expect(offenders).toEqual([]);
  });

  it('no module outside write/ and db/ inserts into audit_log by hand', () => {
    expect(outside.flatMap((f) => hits(f.path, f.text, WRITES_AUDIT))).toEqual([]);
  });

  it('every allow-list entry still names a file that needs it', () => {
    for (const prefix of Object.keys(ALLOWED)) {
      const needing = outside.filter((f) => f.path.startsWith(prefix) && hits(f.path, f.text, OPENS_TRANSACTION).length > 0);
      expect(
        needing.map((f) => f.path),
        prefix,
      ).not.toEqual([]);
    }
  });
});
