/**
 * The bundled Online Retail sample with its demo enrichment, loaded through the importer and the
 * ingestion path once per run and engine (global-setup.ts), then copied per test file — a SQLite
 * file copy, or `CREATE DATABASE … TEMPLATE` on PostgreSQL (dropped on close) — and the real API
 * app over it. The engine is the vitest project's (engines.ts).
 *
 * Access (SPEC §8): the app requires bearer tokens. The helper creates one API key per role;
 * `sample.app.request(…)` and `sample.call(…)` send the admin key (named "local operator") unless
 * the request has its own `Authorization` header, `call(path, { as: 'viewer' })` sends another
 * role's key, `call(path, { as: null })` sends none, and `sample.rawApp` is the app without any
 * token added. The write rate limit is off unless `openSampleApp({ writeRate })` sets one.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Role } from '@c360/sdk';
import { openDb, type Db } from '../../src/db/connect.js';
import { createDatabase, newDatabaseName, testEngine, type TestEngine } from './engines.js';
import { datasetAsOf, SAMPLE_FILE } from '../../src/demo/load-demo.js';
import { createApiApp, type AppOptions } from '../../src/api/app.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { signEmbedToken } from '../../src/auth/embed-tokens.js';

export { SAMPLE_FILE };

/** The embed-token secret of every sample app. */
export const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Name of the admin key the helper sends by default (the actor of notes, tags, audit rows). */
export const ADMIN_NAME = 'local operator';

/** Something with Hono's `app.request` (the real app, or the app behind a token). */
export interface TestApp {
  request(input: string | URL | Request, init?: RequestInit, env?: unknown): Response | Promise<Response>;
}

/** `app` with `Authorization: Bearer <token>` added to every request that has none. */
export function withToken(app: TestApp, token: string): TestApp {
  return {
    request(input, init, env) {
      const headers = new Headers(init?.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      return app.request(input, { ...init, headers }, env);
    },
  };
}

export interface CallInit extends RequestInit {
  /** Whose token to send: a role's API key (default admin), a token string, or null for none. */
  as?: Role | null | { token: string };
}

export interface CallResult {
  status: number;
  type: string;
  body: any;
  headers: Headers;
}

export interface SampleApp {
  db: Db;
  /** The engine it runs on (the vitest project's). */
  engine: TestEngine;
  /** The database's file or URL (a second connection, another process). */
  location: string;
  asOf: Date;
  /** The real app; requests carry the admin key unless they set `Authorization`. */
  app: TestApp;
  /** The real app with no token added. */
  rawApp: ReturnType<typeof createApiApp>;
  /** One API key per role (the admin's is named "local operator", the others "Test <role>"). */
  tokens: Record<Role, string>;
  /** A signed embed token for `customerId` (default role admin, 15 minutes). */
  embedToken(customerId: string, options?: { role?: Role; name?: string; ttlSeconds?: number }): string;
  /** A request through the real app; returns status, content type, parsed JSON body and headers. */
  call(path: string, init?: CallInit): Promise<CallResult>;
  close(): Promise<void>;
}

/** A private copy of the sample database on this file's engine, and how to close (and drop) it. */
export async function openSampleDb(
  options: { busyBudgetMs?: number } = {},
): Promise<{ db: Db; engine: TestEngine; location: string; close: () => Promise<void> }> {
  const engine = testEngine();
  if (engine === 'postgres') {
    const created = await createDatabase(newDatabaseName(), inject('sampleTemplate'));
    const db = await openDb({ url: created.url, busyBudgetMs: options.busyBudgetMs });
    return {
      db,
      engine,
      location: created.url,
      close: async () => {
        await db.destroy();
        await created.drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'c360-test-'));
  const file = join(dir, 'c360.db');
  copyFileSync(inject('sampleTemplate'), file);
  const db = await openDb({ file, busyBudgetMs: options.busyBudgetMs });
  return {
    db,
    engine,
    location: file,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openSampleApp(
  options: { writeRate?: number; now?: () => Date; allowedOrigins?: AppOptions['allowedOrigins']; busyBudgetMs?: number } = {},
): Promise<SampleApp> {
  const sample = await openSampleDb({ busyBudgetMs: options.busyBudgetMs });
  const db = sample.db;
  const asOf = new Date((await datasetAsOf(db))!);
  const rawApp = createApiApp({
    db,
    asOf,
    allowedOrigins: options.allowedOrigins,
    auth: { secret: TEST_SECRET, writeRate: options.writeRate ?? 0, ...(options.now ? { now: options.now } : {}) },
  });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    tokens[role] = (await createApiKey(db, { name: role === 'admin' ? ADMIN_NAME : `Test ${role}`, role, createdBy: 'test' })).token;
  }
  const app = withToken(rawApp, tokens.admin);
  const tokenOf = (as: CallInit['as']): string | null =>
    as === undefined ? tokens.admin : as === null ? null : typeof as === 'string' ? tokens[as] : as.token;
  return {
    db,
    asOf,
    app,
    rawApp,
    tokens,
    embedToken(customerId, o = {}) {
      const exp = Math.floor(Date.now() / 1000) + (o.ttlSeconds ?? 900);
      return signEmbedToken({ sub: customerId, name: o.name ?? `Embed ${customerId}`, role: o.role ?? 'admin', exp }, TEST_SECRET);
    },
    async call(path, init = {}) {
      const { as, ...rest } = init;
      const token = tokenOf(as);
      const target = token === null ? rawApp : withToken(rawApp, token);
      const response = await target.request(`http://localhost${path}`, rest);
      // A Server-Sent Events stream never ends: report its status and headers, and close it.
      if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
        await response.body?.cancel();
        return { status: response.status, type: response.headers.get('content-type') ?? '', body: null, headers: response.headers };
      }
      const text = await response.text();
      let body: any = null;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      return { status: response.status, type: response.headers.get('content-type') ?? '', body, headers: response.headers };
    },
    engine: sample.engine,
    location: sample.location,
    close: sample.close,
  };
}
