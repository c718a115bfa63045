/**
 * Draws the bundled Online Retail sample (SPEC §6) from the full UCI CSV, deterministically:
 *
 *   npx tsx scripts/make-sample.ts [FULL.csv]   (default ../shared/data/online_retail/online_retail.csv)
 *
 * Customers are ordered by SHA-256 of `sample:<CustomerID>`; those with more than 1 500 lines are
 * skipped; 17850, 12346 and 13047 are always in; the first ones in hash order fill up to 250, and
 * more cancellers are added if fewer than 20 have a `C` invoice. Guest invoices (no CustomerID) of
 * at most 60 lines are ordered the same way and the first 30 taken. Every line of each picked
 * customer or guest invoice is copied byte for byte, in file order, with the header. Writes
 * demo/data/online_retail_sample.csv and demo/data/SOURCE.md.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const INPUT = resolve(process.argv[2] ?? join(ROOT, '../shared/data/online_retail/online_retail.csv'));
const OUT_DIR = join(ROOT, 'demo/data');
const OUT_CSV = join(OUT_DIR, 'online_retail_sample.csv');
const CUSTOMERS = 250;
const MAX_CUSTOMER_LINES = 1500;
const MUST = ['17850', '12346', '13047'];
const MIN_CANCELLERS = 20;
const GUEST_INVOICES = 30;
const MAX_GUEST_LINES = 60;
const MAX_BYTES = 2.5 * 1024 * 1024;

interface Line {
  raw: string;
  invoice: string;
  customer: string;
}

/** Streams the file's lines with the two fields the selection needs (first line = header). */
async function* lines(file: string): AsyncGenerator<Line> {
  let first = true;
  for await (const raw of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      yield { raw, invoice: '', customer: '' };
      continue;
    }
    const fields = Papa.parse<string[]>(raw, { delimiter: ',' }).data[0] ?? [];
    if (fields.length !== 8) throw new Error(`${file}: a line does not have 8 fields: ${raw}`);
    yield { raw, invoice: fields[0]!, customer: fields[6]!.replace(/\.0$/, '') };
  }
}

const ranks = new Map<string, string>();
const rank = (key: string): string => {
  let r = ranks.get(key);
  if (r === undefined) ranks.set(key, (r = createHash('sha256').update(`sample:${key}`).digest('hex')));
  return r;
};
const byRank = (a: string, b: string): number => (rank(a) < rank(b) ? -1 : 1);

async function main(): Promise<void> {
  const customerLines = new Map<string, number>();
  const cancellers = new Set<string>();
  const guestLines = new Map<string, number>();
  let header = '';
  for await (const l of lines(INPUT)) {
    if (!l.invoice) header = l.raw;
    else if (l.customer) {
      customerLines.set(l.customer, (customerLines.get(l.customer) ?? 0) + 1);
      if (l.invoice.startsWith('C')) cancellers.add(l.customer);
    } else guestLines.set(l.invoice, (guestLines.get(l.invoice) ?? 0) + 1);
  }

  const eligible = [...customerLines.keys()].filter((c) => customerLines.get(c)! <= MAX_CUSTOMER_LINES).sort(byRank);
  const picked = new Set(MUST.filter((c) => customerLines.has(c)));
  for (const c of eligible) if (picked.size < CUSTOMERS) picked.add(c);
  for (const c of eligible) {
    if ([...picked].filter((p) => cancellers.has(p)).length >= MIN_CANCELLERS) break;
    if (cancellers.has(c)) picked.add(c);
  }
  const guests = new Set(
    [...guestLines.keys()]
      .filter((i) => guestLines.get(i)! <= MAX_GUEST_LINES)
      .sort(byRank)
      .slice(0, GUEST_INVOICES),
  );

  const out: string[] = [header];
  const invoices = new Set<string>();
  let guestRows = 0;
  for await (const l of lines(INPUT)) {
    if (!l.invoice) continue;
    if (l.customer ? picked.has(l.customer) : guests.has(l.invoice)) {
      out.push(l.raw);
      if (l.customer) invoices.add(l.invoice);
      else guestRows++;
    }
  }
  const text = out.join('\n') + '\n';
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw new Error(`sample is ${bytes} bytes, over the ${MAX_BYTES} byte budget`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(OUT_CSV, text);

  const orders = [...invoices].filter((i) => !i.startsWith('C')).length;
  const facts = {
    rows: out.length - 1,
    bytes: statSync(OUT_CSV).size,
    sha256: createHash('sha256').update(text).digest('hex'),
    customers: picked.size,
    cancellers: [...picked].filter((c) => cancellers.has(c)).length,
    orders,
    refunds: invoices.size - orders,
    guestInvoices: guests.size,
    guestRows,
  };
  writeFileSync(join(OUT_DIR, 'SOURCE.md'), sourceMd(facts));
  console.log(`${relative(ROOT, OUT_CSV)}: ${JSON.stringify(facts)}`);
}

function sourceMd(f: Record<string, number | string>): string {
  return `# Bundled sample of the UCI "Online Retail" dataset

\`online_retail_sample.csv\` is a slice of the **Online Retail** dataset (UCI Machine Learning Repository,
id 352): every invoice line of a UK-based online gift-ware retailer from 2010-12-01 to 2011-12-09, in GBP.

- **Authors / citation:** Chen, D., Sain, S. L. & Guo, K. (2012). Data mining for the online retail industry:
  a case study of RFM model-based customer segmentation using data mining. *Journal of Database Marketing
  and Customer Strategy Management* 19(3):197–208. doi:10.1057/dbm.2012.17. Donor: Dr Daqing Chen.
- **License:** CC BY 4.0 (as the UCI Machine Learning Repository licenses its datasets). This slice is
  redistributed under the same license with this attribution; it is not modified apart from the selection
  of lines.
- **Taken from:** the full CSV described in \`../shared/data/online_retail/SOURCE.md\` (541,909 lines;
  columns \`InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country\`;
  dates UTC \`YYYY-MM-DD HH:MM:SS\`; blank CustomerID = guest sale).

## How the slice was drawn

Deterministically (no randomness): customers are ordered by SHA-256 of \`sample:<CustomerID>\`; customers
with more than ${MAX_CUSTOMER_LINES} lines are skipped; ${MUST.join(', ')} are always included; the first customers
in that order fill up to ${CUSTOMERS}, with more customers that have cancellations (\`C\` invoices) added if
fewer than ${MIN_CANCELLERS} had one. Guest invoices (no CustomerID) with at most ${MAX_GUEST_LINES} lines are
ordered the same way and the first ${GUEST_INVOICES} taken. **All** lines of each chosen customer and guest
invoice are kept, in the original file order and byte-for-byte formatting, after the original header.

Regenerate with:

\`\`\`
npx tsx scripts/make-sample.ts [path/to/online_retail.csv]
\`\`\`

## Contents

| what | count |
|---|---:|
| data lines | ${f.rows} |
| customers | ${f.customers} |
| customers with a cancellation | ${f.cancellers} |
| orders (non-\`C\` invoices with a customer) | ${f.orders} |
| refunds (\`C\` invoices with a customer) | ${f.refunds} |
| guest invoices | ${f.guestInvoices} |
| guest lines | ${f.guestRows} |
| bytes | ${f.bytes} |

sha256 of \`online_retail_sample.csv\`: \`${f.sha256}\`
`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
