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

  const app = createServerApp({ db, asOf, healthWeights, allowedOrigins, demoDir: mode === 'demo' ? DEMO_DIR : undefined });
  const server = await listen(app, port, values.host ?? env.HOST ?? '0.0.0.0');
  const url = `http://localhost:${port}`;
  console.log(`c360 ${mode} on ${url}  (database ${file}, as-of ${asOf.toISOString()})`);
  if (mode === 'demo') console.log(`Open ${url} for the demo; API reference at ${url}/api/docs`);
  const stop = () => {
    server.close();
    void db.destroy().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
