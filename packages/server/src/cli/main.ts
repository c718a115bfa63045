#!/usr/bin/env node
/**
 * The `c360` command line. Every command takes `--db FILE` (or `C360_DB`), default ./data/c360.db.
 * @module
 */
import { serveCommand } from './serve-command.js';
import { importCommand } from './import-command.js';
import { tokenCommand } from './token-command.js';
import { exportCommand } from './export-command.js';

const USAGE = `Usage: c360 <command> [options]

Commands:
  serve   [--db FILE] [--port N] [--as-of DATE|dataset]   Run the API (PORT, C360_NOW, C360_ALLOWED_ORIGINS,
                                                           C360_SECRET, C360_WRITE_RATE)
  demo    [--db FILE] [--port N]                           Load the bundled sample if the database is empty,
                                                           then serve the API and the demo page (npm start)
                                                           and print the demo admin token
  import  online-retail FILE.csv [--db FILE]               Import the UCI Online Retail CSV
  import  events FILE.ndjson [--db FILE]                   Apply an NDJSON file of ingestion events
  token   create --role ROLE --name NAME [--customer ID] [--ttl 30d]
                                                           Create an API key; prints only the key
  token   create --embed --customer ID [--role viewer] [--ttl 15m]
                                                           Sign a customer-scoped embed token (≤ 24h)
  token   list | revoke ID                                 List API keys (no secrets) / revoke one
  export  customers --out FILE.csv [--q T] [--segment ID] [--tag T] [--clv-min N]   Customers matching a search as CSV
  export  customer ID --format pdf|csv --out FILE          One customer's report (audited)

Options shared by every command:
  --db FILE            SQLite database file (default ./data/c360.db, or C360_DB)
  --as-of DATE         The clock for every metric (or C360_NOW); "dataset" = the data's latest timestamp

Roles viewer < agent < manager < admin and their permissions: docs/security.md
`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  serve: (args) => serveCommand(args, 'serve'),
  demo: (args) => serveCommand(args, 'demo'),
  import: (args) => importCommand(args),
  token: (args) => tokenCommand(args),
  export: (args) => exportCommand(args),
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new Error(`unknown command "${command}"; one of ${Object.keys(COMMANDS).join(', ')} (see c360 --help)`);
  await run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`c360: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
