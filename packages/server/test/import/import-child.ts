/**
 * An Online Retail import as its own process, for the resume test (resume.test.ts): imports
 * `argv[3]` into the database `argv[2]` (a SQLite file or a PostgreSQL URL) in chunks of
 * `argv[4]` lines. The test kills it with SIGKILL mid-way.
 */
import { openDb } from '../../src/db/connect.js';
import { importOnlineRetail } from '../../src/import/online-retail.js';

const [location, file, chunkLines] = process.argv.slice(2);
if (!location || !file || !chunkLines) throw new Error('usage: import-child.ts DB_FILE|POSTGRES_URL FILE.csv CHUNK_LINES');
const db = await openDb(/^postgres(ql)?:\/\//i.test(location) ? { url: location } : { file: location });
await importOnlineRetail(db, file, { chunkLines: Number(chunkLines) });
await db.destroy();
process.stdout.write('done\n');
