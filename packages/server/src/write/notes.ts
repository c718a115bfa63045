/**
 * POST /customers/:id/notes (R8.2, design Property 7): the note is saved with the acting user as
 * author and the current time, together with its timeline entry and an audit row, in one
 * transaction of the write pipeline (write/pipeline.ts). Bodies are stored exactly as given (plain text; never rendered as HTML).
 *
 * Idempotency: with an `Idempotency-Key`, the first request creates the note and records the key
 * (`idempotency_keys`, key `note:<customerId>:<key>`, `ref` = note id); a retry with the same key
 * returns that note and creates nothing. Reusing a key for a different note — or another author's
 * key — is a 422 (which never reveals another author's note).
 * @module
 */
import type { NewNote, Note } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import { clip } from '../ingest/shared.js';
import { toNote } from '../read/notes.js';
import { sortableId } from './ids.js';
import { runWrite } from './pipeline.js';
import { draftsOf } from '../realtime/sections.js';

export interface CreatedNote {
  note: Note;
  /** True when an earlier request with the same Idempotency-Key created the note. */
  replayed: boolean;
}

const VISIBILITY_LABEL = { private: 'Private note', restricted: 'Restricted note' } as const;

export async function createNote(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof NewNote>,
  options: { idempotencyKey?: string; now?: Date } = {},
): Promise<CreatedNote> {
  const now = options.now ?? new Date();
  return runWrite(
    db,
    async (w): Promise<CreatedNote> => {
      const { trx } = w;
      const customer = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (!customer) throw customerNotFound(customerId);

      const key = options.idempotencyKey === undefined ? undefined : `note:${customerId}:${options.idempotencyKey}`;
      if (key) {
        // Reserve the key first (`ref` null until the note exists): a concurrent request with the same
        // key, on any instance, waits here for this commit and then replays the note (not a second one).
        await trx
          .insertInto('idempotency_keys')
          .values({ key, kind: 'note', received_at: now.toISOString(), ref: null })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const seen = await trx.selectFrom('idempotency_keys').select('ref').where('key', '=', key).executeTakeFirst();
        const earlier = seen?.ref ? await trx.selectFrom('notes').selectAll().where('id', '=', seen.ref).executeTakeFirst() : undefined;
        if (earlier) {
          // A key is the caller's own: another author's key is a different request, refused like a different note.
          const mine = earlier.author === actor.name;
          if (!mine || earlier.body !== input.body || earlier.type !== input.type || earlier.visibility !== input.visibility) {
            const detail = mine
              ? `Key "${options.idempotencyKey}" already created note "${earlier.id}" with a different body, type or visibility`
              : `Key "${options.idempotencyKey}" was already used for another note`;
            throw new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key reused', detail, [
              { field: 'header.idempotency-key', message: 'was used for a different note' },
            ]);
          }
          return { note: toNote(earlier), replayed: true };
        }
      }

      const at = now.toISOString();
      const row = {
        id: sortableId('note_', now),
        customer_id: customerId,
        author: actor.name,
        type: input.type,
        visibility: input.visibility,
        body: input.body,
        created_at: at,
      };
      await trx.insertInto('notes').values(row).execute();
      if (key) {
        await trx
          .insertInto('idempotency_keys')
          .values({ key, kind: 'note', received_at: at, ref: row.id })
          .onConflict((oc) => oc.column('key').doUpdateSet({ ref: row.id, received_at: at }))
          .execute();
      }
      await w.activity(customerId, {
        id: `note:${row.id}`,
        type: 'note',
        title: `${input.type === 'general' ? 'Note' : `${input.type[0]!.toUpperCase()}${input.type.slice(1)} note`} by ${actor.name}`,
        // The timeline shows a team note's text; private and restricted notes stay in the notes list.
        description:
          input.visibility === 'team' ? (clip(input.body.replace(/\s+/g, ' ').trim()) ?? null) : VISIBILITY_LABEL[input.visibility],
        occurredAt: at,
        ref: { kind: 'note', id: row.id },
      });
      await w.audit({
        actor: actor.name,
        action: 'note.created',
        customerId,
        details: { noteId: row.id, type: row.type, visibility: row.visibility, length: row.body.length },
      });
      w.change(draftsOf(customerId, 'note.added', `note:${row.id}`));
      return { note: toNote(row), replayed: false };
    },
    now,
  );
}
