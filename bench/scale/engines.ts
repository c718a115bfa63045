/**
 * The databases the scale bench measures, one per engine and size: SQLite `DIR/c360-N.db` and
 * PostgreSQL `c360_bench_N` on the server of `--database-url` — each reused when it holds the N
 * customers, else seeded (`seedDatabase`, the write path of `c360 seed --customers N --seed 1`;
 * a partly seeded one is completed: the seed is idempotent) and kept. The ingestion series write
 * to a scratch copy (SQLite backup / PostgreSQL `CREATE DATABASE … TEMPLATE`), dropped afterwards,
 * so the kept databases stay as seeded.
 * @module
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { openDb, type Db } from '../../packages/server/src/db/connect.js';
import { seedDatabase } from '../../packages/server/src/seed/seed.js';
import { createDatabase, databaseExists, dropDatabase, redacted, withDatabase } from '../lib/pg-admin.js';
import { RawReference, type RawSql } from './measure.js';
import { PgRawReference } from './raw-pg.js';

export type EngineName = 'sqlite' | 'postgres';

/** One engine's database of N customers. */
export interface ScaleTarget {
  engine: EngineName;
  /** `SQLite` or `PostgreSQL`, for the report. */
  label: string;
  /** File path or URL (password hidden). */
  location: string;
  open(): Promise<Db>;
  rawReference(writable?: boolean): RawSql;
  /** A scratch copy of the (closed) database, for the series that write; `drop` deletes it. */
  scratch(): Promise<ScaleTarget & { drop(): Promise<void> }>;
}

const log = (line: string) => process.stderr.write(`bench scale: ${line}\n`);

function sqliteTarget(file: string): ScaleTarget {
  return {
    engine: 'sqlite',
    label: 'SQLite',
    location: file,
    open: () => openDb({ file }),
    rawReference: (writable) => new RawReference(file, writable),
    scratch: async () => {
      const copy = `${file}.scratch-${process.pid}`;
      const source = new SQLite(file, { readonly: true });
      await source.backup(copy);
      source.close();
      const drop = async () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(copy + suffix, { force: true }));
      return { ...sqliteTarget(copy), drop };
    },
  };
}

function postgresTarget(adminUrl: string, name: string): ScaleTarget {
  const url = withDatabase(adminUrl, name);
  return {
    engine: 'postgres',
    label: 'PostgreSQL',
    location: redacted(url),
    open: () => openDb({ url }),
    rawReference: () => new PgRawReference(url),
    scratch: async () => {
      const copy = `${name}_scratch`;
      await dropDatabase(adminUrl, copy);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database "${copy}" template "${name}"`);
      } finally {
        await client.end();
      }
      return { ...postgresTarget(adminUrl, copy), drop: () => dropDatabase(adminUrl, copy) };
    },
  };
}

async function customerCount(db: Db): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0]!.n);
}

/**
 * The target of `engine` for N customers, seeded if it holds fewer; returns it with the seed time
 * (null when reused as it was).
 */
export async function prepareTarget(
  engine: EngineName,
  n: number,
  options: { dir: string; adminUrl: string },
): Promise<{ target: ScaleTarget; seedSeconds: number | null }> {
  let target: ScaleTarget;
  if (engine === 'sqlite') {
    target = sqliteTarget(resolve(options.dir, `c360-${n}.db`));
    if (!existsSync(target.location)) log(`${target.location} absent: seeding`);
  } else {
    const name = `c360_bench_${n}`;
    target = postgresTarget(options.adminUrl, name);
    if (!(await databaseExists(options.adminUrl, name))) {
      log(`creating ${target.location}`);
      await createDatabase(options.adminUrl, name);
    }
  }
  const db = await target.open();
  try {
    const have = await customerCount(db);
    if (have >= n) {
      log(`reusing ${target.location} (${have} customers)`);
      return { target, seedSeconds: null };
    }
    log(`seeding ${n} customers into ${target.location} (${have} there) …`);
    const t = performance.now();
    await seedDatabase(db, {
      customers: n,
      seed: 1,
      onProgress: (done, total) => done % Math.max(1, Math.floor(total / 10)) === 0 && log(`  ${done}/${total}`),
    });
    return { target, seedSeconds: (performance.now() - t) / 1000 };
  } finally {
    await db.destroy();
  }
}
