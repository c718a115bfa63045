/**
 * GET /customers/:id/notes — the notes a reader may see (R8.1, R19.4), newest first,
 * keyset-paginated on (created_at desc, id desc).
 * @module
 */
import { sql, type Selectable } from 'kysely';
import { can, type Note, type NotesPage, type NotesQuery } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { NotesTable } from '../db/schema.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound } from '../core/problem.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';

export function toNote(row: Selectable<NotesTable>): Note {
  return {
    id: row.id,
    customerId: row.customer_id,
    author: row.author,
    createdAt: row.created_at,
    type: row.type as Note['type'],
    visibility: row.visibility as Note['visibility'],
    body: row.body,
  };
}

export async function loadNotes(db: Db, actor: Actor, customerId: string, query: z.output<typeof NotesQuery>): Promise<NotesPage> {
  const exists = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!exists) throw customerNotFound(customerId);

  let q = db.selectFrom('notes').selectAll().where('customer_id', '=', customerId);
  // Visibility (R19.4) in SQL, so pages are full and cursors exact: `team` notes, the reader's own
  // notes, and `restricted` notes for roles with `notes:private`; a `private` note is its author's.
  // The author is the token's name: keys that share a name (a rotated key) share their notes.
  const readsRestricted = can(actor.role, 'notes:private');
  q = q.where((eb) =>
    eb.or([
      eb('visibility', '=', 'team'),
      eb('author', '=', actor.name),
      ...(readsRestricted ? [eb('visibility', '=', 'restricted')] : []),
    ]),
  );
  if (query.type) q = q.where('type', '=', query.type);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [string, string];
    q = q.where(sql<boolean>`(created_at < ${at} or (created_at = ${at} and id < ${id}))`);
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notes: page.map(toNote),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null,
  };
}
