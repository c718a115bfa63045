/**
 * `c360 serve` (the API over a database) and `c360 demo` (the same, loading the bundled sample into
 * an empty database first, with the demo page, as-of = the dataset's latest timestamp).
 * @module
 */
import { Command } from 'commander';
import type { Db } from '../db/connect.js';
import { asOfPinned, resolveAsOf, writeClock } from '../scoring/clock.js';
import { resolveHealthWeights } from '../scoring/health.js';
import { datasetAsOf, ensureDemoData } from '../demo/load-demo.js';
import { openCommandDb, withAsOfOption, withDbOptions, type DbFlags } from './options.js';
import { parseWriteRate } from '../auth/rate-limit.js';
import { resolveEmbedSecret } from '../auth/embed-tokens.js';
import { DEMO_TOKEN_NAME, ensureDemoToken } from '../auth/demo.js';
import { startDerivedRefresh } from '../segments/derived-job.js';
import { startExportScheduler } from '../schedules/scheduler.js';
import { startFollowUpReminders } from '../follow-ups/due.js';
import { startDeliveryPolling } from '../notifications/deliver.js';
import { subscribeUnlessChosen } from '../notifications/preferences.js';
import { NOTIFICATION_KINDS } from '@c360/sdk';

interface ServeFlags extends DbFlags {
  port?: string;
  host?: string;
  asOf?: string;
}

/**
 * `c360 serve` (the API) or `c360 demo` (the API, the demo page and the bundled sample loaded into
 * an empty database; as-of = the dataset's latest timestamp unless `--as-of` or `C360_NOW`).
 */
export function serveCommand(mode: 'serve' | 'demo'): Command {
  const command = new Command(mode)
    .description(
      mode === 'serve'
        ? 'Run the API (env PORT, HOST, C360_NOW, C360_ALLOWED_ORIGINS, C360_SECRET, C360_WRITE_RATE)'
        : 'Load the bundled sample into an empty database, then serve the API and the demo page and print the demo admin token (npm start)',
    )
    .option('--port <n>', 'port (default PORT, else 8360)')
    .option('--host <address>', 'address to listen on (default HOST, else 0.0.0.0)');
  return withAsOfOption(withDbOptions(command)).action((flags: ServeFlags) => serve(flags, mode));
}

function parsePort(text: string | undefined): number {
  const port = Number(text ?? 8360);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port / PORT: "${text}" is not a port number (1–65535)`);
  return port;
}

async function serve(values: ServeFlags, mode: 'serve' | 'demo'): Promise<void> {
  const env = process.env;
  const port = parsePort(values.port ?? env.PORT);
  const opened = await openCommandDb(values);
  try {
    await start(opened.db, opened.file, port, values, mode);
  } catch (error) {
    await opened.close(true);
    throw error;
  }
}

async function start(db: Db, file: string, port: number, values: ServeFlags, mode: 'serve' | 'demo'): Promise<void> {
  const env = process.env;
  if (mode === 'demo') await ensureDemoData(db, (line) => console.log(line));

  // `--as-of dataset` (and the demo by default) uses the dataset's latest timestamp.
  const recorded = await datasetAsOf(db);
  const wantsDataset = values.asOf === 'dataset' || (mode === 'demo' && !values.asOf && !env.C360_NOW);
  const asOfOptions = {
    asOf: values.asOf === 'dataset' ? undefined : values.asOf,
    env: wantsDataset ? {} : env,
    fallback: wantsDataset ? (recorded ?? undefined) : undefined,
  };
  const asOf = resolveAsOf(asOfOptions);
  // Writes follow on from a pinned as-of (the demo's 2011) instead of the machine's date.
  const now = writeClock(asOf, asOfPinned(asOfOptions));
  const healthWeights = resolveHealthWeights(env);
  const allowedOrigins = (env.C360_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

  const writeRate = parseWriteRate(env.C360_WRITE_RATE);
  // C360_SECRET is checked now (too short: refuse to start); without it the secret in `meta` is made on first use.
  const secret = env.C360_SECRET ? await resolveEmbedSecret(db, env) : undefined;
  const demoToken = mode === 'demo' ? (await ensureDemoToken(db)).token : undefined;
  // The demo page's bell: its admin receives every kind in-app until it chooses otherwise.
  if (mode === 'demo')
    await subscribeUnlessChosen(
      db,
      { name: DEMO_TOKEN_NAME, role: 'admin' },
      { kinds: [...NOTIFICATION_KINDS], channels: ['in_app'], email: null, webhookUrl: null },
    );

  // Loaded here, not at the top: `c360 --help` and the other commands need none of the HTTP layer.
  const { createServerApp, DEMO_DIR, listen } = await import('../server.js');
  const app = createServerApp({
    db,
    asOf,
    now,
    healthWeights,
    allowedOrigins,
    auth: { secret, writeRate },
    demoDir: mode === 'demo' ? DEMO_DIR : undefined,
    demoToken,
  });
  // Rule memberships and stored scores follow the as-of, imports and weight changes here, not in GETs.
  const derived = startDerivedRefresh(db, { asOf, healthWeights });
  // Scheduled exports (src/schedules/): each due occurrence runs once across the instances serving this database.
  const schedules = startExportScheduler(db, { ctx: { asOf, healthWeights } });
  const deliveries = startDeliveryPolling(db); // notification emails and webhooks raised elsewhere, and their retries
  // Follow-ups falling due on this server's clock notify their assignee once across the instances.
  const reminders = startFollowUpReminders(db, { now });
  const server = await listen(app, port, values.host ?? env.HOST ?? '0.0.0.0');
  const url = `http://localhost:${port}`;
  console.log(`c360 ${mode} on ${url}  (database ${file}, as-of ${asOf.toISOString()})`);
  if (mode === 'serve' && !(await db.selectFrom('api_tokens').select('id').where('revoked_at', 'is', null).limit(1).executeTakeFirst())) {
    console.log(
      'Every API request needs a bearer token and there is none yet: c360 token create --role admin --name "Your name" (docs/security.md)',
    );
  }
  if (mode === 'demo') {
    console.log(`Open ${url} for the demo; API reference at ${url}/api/docs`);
    console.log(`Demo admin token: ${demoToken}`);
    console.log(`  (the demo page on this machine gets it from ${url}/demo-config.json; more tokens: c360 token create --help)`);
  }
  const stop = () => {
    server.close();
    schedules.stop();
    deliveries.stop();
    reminders.stop();
    void derived
      .stop()
      .then(() => db.destroy())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
