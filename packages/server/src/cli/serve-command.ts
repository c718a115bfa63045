/**
 * `c360 serve` (the API over a database) and `c360 demo` (the same, loading the bundled sample into
 * an empty database first, with the demo page, as-of = the dataset's latest timestamp).
 * @module
 */
import { parseArgs } from 'node:util';
import { openDb } from '../db/connect.js';
import { resolveAsOf } from '../scoring/clock.js';
import { resolveHealthWeights } from '../scoring/health.js';
import { createServerApp, DEMO_DIR, listen } from '../server.js';
import { datasetAsOf, ensureDemoData } from '../demo/load-demo.js';
import { resolveDbFile } from './options.js';
import { parseWriteRate } from '../auth/rate-limit.js';
import { resolveEmbedSecret } from '../auth/embed-tokens.js';
import { ensureDemoToken } from '../auth/demo.js';
import { startDerivedRefresh } from '../segments/derived-job.js';

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  port: { type: 'string' },
  'as-of': { type: 'string' },
  host: { type: 'string' },
} as const;

function parsePort(text: string | undefined): number {
  const port = Number(text ?? 8360);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port / PORT: "${text}" is not a port number (1–65535)`);
  return port;
}

export async function serveCommand(args: string[], mode: 'serve' | 'demo'): Promise<void> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  const env = process.env;
  const file = resolveDbFile(values, env);
  const port = parsePort(values.port ?? env.PORT);
  const db = await openDb({ file });
  if (mode === 'demo') await ensureDemoData(db, (line) => console.log(line));

  // `--as-of dataset` (and the demo by default) uses the dataset's latest timestamp.
  const recorded = await datasetAsOf(db);
  const wantsDataset = values['as-of'] === 'dataset' || (mode === 'demo' && !values['as-of'] && !env.C360_NOW);
  const asOf = resolveAsOf({
    asOf: values['as-of'] === 'dataset' ? undefined : values['as-of'],
    env: wantsDataset ? {} : env,
    fallback: wantsDataset ? (recorded ?? undefined) : undefined,
  });
  const healthWeights = resolveHealthWeights(env);
  const allowedOrigins = (env.C360_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);

  const writeRate = parseWriteRate(env.C360_WRITE_RATE);
  // C360_SECRET is checked now (too short: refuse to start); without it the secret in `meta` is made on first use.
  const secret = env.C360_SECRET ? await resolveEmbedSecret(db, env) : undefined;
  const demoToken = mode === 'demo' ? (await ensureDemoToken(db)).token : undefined;

  const app = createServerApp({
    db, asOf, healthWeights, allowedOrigins, auth: { secret, writeRate }, demoDir: mode === 'demo' ? DEMO_DIR : undefined, demoToken,
  });
  // Rule memberships and stored scores follow the as-of, imports and weight changes here, not in GETs.
  const derived = startDerivedRefresh(db, { asOf, healthWeights });
  const server = await listen(app, port, values.host ?? env.HOST ?? '0.0.0.0');
  const url = `http://localhost:${port}`;
  console.log(`c360 ${mode} on ${url}  (database ${file}, as-of ${asOf.toISOString()})`);
  if (mode === 'serve' && !(await db.selectFrom('api_tokens').select('id').where('revoked_at', 'is', null).limit(1).executeTakeFirst())) {
    console.log('Every API request needs a bearer token and there is none yet: c360 token create --role admin --name "Your name" (docs/security.md)');
  }
  if (mode === 'demo') {
    console.log(`Open ${url} for the demo; API reference at ${url}/api/docs`);
    console.log(`Demo admin token: ${demoToken}`);
    console.log(`  (the demo page on this machine gets it from ${url}/demo-config.json; more tokens: c360 token create --help)`);
  }
  const stop = () => {
    server.close();
    void derived.stop().then(() => db.destroy()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
