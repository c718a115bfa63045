/**
 * `c360 export customer ID --locale fr|ar` (a real process on a copy of the sample): the file in that
 * language — a French CSV (comment lines and headers), an Arabic PDF (its labels, right to left) —
 * English without the option, and any other language refused before anything is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { cliDbArgs } from '../helpers/engines.js';
import { fr } from '../../src/export/labels/fr.js';
import { ar } from '../../src/export/labels/ar.js';
import { pdfItems } from '../export/pdf-text.js';
import { runCli } from './run-cli.js';

const C = '17850';
const dir = mkdtempSync(join(tmpdir(), 'c360-cli-export-locale-'));
let sample: SampleApp;
let db: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  db = cliDbArgs(sample.location);
});
afterAll(async () => {
  await sample.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `c360 export customer 17850 --out FILE …args` at the dataset's as-of; the exit code and output. */
const exportCustomer = (out: string, ...args: string[]) =>
  runCli(['export', 'customer', C, '--out', out, '--as-of', 'dataset', ...db, ...args]);

/** The CSV's `#` comment lines and its first header line. */
function csvHead(file: string): { comments: string[]; header: string } {
  const lines = readFileSync(file, 'utf8').split('\r\n');
  return { comments: lines.filter((l) => l.startsWith('#')), header: lines.find((l) => l && !l.startsWith('#'))! };
}

describe('c360 export customer --locale', () => {
  it('writes a French CSV with --locale fr, an English one without it', async () => {
    const french = join(dir, 'fr.csv');
    const run = await exportCustomer(french, '--locale', 'fr');
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(new RegExp(`^Exported customer ${C} \\(csv, fr, [\\d,]+ bytes\\) to `));
    const fromFr = csvHead(french);
    expect(fromFr.header).toBe('indicateur,valeur,unité');
    expect(fromFr.comments.join('\n')).toContain(fr['csv.comment.customer'].split(':')[0]!.trim());

    const english = join(dir, 'en.csv');
    expect((await exportCustomer(english)).code).toBe(0);
    expect(csvHead(english).header).toBe('metric,value,unit');
  }, 120_000);

  it('writes an Arabic PDF with --locale ar', async () => {
    const file = join(dir, 'ar.pdf');
    const run = await exportCustomer(file, '--locale', 'ar');
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const text = (await pdfItems(new Uint8Array(readFileSync(file)))).join('\n');
    expect(text).toContain(ar['field.name']);
    expect(text).not.toContain('Lifetime value');
  }, 120_000);

  it('refuses another language, naming the option, and writes nothing', async () => {
    const file = join(dir, 'de.pdf');
    const run = await exportCustomer(file, '--locale', 'de');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/option '--locale <locale>' argument 'de' is invalid\. Allowed choices are en, fr, ar/);
    expect(existsSync(file)).toBe(false);
  }, 60_000);
});
