/**
 * The `c360` command line as a user meets it (a real process): `--version`, `--help` on every
 * command and subcommand, errors that name the command, options only where they apply, `--db` from
 * `C360_DB`, no database file left behind by a failed command, and the "finishing…" line of an import.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { ROOT, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/server/package.json'), 'utf8')) as { version: string }).version;

/** Every command path of the program: `['serve'], ['import'], ['import', 'online-retail'], …`. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}

/** The program with exits turned into exceptions and output captured (for the whole-tree checks). */
async function parseInProcess(args: string[]): Promise<{ exitCode: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const program = buildProgram();
  const quiet = (c: Command): void => {
    c.exitOverride().configureOutput({ ...c.configureOutput(), writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
    c.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { exitCode: 0, out, err };
  } catch (error) {
    return { exitCode: (error as { exitCode?: number }).exitCode ?? 1, out, err };
  }
}

/** A small Online Retail CSV: the header and the first `lines` lines of the bundled sample. */
function sampleCsv(name: string, lines: number): string {
  const file = join(dir, name);
  const text = readFileSync(join(ROOT, 'demo/data/online_retail_sample.csv'), 'utf8')
    .split('\n')
    .slice(0, lines + 1)
    .join('\n');
  writeFileSync(file, `${text}\n`);
  return file;
}

describe('c360 (a real process)', () => {
  it('--version prints the server package version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('--help of a command and of a subcommand exits 0 with its usage', async () => {
    const [top, imp, retail, exp] = await Promise.all([
      runCli(['--help']),
      runCli(['import', '--help']),
      runCli(['import', 'online-retail', '--help']),
      runCli(['export', '--help']),
    ]);
    expect(top).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: c360 [options] [command]') });
    expect(imp).toMatchObject({ code: 0, stdout: expect.stringContaining('online-retail [options] <file>') });
    expect(retail).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/--date-format <order>[\s\S]*--db <file>[\s\S]*--database-url <url>/),
    });
    expect(exp).toMatchObject({ code: 0, stdout: expect.stringContaining('customers [options]') });
  });

  it('an unknown option is refused naming the command and where its help is', async () => {
    const result = await runCli(['import', 'online-retail', 'x.csv', '--as-of', '2011-01-01']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("c360 import online-retail: error: unknown option '--as-of'");
    expect(result.stderr).toContain('c360 import online-retail --help');
  });

  it('a failed command against a new --db path leaves no database file (nor its new folder) behind', async () => {
    const dbFile = join(dir, 'new-folder', 'c360.db');
    const revoke = await runCli(['token', 'revoke', 'tok_nope', '--db', dbFile]);
    expect(revoke).toMatchObject({ code: 1, stderr: expect.stringContaining('no API key with id "tok_nope"') });
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      '"InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"\n"1","A","x",oops,2011-01-01 10:00,1.5,1,"UK"\n',
    );
    const importBad = await runCli(['import', 'online-retail', bad], { C360_DB: dbFile });
    expect(importBad).toMatchObject({ code: 1, stderr: expect.stringContaining('column Quantity: not an integer') });
    expect(existsSync(dbFile)).toBe(false);
    expect(existsSync(join(dir, 'new-folder'))).toBe(false);
  });

  it('imports into C360_DB with progress, a "finishing…" line once reading is done, then the summary', async () => {
    const csv = sampleCsv('small.csv', 300);
    const dbFile = join(dir, 'small.db');
    const result = await runCli(['import', 'online-retail', csv], { C360_DB: dbFile });
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines.at(-2)).toBe('import: 100% (300 lines)');
    expect(lines.at(-1)).toBe('import: finishing… (writing customers, orders, refunds and statistics)');
    expect(result.stdout).toContain(`Imported ${csv} (online-retail) into ${dbFile}`);
    expect(result.stdout).toContain('  300 lines read');
    // The same lines as UCI's workbook (typed cells, date cells): the same summary, progress by sheet rows.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Online Retail');
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true }).data;
    sheet.addRow(header!);
    for (const r of rows)
      sheet.addRow(
        r.map((v, i) => (i === 4 ? new Date(`${v.replace(' ', 'T')}Z`) : /^-?\d+(\.\d+)?$/.test(v) && i !== 2 ? Number(v) : v || null)),
      );
    const xlsx = join(dir, 'Online Retail.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const fromXlsx = await runCli(['import', 'online-retail', xlsx, '--db', join(dir, 'small-xlsx.db')]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stderr.trim().split('\n').slice(-2)).toEqual([
      'import: 100% (300 lines)',
      'import: finishing… (writing customers, orders, refunds and statistics)',
    ]);
    expect(fromXlsx.stdout.split('\n').slice(1)).toEqual(result.stdout.split('\n').slice(1));
    // Then the same database is what token and export commands use.
    const token = await runCli(['token', 'list'], { C360_DB: dbFile });
    expect(token).toMatchObject({ code: 0, stdout: expect.stringContaining('No API keys') });
  });
});

describe('the command tree', () => {
  const paths = commandPaths(buildProgram());

  it('every command and subcommand answers --help with exit code 0', async () => {
    expect(paths.length).toBeGreaterThanOrEqual(10);
    for (const path of paths) {
      const { exitCode, out } = await parseInProcess([...path, '--help']);
      expect({ path, exitCode }).toEqual({ path, exitCode: 0 });
      expect(out).toContain(`Usage: c360 ${path.join(' ')}`);
    }
  });

  it('every command that opens a database takes --db and --database-url; --as-of only where metrics are computed', () => {
    const program = buildProgram();
    const find = (path: string[]) => path.reduce<Command>((c, name) => c.commands.find((s) => s.name() === name)!, program);
    const asOf: string[] = [];
    for (const path of paths) {
      const command = find(path);
      if (command.commands.length) continue; // a group: its subcommands run
      const flags = command.options.map((o) => o.long);
      expect({ path, db: flags.includes('--db'), url: flags.includes('--database-url') }).toEqual({ path, db: true, url: true });
      if (flags.includes('--as-of')) asOf.push(path.join(' '));
    }
    expect(asOf.sort()).toEqual(['demo', 'export customer', 'export customers', 'serve']);
  });

  it('options given to the wrong command are refused, naming it', async () => {
    const token = await parseInProcess(['token', 'list', '--as-of', 'dataset']);
    expect(token.exitCode).toBe(1);
    expect(token.err).toContain("c360 token list: error: unknown option '--as-of'");
    const format = await parseInProcess(['import', 'online-retail', 'x.csv', '--date-format', 'iso']);
    expect(format.err).toMatch(/c360 import online-retail: error: option '--date-format <order>' argument 'iso' is invalid/);
  });
});
