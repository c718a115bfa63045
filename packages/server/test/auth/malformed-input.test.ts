/**
 * SPEC §8 "all input validated; malformed input gets a 4xx and changes nothing": fast-check sends
 * every route of the OpenAPI document malformed path parameters (unicode, huge, path-traversal-ish,
 * unknown ids), query values its schema rejects, and bodies its schema rejects (random JSON, wrong
 * types, not JSON, huge) — as an admin, so access never hides a failure. Every answer is a 4xx
 * problem+json, never a 5xx, and the database is the same afterwards. 30 runs per route by default;
 * `FUZZ_RUNS=400 npx vitest run packages/server/test/auth/malformed-input.test.ts` runs more and
 * prints how many of each status it saw.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BulkExportQuery,
  CompareQuery,
  CustomerSearchQuery,
  EmailAction,
  ExportQuery,
  PointsAction,
  TicketAction,
  IngestEvent,
  NewNote,
  NewSegment,
  NewTag,
  NotesQuery,
  OrdersQuery,
  Problem,
  SegmentAssignment,
  SegmentPreviewRequest,
  SegmentUpdate,
  StreamQuery,
  TagAssignment,
  TimelineQuery,
  PreferencesEdit,
  AuditQuery,
  NotificationsQuery,
  NotificationPreferencesUpdate,
  NewExportSchedule,
  ExportScheduleUpdate,
  NewFollowUp,
  CustomerFollowUpsQuery,
  FollowUpsQuery,
  FollowUpUpdate,
} from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { snapshotAll } from '../ingest/helpers.js';
import { MAX_BATCH } from '../../src/api/routes/events.js';
import { isOutsideApi } from '../../src/api/embed-lookup-doc.js';

interface Inputs {
  /** Zod schema of the query (values it rejects are sent). */
  query?: z.ZodType;
  /** Zod schema of the JSON body (bodies it rejects are sent) and a valid body (sent with a malformed path). */
  body?: { schema: z.ZodType; valid: unknown };
}

/** The inputs of each route; routes with none (GET /me, /tags, /segments) have nothing to get wrong. */
const INPUTS: Record<string, Inputs> = {
  'GET /customers': { query: CustomerSearchQuery },
  'GET /customers/compare': { query: CompareQuery },
  'GET /customers/{id}/360': {},
  'GET /customers/{id}/orders': { query: OrdersQuery },
  'GET /customers/{id}/timeline': { query: TimelineQuery },
  'GET /customers/{id}/loyalty': {},
  'GET /customers/{id}/marketing': {},
  'GET /customers/{id}/support': {},
  'GET /customers/{id}/support/tickets/{ticketId}': {},
  'GET /customers/{id}/payments': {},
  'GET /customers/{id}/analytics': {},
  'GET /customers/{id}/notes': { query: NotesQuery },
  'POST /customers/{id}/notes': { body: { schema: NewNote, valid: { body: 'fuzz' } } },
  'POST /tags': { body: { schema: NewTag, valid: { name: 'fuzz-tag', color: '#123456' } } },
  'GET /customers/{id}/tags': {},
  'POST /customers/{id}/tags': { body: { schema: TagAssignment, valid: { name: 'fuzz-assign' } } },
  'DELETE /customers/{id}/tags/{tagId}': {},
  'POST /segments': { body: { schema: NewSegment, valid: { name: 'Fuzz segment', kind: 'manual' } } },
  'PATCH /segments/{segmentId}': { body: { schema: SegmentUpdate, valid: { name: 'Fuzz renamed' } } },
  'POST /segments/preview': {
    body: { schema: SegmentPreviewRequest, valid: { criteria: { field: 'country', op: '=', value: 'United Kingdom' } } },
  },
  'POST /customers/{id}/segments': { body: { schema: SegmentAssignment, valid: { segmentId: 'no-such-segment' } } },
  'DELETE /customers/{id}/segments/{segmentId}': {},
  'POST /events': {
    body: {
      schema: z.array(IngestEvent).max(MAX_BATCH),
      valid: [
        {
          id: 'fuzz-1',
          type: 'session.started',
          occurredAt: '2011-12-01T10:00:00.000Z',
          data: { customerId: '17850', sessionId: 'fuzz-s', device: 'desktop' },
        },
      ],
    },
  },
  'GET /me': {},
  'GET /stream': { query: StreamQuery },
  'POST /customers/{id}/actions/email': { body: { schema: EmailAction, valid: { subject: 'Fuzz', body: 'fuzz' } } },
  'POST /customers/{id}/actions/ticket': { body: { schema: TicketAction, valid: { subject: 'Fuzz ticket', priority: 'normal' } } },
  'POST /customers/{id}/actions/points': { body: { schema: PointsAction, valid: { points: 10, reason: 'fuzz' } } },
  'POST /customers/{id}/actions/follow-up': { body: { schema: NewFollowUp, valid: { dueAt: '2030-01-01T09:00:00Z', note: 'fuzz' } } },
  'GET /customers/{id}/follow-ups': { query: CustomerFollowUpsQuery },
  'GET /follow-ups': { query: FollowUpsQuery },
  'PATCH /follow-ups/{id}': { body: { schema: FollowUpUpdate, valid: { status: 'done' } } },
  'GET /customers/{id}/export': { query: ExportQuery },
  'GET /customers/export.csv': { query: BulkExportQuery },
  'GET /tags': {},
  'GET /segments': {},
  'PATCH /customers/{id}/preferences': { body: { schema: PreferencesEdit, valid: { frequency: 'weekly' } } },
  'GET /audit': { query: AuditQuery },
  'GET /customers/export.xlsx': { query: BulkExportQuery },
  'GET /notifications': { query: NotificationsQuery },
  'POST /notifications/{id}/read': {},
  'GET /notifications/preferences': {},
  'PUT /notifications/preferences': {
    body: { schema: NotificationPreferencesUpdate, valid: { kinds: ['vip.order'], channels: ['in_app'] } },
  },
  'GET /export-schedules': {},
  'POST /export-schedules': {
    body: { schema: NewExportSchedule, valid: { name: 'Fuzz schedule', cron: '0 7 * * 1', delivery: { kind: 'download' } } },
  },
  'PATCH /export-schedules/{id}': { body: { schema: ExportScheduleUpdate, valid: { paused: true } } },
  'DELETE /export-schedules/{id}': {},
  'GET /export-schedules/{id}/runs': {},
  'GET /export-schedules/{id}/runs/{runId}/file': {},
};
const NO_INPUT = new Set(['GET /me', 'GET /tags', 'GET /segments', 'GET /notifications/preferences', 'GET /export-schedules']);

let sample: SampleApp;
let existing: Set<string>;
const C = '17850';
/** Params not being mutated: the real customer, and ids of nothing. */
const DEFAULTS: Record<string, string> = {
  id: C,
  ticketId: 'no-such-ticket',
  tagId: 'no-such-tag',
  segmentId: 'no-such-segment',
  runId: 'no-such-run',
};

beforeAll(async () => {
  sample = await openSampleApp();
  existing = new Set([
    ...(await sample.db.selectFrom('customers').select('id').execute()).map((r) => r.id),
    ...(await sample.db.selectFrom('tags').select('id').execute()).map((r) => r.id),
    ...(await sample.db.selectFrom('segments').select('id').execute()).map((r) => r.id),
    ...(await sample.db.selectFrom('tickets').select('id').execute()).map((r) => r.id),
  ]);
});
afterAll(() => sample.close());

const weird = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ minLength: 129, maxLength: 3000 }),
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows',
    '%2e%2e%2f',
    '..;',
    '\u0000',
    '🙂',
    'ﷺ',
    'a b',
    'x/y',
    '<script>',
    "' or 1=1 --",
    ' ',
    'compare',
  ),
);
const randomJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom('body', 'name', 'color', 'kind', 'criteria', 'segmentId', 'tagId', 'type', 'visibility', 'id', 'data'),
    fc.jsonValue({ maxDepth: 2 }),
  ),
  fc.array(fc.record({ id: fc.string(), type: fc.string(), occurredAt: fc.string(), data: fc.jsonValue({ maxDepth: 2 }) }), {
    maxLength: 3,
  }),
);

type Attack =
  | { kind: 'path'; param: string; value: string }
  | { kind: 'query'; query: Record<string, string> }
  | { kind: 'body'; body: string; type: string };

function attacks(path: string, inputs: Inputs): fc.Arbitrary<Attack> {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const options: Array<fc.Arbitrary<Attack>> = [];
  if (params.length) {
    options.push(
      fc
        .record({ kind: fc.constant('path' as const), param: fc.constantFrom(...params), value: weird })
        .filter((a) => !existing.has(a.value)),
    );
  }
  if (inputs.query) {
    const schema = inputs.query;
    const keys = Object.keys((schema as z.ZodObject).shape);
    const value = fc.oneof(weird, fc.constantFrom('-1', '0', '1e9', '201', 'NaN', '2011-13-45', 'true', '[]', 'a,b,c,d', ''));
    options.push(
      fc
        .record({ kind: fc.constant('query' as const), query: fc.dictionary(fc.constantFrom(...keys), value, { minKeys: 1, maxKeys: 3 }) })
        .filter((a) => !schema.safeParse(a.query).success && !('cursor' in a.query && Object.keys(a.query).length === 1)),
    );
  }
  if (inputs.body) {
    const schema = inputs.body.schema;
    options.push(
      fc
        .record({ kind: fc.constant('body' as const), value: randomJson, type: fc.constant('application/json') })
        .filter((a) => !schema.safeParse(a.value).success)
        .map((a) => ({ kind: 'body' as const, body: JSON.stringify(a.value), type: a.type })),
      fc
        .record({
          kind: fc.constant('body' as const),
          body: fc.oneof(
            fc.string({ maxLength: 200 }).filter((s) => {
              try {
                JSON.parse(s);
                return false;
              } catch {
                return true;
              }
            }),
            fc.constantFrom('{', '{"body":', 'null', ''),
          ),
          type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        })
        .filter(
          (a) =>
            a.type !== 'application/json' ||
            !(() => {
              try {
                return schema.safeParse(JSON.parse(a.body)).success;
              } catch {
                return false;
              }
            })(),
        ),
      fc.constant({
        kind: 'body' as const,
        body: JSON.stringify({ body: 'x'.repeat(1_100_000), name: 'x'.repeat(1_100_000) }),
        type: 'application/json',
      }),
    );
  }
  return fc.oneof(...options);
}

function requestFor(method: string, path: string, inputs: Inputs, attack: Attack): [string, RequestInit] {
  let url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(attack.kind === 'path' && attack.param === name ? attack.value : DEFAULTS[name]!),
  );
  const init: RequestInit = { method };
  if (attack.kind === 'query') url += `?${new URLSearchParams(attack.query)}`;
  if (method !== 'GET' && method !== 'DELETE') {
    if (attack.kind === 'body') {
      init.headers = { 'content-type': attack.type };
      init.body = attack.body;
    } else if (inputs.body) {
      // A malformed path with a valid body: the path alone must stop it.
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(inputs.body.valid);
    }
  }
  return [url, init];
}

describe('malformed input to every route', () => {
  it('the table covers every route of the OpenAPI document', async () => {
    const doc = (await sample.call('/openapi.json', { as: null })).body;
    // The API's routes (GET /embed/lookup, outside /api, is documented too: tested by the embed tests).
    const documented = Object.entries<Record<string, any>>(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => !isOutsideApi(ops[m]))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(Object.keys(INPUTS).sort());
  });

  it('gets a 4xx problem+json, never a 5xx, and changes nothing', async () => {
    // Reads that keep rule-segment memberships current may write once: make them current first.
    for (const path of [`/customers/${C}/360`, `/customers/${C}/marketing`, '/customers?segment=rfm:champions']) await sample.call(path);
    const before = await snapshotAll(sample.db);
    const seen: Record<string, number> = {};
    for (const [key, inputs] of Object.entries(INPUTS)) {
      if (NO_INPUT.has(key)) continue;
      const [method, path] = key.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(attacks(path, inputs), async (attack) => {
          const [url, init] = requestFor(method, path, inputs, attack);
          const res = await sample.call(url, init);
          const label = `${key} ${url.slice(0, 120)} ${String(init.body ?? '').slice(0, 120)}`;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          expect(res.type, label).toContain('application/problem+json');
          expect(Problem.parse(res.body).status, label).toBe(res.status);
          seen[res.status] = (seen[res.status] ?? 0) + 1;
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 30) },
      );
    }
    if (process.env.FUZZ_RUNS) console.log(seen);
    expect(await snapshotAll(sample.db)).toEqual(before);
    // The runs reached validation (400), lookups (404) and the size limit (413).
    expect(Object.keys(seen)).toEqual(expect.arrayContaining(['400', '404', '413']));
  });
});
