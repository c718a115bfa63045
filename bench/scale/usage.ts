/**
 * The flags of the scale suite (`npm run bench -- --scale …`), printed by its `--help` and by the
 * import suite's.
 * @module
 */
import { DEFAULT_PG_URL } from '../lib/pg-admin.js';

/** Usage text of `npm run bench -- --scale`. */
export const SCALE_USAGE = `usage: npm run bench -- --scale N[,N…] [--engines sqlite,postgres] [--postgres-scale N[,N…]]
                              [--database-url URL] [--db-dir DIR] [--samples N] [--seconds S] [--ingest-events N] [--out FILE]

  --scale N,N,…       customer counts to measure (each ≥ 100), e.g. 10000,100000,1000000
  --engines E,E       sqlite, postgres or both (default sqlite; sqlite,postgres when --database-url is given)
  --postgres-scale N,N the sizes measured on PostgreSQL (default: those of --scale), e.g. --scale
                      10000,100000,1000000 --postgres-scale 10000,100000
  --database-url URL  maintenance URL of the PostgreSQL server (default ${DEFAULT_PG_URL});
                      size N uses database c360_bench_N there: reused when it holds N customers,
                      else created / seeded (c360 seed --customers N --seed 1) and kept
  --db-dir DIR        SQLite databases DIR/c360-N.db, reused or seeded and kept (default bench/data)
  --samples N         calls per read series (default 200)
  --seconds S         seconds per target of the 20-connection HTTP load (default 5)
  --ingest-events N   events per ingestion path (POST /api/events in batches of 1,000, and
                      c360 import events), on a scratch copy of each database; 0 skips (default 10000)
  --out FILE          report file (default bench/results/<date>-scale.md)`;
