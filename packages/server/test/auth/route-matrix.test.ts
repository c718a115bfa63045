/**
 * Design Property 5 (R19.1–R19.3): every route of the OpenAPI document × every kind of caller —
 * no token, an API key of each role, an embed token for the customer, an embed token for another
 * customer — answers exactly 401 / 403 / its 2xx per the permission table (ROLE_PERMISSIONS) and
 * the route's declared permission and customer scope. The expected permission of each route is
 * written out here, independently of the route code, and must match the document. A viewer
 * changes nothing through any route.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Permission, type Role } from '@c360/sdk';
import { openSampleApp, type CallInit, type SampleApp } from '../helpers/sample-db.js';
import { snapshotAll } from '../ingest/helpers.js';
import { isOutsideApi } from '../../src/api/embed-lookup-doc.js';
import { notificationDb } from '../../src/notifications/tables.js';
import { scheduleDb } from '../../src/schedules/tables.js';

/** `custom`: the route names its customer elsewhere (GET /stream: the `customer` query parameter; PATCH /follow-ups/{id}: the follow-up's). */
type Scope = 'path' | 'none' | 'any' | 'custom';
interface RouteSpec {
  /** What the route needs (null: any valid token). */
  permission: Permission | null;
  /** How customer-scoped tokens are treated. */
  scope: Scope;
  /** Its success status. */
  ok: 200 | 201 | 202 | 204;
  /** Prepares what the request needs (as admin, directly; for `caller` when given) and returns the request. */
  make(caller?: Caller): Promise<[string, RequestInit?]>;
}

let sample: SampleApp;
/** The customer the requests are about (has tickets and saved cards), and another one. */
let C: string;
let D: string;
let ticketId: string;
let n = 0;
const unique = (prefix: string) => `${prefix}${++n}`;

const post = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function admin(path: string, init?: RequestInit): Promise<any> {
  const res = await sample.call(path, init);
  if (res.status >= 300) throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
/** A scheduled export (created as admin); with `kept`, one run whose file is kept for download. */
async function schedule(kept = false): Promise<{ id: string; runId?: string }> {
  const s = await admin('/export-schedules', post({ name: unique('Matrix schedule '), cron: '0 7 * * 1', delivery: { kind: 'download' } }));
  if (!kept) return { id: s.id };
  const file = join(mkdtempSync(join(tmpdir(), 'c360-matrix-export-')), 'kept.csv');
  writeFileSync(file, 'id\r\n');
  const runId = unique('run_matrix_');
  const at = new Date().toISOString();
  await scheduleDb(sample.db)
    .insertInto('export_runs')
    .values({
      id: runId,
      schedule_id: s.id,
      scheduled_for: at,
      started_at: at,
      finished_at: at,
      status: 'succeeded',
      rows: 0,
      filename: 'kept.csv',
      bytes: 4,
      file_path: file,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      error: null,
    })
    .execute();
  return { id: s.id, runId };
}

/** The user name a caller acts as (API keys: "local operator", "Test <role>"; embed tokens: "Embed <customer>"). */
const userOf = (caller?: Caller): string =>
  caller === 'admin' || caller === undefined
    ? 'local operator'
    : caller.startsWith('embed')
      ? `Embed ${caller.includes('own') ? C : D}`
      : `Test ${caller}`;

/** An unread notification of `caller` (written directly). */
async function notificationOf(caller?: Caller): Promise<string> {
  const id = unique('ntf_matrix_');
  await notificationDb(sample.db)
    .insertInto('notifications')
    .values({
      id,
      recipient: userOf(caller),
      kind: 'vip.order',
      customer_id: C,
      title: 'Matrix',
      body: 'Matrix',
      dedup_key: id,
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  return id;
}

/** A due time an hour from now (follow-ups). */
const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

const manualSegment = async (): Promise<string> => (await admin('/segments', post({ name: unique('Matrix segment '), kind: 'manual' }))).id;

/** THE expected table of this test: method + path → permission, customer scope, success status, a valid request. */
const ROUTES: Record<string, RouteSpec> = {
  'GET /me': { permission: null, scope: 'any', ok: 200, make: async () => ['/me'] },
  'GET /stream': { permission: 'customers:read', scope: 'custom', ok: 200, make: async () => [`/stream?customer=${C}`] },
  'GET /customers': { permission: 'customers:read', scope: 'none', ok: 200, make: async () => ['/customers?limit=5&q=a'] },
  'GET /customers/compare': {
    permission: 'customers:read',
    scope: 'none',
    ok: 200,
    make: async () => [`/customers/compare?ids=${C},${D}`],
  },
  'GET /customers/{id}/360': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/360`] },
  'GET /customers/{id}/orders': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/orders?limit=5`],
  },
  'GET /customers/{id}/timeline': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/timeline?limit=20`],
  },
  'GET /customers/{id}/loyalty': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/loyalty`] },
  'GET /customers/{id}/marketing': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/marketing`],
  },
  'GET /customers/{id}/support': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/support`] },
  'GET /customers/{id}/support/tickets/{ticketId}': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/support/tickets/${encodeURIComponent(ticketId)}`],
  },
  'GET /customers/{id}/payments': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/payments`] },
  'GET /customers/{id}/analytics': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/analytics`],
  },
  'GET /customers/{id}/notes': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/notes`] },
  'POST /customers/{id}/notes': {
    permission: 'notes:write',
    scope: 'path',
    ok: 201,
    make: async () => [`/customers/${C}/notes`, post({ body: unique('Matrix note '), type: 'support' })],
  },
  'GET /customers/{id}/export': { permission: 'export', scope: 'path', ok: 200, make: async () => [`/customers/${C}/export?format=csv`] },
  'GET /customers/export.csv': { permission: 'export', scope: 'none', ok: 200, make: async () => ['/customers/export.csv?clvMin=5000'] },
  'GET /tags': { permission: 'customers:read', scope: 'none', ok: 200, make: async () => ['/tags'] },
  'POST /tags': {
    permission: 'tags:write',
    scope: 'none',
    ok: 201,
    make: async () => ['/tags', post({ name: unique('mx-tag-'), color: '#123456' })],
  },
  'GET /customers/{id}/tags': { permission: 'customers:read', scope: 'path', ok: 200, make: async () => [`/customers/${C}/tags`] },
  'POST /customers/{id}/tags': {
    permission: 'tags:write',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/tags`, post({ name: unique('mx-assign-') })],
  },
  'DELETE /customers/{id}/tags/{tagId}': {
    permission: 'tags:write',
    scope: 'path',
    ok: 204,
    make: async () => {
      const name = unique('mx-remove-');
      const tags = (await admin(`/customers/${C}/tags`, post({ name }))).tags as Array<{ id: string; name: string }>;
      return [`/customers/${C}/tags/${encodeURIComponent(tags.find((t) => t.name === name)!.id)}`, { method: 'DELETE' }];
    },
  },
  'GET /segments': { permission: 'customers:read', scope: 'none', ok: 200, make: async () => ['/segments'] },
  'POST /segments': {
    permission: 'segments:write',
    scope: 'none',
    ok: 201,
    make: async () => ['/segments', post({ name: unique('Matrix new '), kind: 'manual' })],
  },
  'POST /segments/preview': {
    permission: 'segments:write',
    scope: 'none',
    ok: 200,
    make: async () => ['/segments/preview', post({ criteria: { field: 'country', op: '=', value: 'United Kingdom' } })],
  },
  'PATCH /segments/{segmentId}': {
    permission: 'segments:write',
    scope: 'none',
    ok: 200,
    make: async () => [`/segments/${encodeURIComponent(await manualSegment())}`, post({ name: unique('Matrix renamed ') }, 'PATCH')],
  },
  'POST /customers/{id}/segments': {
    permission: 'segments:write',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/segments`, post({ segmentId: await manualSegment() })],
  },
  'DELETE /customers/{id}/segments/{segmentId}': {
    permission: 'segments:write',
    scope: 'path',
    ok: 204,
    make: async () => {
      const id = await manualSegment();
      await admin(`/customers/${C}/segments`, post({ segmentId: id }));
      return [`/customers/${C}/segments/${encodeURIComponent(id)}`, { method: 'DELETE' }];
    },
  },
  'POST /customers/{id}/actions/email': {
    permission: 'email:send',
    scope: 'path',
    ok: 202,
    make: async () => {
      process.env.C360_OUTBOX ??= mkdtempSync(join(tmpdir(), 'c360-matrix-outbox-'));
      await admin(
        '/events',
        post([
          {
            id: unique('matrix-prefs-'),
            type: 'preferences.updated',
            occurredAt: new Date().toISOString(),
            data: { customerId: C, optIns: { email: true }, quietHours: null },
          },
        ]),
      );
      return [`/customers/${C}/actions/email`, post({ subject: unique('Matrix email '), body: 'Hello' })];
    },
  },
  'POST /customers/{id}/actions/ticket': {
    permission: 'tickets:write',
    scope: 'path',
    ok: 201,
    make: async () => [`/customers/${C}/actions/ticket`, post({ subject: unique('Matrix ticket ') })],
  },
  'POST /customers/{id}/actions/follow-up': {
    permission: 'notes:write',
    scope: 'path',
    ok: 201,
    make: async () => [`/customers/${C}/actions/follow-up`, post({ dueAt: inAnHour(), note: unique('Matrix follow-up ') })],
  },
  'GET /customers/{id}/follow-ups': {
    permission: 'customers:read',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/follow-ups?status=all`],
  },
  'GET /follow-ups': { permission: 'notes:write', scope: 'none', ok: 200, make: async () => ['/follow-ups?assignee=me'] },
  'PATCH /follow-ups/{id}': {
    permission: 'notes:write',
    scope: 'custom',
    ok: 200,
    make: async () => [
      `/follow-ups/${(await admin(`/customers/${C}/actions/follow-up`, post({ dueAt: inAnHour() }))).id}`,
      post({ status: 'done' }, 'PATCH'),
    ],
  },
  'POST /customers/{id}/actions/points': {
    permission: 'loyalty:adjust',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/actions/points`, post({ points: 10, reason: unique('Matrix points ') })],
  },
  'PATCH /customers/{id}/preferences': {
    permission: 'consent:write',
    scope: 'path',
    ok: 200,
    make: async () => [`/customers/${C}/preferences`, post({ frequency: 'weekly' }, 'PATCH')],
  },
  'GET /audit': { permission: 'audit:read', scope: 'custom', ok: 200, make: async () => [`/audit?customer=${C}&limit=5`] },
  'GET /customers/export.xlsx': { permission: 'export', scope: 'none', ok: 200, make: async () => ['/customers/export.xlsx?clvMin=5000'] },
  'GET /notifications': { permission: 'notifications', scope: 'none', ok: 200, make: async () => ['/notifications?limit=5'] },
  'POST /notifications/{id}/read': {
    permission: 'notifications',
    scope: 'none',
    ok: 200,
    make: async (caller) => [`/notifications/${await notificationOf(caller)}/read`, { method: 'POST' }],
  },
  'GET /notifications/preferences': {
    permission: 'notifications',
    scope: 'none',
    ok: 200,
    make: async () => ['/notifications/preferences'],
  },
  'PUT /notifications/preferences': {
    permission: 'notifications',
    scope: 'none',
    ok: 200,
    make: async () => ['/notifications/preferences', post({ kinds: ['vip.order'], channels: ['in_app'] }, 'PUT')],
  },
  'GET /export-schedules': { permission: 'export', scope: 'none', ok: 200, make: async () => ['/export-schedules'] },
  'POST /export-schedules': {
    permission: 'export',
    scope: 'none',
    ok: 201,
    make: async () => [
      '/export-schedules',
      post({ name: unique('Matrix new schedule '), cron: '0 7 * * 1', delivery: { kind: 'download' } }),
    ],
  },
  'PATCH /export-schedules/{id}': {
    permission: 'export',
    scope: 'none',
    ok: 200,
    make: async () => [`/export-schedules/${(await schedule()).id}`, post({ paused: true }, 'PATCH')],
  },
  'DELETE /export-schedules/{id}': {
    permission: 'export',
    scope: 'none',
    ok: 204,
    make: async () => [`/export-schedules/${(await schedule()).id}`, { method: 'DELETE' }],
  },
  'GET /export-schedules/{id}/runs': {
    permission: 'export',
    scope: 'none',
    ok: 200,
    make: async () => [`/export-schedules/${(await schedule()).id}/runs`],
  },
  'GET /export-schedules/{id}/runs/{runId}/file': {
    permission: 'export',
    scope: 'none',
    ok: 200,
    make: async () => {
      const { id, runId } = await schedule(true);
      return [`/export-schedules/${id}/runs/${runId}/file`];
    },
  },
  'POST /events': {
    permission: 'admin',
    scope: 'none',
    ok: 200,
    make: async () => [
      '/events',
      post([
        {
          id: unique('matrix-ev-'),
          type: 'session.started',
          occurredAt: '2011-12-01T10:00:00.000Z',
          data: { customerId: C, sessionId: unique('matrix-s-'), device: 'desktop', durationSeconds: 60 },
        },
      ]),
    ],
  },
};

type Caller = 'no token' | Role | 'embed (own customer)' | 'embed (other customer)';
const CALLERS: Caller[] = ['no token', ...ROLES, 'embed (own customer)', 'embed (other customer)'];

function authFor(caller: Caller): CallInit['as'] {
  if (caller === 'no token') return null;
  if (caller === 'embed (own customer)') return { token: sample.embedToken(C, { role: 'admin' }) };
  if (caller === 'embed (other customer)') return { token: sample.embedToken(D, { role: 'admin' }) };
  return caller;
}

/** The status the table says: 401 without a token; 403 without the permission or outside the token's customer; else the 2xx. */
function expected(spec: RouteSpec, caller: Caller): number {
  if (caller === 'no token') return 401;
  if (caller === 'embed (own customer)') return spec.scope === 'none' ? 403 : spec.ok; // embed tokens here are admins
  if (caller === 'embed (other customer)') return spec.scope === 'any' ? spec.ok : 403;
  return spec.permission === null || can(caller, spec.permission) ? spec.ok : 403;
}

beforeAll(async () => {
  sample = await openSampleApp();
  const row = await sample.db
    .selectFrom('customers as c')
    .select('c.id')
    .where((eb) => eb.exists(eb.selectFrom('tickets as t').select('t.id').whereRef('t.customer_id', '=', 'c.id')))
    .where((eb) =>
      eb.exists(
        eb.selectFrom('payment_methods as pm').select('pm.id').whereRef('pm.customer_id', '=', 'c.id').where('pm.last4', 'is not', null),
      ),
    )
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  C = row.id;
  D = (await sample.db.selectFrom('customers').select('id').where('id', '!=', C).orderBy('id').executeTakeFirstOrThrow()).id;
  ticketId = (await sample.db.selectFrom('tickets').select('id').where('customer_id', '=', C).orderBy('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => sample.close());

describe('Property 5: permission enforcement on every route', () => {
  it('the table covers exactly the routes of the OpenAPI document, with the permissions the document declares', async () => {
    const doc = (await sample.call('/openapi.json', { as: null })).body;
    const documented: Record<string, unknown> = {};
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (isOutsideApi(op)) continue; // GET /embed/lookup: the embed app's, tested by the embed tests
        documented[`${method.toUpperCase()} ${path}`] = op['x-c360-permission'];
        expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
        expect(op['x-c360-customer-scope'], `${method} ${path}`).toBe(ROUTES[`${method.toUpperCase()} ${path}`]?.scope);
      }
    }
    expect(Object.keys(documented).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [key, spec] of Object.entries(ROUTES)) expect(documented[key], key).toBe(spec.permission);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  for (const caller of CALLERS) {
    it(`${caller}: 401 / 403 / 2xx exactly per the table`, async () => {
      const failures: string[] = [];
      for (const [key, spec] of Object.entries(ROUTES)) {
        const [path, init] = await spec.make(caller);
        const res = await sample.call(path, { ...init, as: authFor(caller) });
        const want = expected(spec, caller);
        if (res.status !== want) failures.push(`${key}: ${res.status} (want ${want}) ${JSON.stringify(res.body).slice(0, 160)}`);
        if (res.status === 401) {
          expect(res.headers.get('www-authenticate'), key).toMatch(/^Bearer realm="c360"/);
        }
        if (res.status === 401 || res.status === 403) {
          expect(res.type, key).toContain('application/problem+json');
          expect(res.body.status, key).toBe(res.status);
        }
        if (res.status === 403 && !caller.startsWith('embed')) expect(res.body.detail, key).toBe(`needs ${spec.permission}`);
        if (res.status === 403 && caller.startsWith('embed')) expect(res.body.detail, key).toContain('scoped to customer');
      }
      expect(failures).toEqual([]);
    });
  }

  it('the reference stays public: /openapi.json and /docs need no token; an unknown route is a 404', async () => {
    for (const path of ['/openapi.json', '/docs', '/docs/init.js', '/docs/swagger-ui.css']) {
      expect((await sample.rawApp.request(`http://localhost${path}`)).status, path).toBe(200);
    }
    expect((await sample.call('/no-such-route', { as: null })).status).toBe(404);
  });

  it('an embed token with a lower role also needs the permission (scope and role both apply)', async () => {
    const viewer = { token: sample.embedToken(C, { role: 'viewer' }) };
    const agent = { token: sample.embedToken(C, { role: 'agent' }) };
    expect((await sample.call(`/customers/${C}/360`, { as: viewer })).status).toBe(200);
    const note = await sample.call(`/customers/${C}/notes`, { ...post({ body: 'from the sidebar' }), as: viewer });
    expect(note.status).toBe(403);
    expect(note.body.detail).toBe('needs notes:write');
    const byAgent = await sample.call(`/customers/${C}/notes`, { ...post({ body: 'from the sidebar' }), as: agent });
    expect(byAgent.status).toBe(201);
    expect(byAgent.body.author).toBe(`Embed ${C}`);
    const segment = await sample.call(`/customers/${C}/segments`, { ...post({ segmentId: await manualSegment() }), as: agent });
    expect(segment.status).toBe(403);
    expect(segment.body.detail).toBe('needs segments:write');
  });

  it('an embedded sidebar marks its own customer’s follow-up done; another customer’s, an unknown one and the list are refused', async () => {
    const agent = { token: sample.embedToken(C, { role: 'agent' }) };
    const own = (await admin(`/customers/${C}/actions/follow-up`, post({ dueAt: inAnHour(), note: unique('Sidebar ') }))).id;
    const other = (await admin(`/customers/${D}/actions/follow-up`, post({ dueAt: inAnHour(), note: unique('Elsewhere ') }))).id;
    const done = await sample.call(`/follow-ups/${own}`, { ...post({ status: 'done' }, 'PATCH'), as: agent });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ id: own, customerId: C, status: 'done' });
    for (const id of [other, 'no-such-follow-up']) {
      const refused = await sample.call(`/follow-ups/${id}`, { ...post({ status: 'done' }, 'PATCH'), as: agent });
      expect(refused.status, id).toBe(403);
      expect(refused.body.detail, id).toBe(`This token is scoped to customer "${C}"`);
    }
    const untouched = await sample.call(`/customers/${D}/follow-ups?status=all`);
    expect(untouched.body.items.find((f: { id: string }) => f.id === other)).toMatchObject({ status: 'open' });
    const list = await sample.call('/follow-ups?assignee=me', { as: agent });
    expect(list.status).toBe(403);
    expect(list.body.detail).toContain('cannot use GET /follow-ups');
  });

  it('GET /me says who the token is, for an API key and an embed token', async () => {
    const me = await sample.call('/me', { as: 'agent' });
    expect(me.body).toMatchObject({ name: 'Test agent', role: 'agent', kind: 'api-key', customerId: null, expiresAt: null });
    expect(me.body.permissions).toEqual([
      'customers:read',
      'notes:write',
      'tags:write',
      'tickets:write',
      'email:send',
      'consent:write',
      'notifications',
    ]);
    expect(me.body.tokenId).toMatch(/^tok_/);
    const embed = await sample.call('/me', { as: { token: sample.embedToken(C, { role: 'viewer', name: 'Dana (helpdesk)' }) } });
    expect(embed.body).toMatchObject({
      name: 'Dana (helpdesk)',
      role: 'viewer',
      kind: 'embed',
      customerId: C,
      permissions: ['customers:read'],
    });
    expect(embed.body.tokenId).toMatch(/^emb_[0-9a-f]{16}$/);
    expect(Date.parse(embed.body.expiresAt)).toBeGreaterThan(Date.now());
  });
});

describe('a viewer changes nothing', () => {
  it('through any route: every table is the same before and after all viewer requests', async () => {
    const requests: Array<[string, string, RequestInit | undefined]> = [];
    for (const [key, spec] of Object.entries(ROUTES)) {
      const [path, init] = await spec.make();
      requests.push([key, path, init]);
    }
    // Reads that keep rule-segment memberships current may write once; make them current first.
    for (const [key, path, init] of requests) if (key.startsWith('GET ')) await admin(path, init);
    const before = await snapshotAll(sample.db);
    for (const [key, path, init] of requests) {
      const res = await sample.call(path, { ...init, as: 'viewer' });
      const spec = ROUTES[key]!;
      expect(res.status, key).toBe(spec.permission === null || can('viewer', spec.permission) ? spec.ok : 403);
      if (!key.startsWith('GET ')) expect(res.status, key).toBe(403);
    }
    expect(await snapshotAll(sample.db)).toEqual(before);
  });
});
