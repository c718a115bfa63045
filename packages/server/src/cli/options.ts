/**
 * Options the CLI commands share: where the database is (`--db` / `--database-url`, on every
 * command) and the clock (`--as-of`, only on the commands that compute metrics), and opening the
 * database so that a failed command leaves no new, empty database file behind.
 * @module
 */
import { existsSync, rmSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { DEFAULT_DB_FILE, openDb, type Db } from '../db/connect.js';

/** The parsed `--db` / `--database-url` options (commander fills them from `C360_DB` / `DATABASE_URL`). */
export interface DbFlags {
  db?: string;
  databaseUrl?: string;
}

/** Adds `--db FILE` (env `C360_DB`) and `--database-url URL` (env `DATABASE_URL`) to `command`. */
export function withDbOptions(command: Command): Command {
  return command
    .addOption(new Option('--db <file>', `SQLite database file (default ${DEFAULT_DB_FILE})`).env('C360_DB'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL connection URL (postgres://…)').env('DATABASE_URL'));
}

/** Adds `--as-of DATE|dataset` (the clock of every metric; env `C360_NOW` is read by the command). */
export function withAsOfOption(command: Command): Command {
  return command.option(
    '--as-of <date>',
    'the clock for every metric: an ISO date, or "dataset" = the data\'s latest timestamp (else C360_NOW, else now)',
  );
}

/**
 * The database a command works on: `--database-url URL` (or `DATABASE_URL`) unless `--db FILE`
 * (or `C360_DB`) is given, else the file `./data/c360.db`. db/dialects/ picks the engine.
 */
export function resolveDbTarget(flags: DbFlags): { url: string } | { file: string } {
  if (flags.databaseUrl && !flags.db) return { url: flags.databaseUrl };
  return { file: flags.db || DEFAULT_DB_FILE };
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/** An open database and how to undo its creation. */
export interface CommandDb {
  db: Db;
  /** Where it is, for messages: the file, or the URL with its password hidden. */
  file: string;
  /** Closes the database; when `failed` and the file (or its folder) did not exist before, removes them. */
  close(failed: boolean): Promise<void>;
}

/**
 * Opens the database of a command (migrating it). Remembers whether the file and its folder
 * existed, so {@link CommandDb.close} with `failed` removes a database this command created.
 */
export async function openCommandDb(flags: DbFlags): Promise<CommandDb> {
  const target = resolveDbTarget(flags);
  if ('url' in target) {
    const db = await openDb({ url: target.url });
    return { db, file: redact(target.url), close: () => db.destroy() };
  }
  const file = target.file;
  const isNew = file !== ':memory:' && !existsSync(file);
  const newDirs = isNew ? missingDirs(dirname(resolve(file))) : [];
  const discard = () => {
    if (!isNew) return;
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    for (const dir of newDirs) {
      try {
        rmdirSync(dir);
      } catch {
        /* not empty: something else lives there now */
      }
    }
  };
  let db: Db;
  try {
    db = await openDb({ file });
  } catch (error) {
    discard();
    throw error;
  }
  return {
    db,
    file,
    async close(failed) {
      await db.destroy();
      if (failed) discard();
    },
  };
}

/**
 * Runs `work` on the command's database and closes it; if `work` throws, a database file the
 * command created is removed again (an existing one is left as it was: writes are transactional).
 */
export async function withCommandDb<T>(flags: DbFlags, work: (db: Db, file: string) => Promise<T>): Promise<T> {
  const opened = await openCommandDb(flags);
  let failed = true;
  try {
    const result = await work(opened.db, opened.file);
    failed = false;
    return result;
  } finally {
    await opened.close(failed);
  }
}

/** The folders `mkdir -p dir` would create, deepest first. */
function missingDirs(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    out.push(d);
    if (dirname(d) === d) break;
  }
  return out;
}
