/**
 * @c360/server as a library, for hosts that run c360 inside their own Node process instead of
 * `c360 serve`: open (and migrate) the database, build the Hono app (the API under `/api`, the embed
 * pages and the element bundle under `/embed`, `/healthz`, `/readyz`) and listen. The command line
 * (`c360`, bin/c360.mjs) does the same from its options; see the package README.
 *
 * ```ts
 * import { openDb, createServerApp, listen } from '@c360/server';
 * const db = await openDb({ file: './data/c360.db' });
 * await listen(createServerApp({ db, asOf: new Date() }), 8360);
 * ```
 * @module
 */
export { createServerApp, listen, BUNDLE_DIR, type ServerAppOptions } from './server.js';
export { createApiApp, type AppOptions } from './api/app.js';
export { openDb, DEFAULT_DB_FILE, type Db, type OpenOptions } from './db/connect.js';
