/**
 * What the numbers were measured on: CPU, cores, RAM, load, Node, SQLite and library versions, and
 * the source revision, so that a results file can be compared with another one.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  sqlite: string;
  libraries: string;
  /** 1-, 5- and 15-minute load averages when the run started. */
  loadAtStart: string;
  revision: string;
}

/** CPU model from /proc/cpuinfo (`model name`), else what Node reports. */
function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) return match[1].trim();
  } catch {
    // not Linux: fall back below
  }
  return os.cpus()[0]?.model.trim() || 'unknown';
}

/** Installed version of a dependency: its package.json under the server package's or the root node_modules. */
function versionOf(name: string): string {
  for (const dir of ['../../packages/server/node_modules/', '../../node_modules/']) {
    try {
      const file = fileURLToPath(new URL(`${dir}${name}/package.json`, import.meta.url));
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      // not installed there: try the next folder
    }
  }
  return '?';
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** The commit, and whether the working tree differs from it (other engineers' work in progress). */
function revision(): string {
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (!head) return 'unknown (not a git checkout)';
  const dirty = git(['status', '--porcelain']).split('\n').filter(Boolean).length;
  return dirty ? `${head} + ${dirty} uncommitted change(s) in the working tree` : head;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

/** @param sqliteVersion from `select sqlite_version()` on the benchmark's connection. */
export function machineInfo(sqliteVersion: string): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    sqlite: sqliteVersion,
    libraries: ['better-sqlite3', 'kysely', 'hono', '@hono/node-server', '@hono/zod-openapi', 'papaparse']
      .map((name) => `${name} ${versionOf(name)}`)
      .join(', '),
    loadAtStart: loadAverage(),
    revision: revision(),
  };
}
