/**
 * PATCH /customers/{id}/preferences (R5, 004): an agent changes consent and communication
 * preferences. See src/ingest/preference-edits.ts for how the edit applies, audits and stays
 * idempotent.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CustomerId, IdempotencyKey, PreferencesEdit, PreferencesEdited } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { customerProblems, json, problem } from '../openapi-helpers.js';
import { editPreferences } from '../../ingest/preference-edits.js';
import { writeTime } from '../../core/read-context.js';

const edit = secureRoute(
  { permission: 'consent:write' },
  {
    method: 'patch',
    path: '/customers/{id}/preferences',
    tags: ['Customers'],
    summary: 'Change consent and communication preferences',
    description:
      'Opts the customer in or out per channel (a `reason` is required; `source` says where they asked, default `c360`), sets or clears ' +
      'quiet hours, time zone, language and contact frequency; only the given fields change. Applied as a `preferences.updated` event ' +
      'through the ingestion path: the consent log gets one row per channel whose opt-in changed, the timeline an entry, the live feed ' +
      'a change, and the audit log a `preferences.updated` row with the caller. With an `Idempotency-Key` header, a retry returns the ' +
      'first result (header `Idempotent-Replayed: true`) and changes nothing; the same key with a different body is a 422.',
    request: {
      params: z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) }),
      headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
      body: { required: true, content: { 'application/json': { schema: PreferencesEdit } } },
    },
    responses: {
      200: json(PreferencesEdited, 'The preferences as they now are, and the consent changes made'),
      ...customerProblems,
      422: problem('The Idempotency-Key was used for a different request'),
    },
  },
);

export function preferenceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(edit, async (c) => {
    const { result, replayed } = await editPreferences(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), {
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      now: writeTime(c.var.read),
    });
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(result, 200);
  });
}
