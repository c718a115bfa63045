/**
 * POST /events — ingestion of a batch of typed events (JSON array or NDJSON). The whole batch is
 * validated first: any invalid event (or one dated in the future, ingest/event-times.ts) → 400
 * listing each invalid event's index and field, and nothing is applied. Replayed events (same `id`) are skipped.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { IngestEvent, IngestResult, type FieldError } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json, problem } from '../openapi-helpers.js';
import { invalidRequest, zodIssueFields } from '../../core/problem.js';
import { applyEvents } from '../../ingest/apply-events.js';
import { writeTime } from '../../core/read-context.js';
import { eventTimeLimit, futureTimes } from '../../ingest/event-times.js';

/** Upper bound of events per request. */
export const MAX_BATCH = 5000;

/** Upper bound of a request body (JSON or NDJSON): 10 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const ingest = secureRoute(
  { permission: 'admin', bodyLimit: MAX_BODY_BYTES, rateLimited: false },
  {
    method: 'post',
    path: '/events',
    tags: ['Ingestion'],
    summary: 'Ingest a batch of events',
    description: `JSON array or NDJSON (\`application/x-ndjson\`) of at most ${MAX_BATCH} events. Atomic and idempotent per event id.`,
    request: {
      body: {
        // Not `required`: with it the JSON validator would also run on NDJSON bodies.
        required: false,
        content: {
          'application/json': { schema: z.array(IngestEvent).max(MAX_BATCH) },
          'application/x-ndjson': { schema: z.string().meta({ description: 'One IngestEvent JSON object per line' }) },
        },
      },
    },
    responses: {
      200: json(IngestResult, 'Counts of applied and duplicate events'),
      ...commonProblems,
      422: problem(
        'An event conflicts with the data (unknown customer, points over balance, …): `errors` names `body.<index>.<field>`; nothing was applied',
      ),
    },
  },
);

/** Parses and validates an NDJSON body; field names match the JSON validator's (`body.3.data.email`). */
function parseNdjson(text: string): IngestEvent[] {
  const errors: FieldError[] = [];
  const events: IngestEvent[] = [];
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length > MAX_BATCH) throw invalidRequest([{ field: 'body', message: `at most ${MAX_BATCH} events per request` }]);
  lines.forEach((line, index) => {
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      errors.push({ field: `body.${index}`, message: 'is not valid JSON' });
      return;
    }
    const result = IngestEvent.safeParse(item);
    if (result.success) events.push(result.data);
    else
      for (const { path, message } of result.error.issues.flatMap(zodIssueFields))
        errors.push({ field: ['body', index, ...path.map(String)].join('.'), message });
  });
  if (errors.length) throw invalidRequest(errors);
  return events;
}

export function eventRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(ingest, async (c) => {
    const type = c.req.header('content-type') ?? '';
    const events = type.includes('ndjson') ? parseNdjson(await c.req.text()) : (c.req.valid('json') as unknown);
    if (!Array.isArray(events)) {
      throw invalidRequest([
        { field: 'body', message: 'must be a JSON array of events (content-type application/json) or NDJSON (application/x-ndjson)' },
      ]);
    }
    // Dated in the future (after the server's clock or as-of, plus a window): 400 naming each field, nothing applied.
    const limit = eventTimeLimit(new Date(), c.var.read.asOf);
    const future = (events as IngestEvent[]).flatMap((event, index) =>
      futureTimes(event, limit).map((e) => ({ ...e, field: `body.${index}.${e.field}` })),
    );
    if (future.length) throw invalidRequest(future);
    return c.json(await applyEvents(c.var.read.db, events as IngestEvent[], writeTime(c.var.read)), 200);
  });
}
