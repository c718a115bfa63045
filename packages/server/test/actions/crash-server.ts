/**
 * A c360 server as its own process, for the crash test (email-crash.test.ts): the real server app
 * over the database `argv[2]` (a SQLite file or a PostgreSQL URL), on a free port of 127.0.0.1, printing `listening <port>` once
 * it accepts connections. The test kills it with SIGKILL.
 */
import type { AddressInfo } from 'node:net';
import { openDb } from '../../src/db/connect.js';
import { datasetAsOf } from '../../src/demo/load-demo.js';
import { createServerApp, listen } from '../../src/server.js';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-server.ts DB_FILE|POSTGRES_URL');
const db = await openDb({ file });
const asOf = new Date((await datasetAsOf(db)) ?? Date.now());
const server = await listen(createServerApp({ db, asOf }), 0, '127.0.0.1');
process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
