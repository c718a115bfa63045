/**
 * Notes of a customer (R8.1, R8.2, R19.4; design Property 7).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { can, CustomerId, IdempotencyKey, NewNote, Note, NotesPage, NotesQuery } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { forbidden, secureRoute } from '../guard.js';
import { customerProblems, json, problem } from '../openapi-helpers.js';
import { loadNotes } from '../../read/notes.js';
import { createNote } from '../../write/notes.js';
import { writeTime } from '../../core/read-context.js';

const IdParam = z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) });

const list = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/notes',
    tags: ['Notes and tags'],
    summary: 'Notes of a customer, newest first',
    description:
      'Each note with its author and creation time. Only notes the caller may read: `team` notes, the caller’s own notes, ' +
      'and `restricted` notes for roles with `notes:private` (manager, admin). Filter by `type`; keyset-paginated.',
    request: { params: IdParam, query: NotesQuery },
    responses: { 200: json(NotesPage, 'A page of notes'), ...customerProblems },
  },
);

const add = secureRoute(
  { permission: 'notes:write' },
  {
    method: 'post',
    path: '/customers/{id}/notes',
    tags: ['Notes and tags'],
    summary: 'Add a note',
    description:
      'Saves the note with the acting user as author and the current time, writes a `note` timeline entry and an audit row. ' +
      'A `private` note also needs `notes:private` (403 `needs notes:private` otherwise). ' +
      'The body is plain text, stored as given. With an `Idempotency-Key` header, a retry returns the note the first request created.',
    request: {
      params: IdParam,
      headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
      body: { required: true, content: { 'application/json': { schema: NewNote } } },
    },
    responses: {
      201: json(Note, 'The note (also for a retry with the same Idempotency-Key)'),
      ...customerProblems,
      422: problem('The Idempotency-Key was used for a different note'),
    },
  },
);

export function noteRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json(await loadNotes(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('query')), 200));
  app.openapi(add, async (c) => {
    const input = c.req.valid('json');
    if (input.visibility === 'private' && !can(c.var.actor.role, 'notes:private')) throw forbidden('needs notes:private');
    const { note, replayed } = await createNote(c.var.read.db, c.var.actor, c.req.valid('param').id, input, {
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      now: writeTime(c.var.read),
    });
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(note, 201);
  });
}
