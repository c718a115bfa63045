/**
 * Customer notes (R8.1, R8.2, R19.4; design Property 7): free text with the author and time of
 * creation, a type and a visibility. Bodies are plain text: the elements render them as text,
 * never as HTML.
 * @module
 */
import { z } from 'zod';
import { Cursor, Timestamp } from './common.js';
import { NOTE_MAX_LENGTH } from '../constants.js';

export const NoteType = z.enum(['general', 'support', 'sales', 'billing']);
export type NoteType = z.infer<typeof NoteType>;

/**
 * Who may read a note: `team` everyone who can see the customer; `private` only its author;
 * `restricted` its author and roles with the `notes:private` permission (manager, admin).
 */
export const NoteVisibility = z.enum(['team', 'private', 'restricted']);
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const Note = z
  .object({
    id: z.string(),
    customerId: z.string(),
    author: z.string().meta({ description: 'Who wrote the note (the acting user)', example: 'Dana (support)' }),
    createdAt: Timestamp,
    type: NoteType,
    visibility: NoteVisibility,
    body: z.string().meta({ description: 'Plain text, stored as given' }),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof Note>;

/** Body of POST /customers/:id/notes. */
export const NewNote = z
  .object({
    body: z
      .string()
      .max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`)
      .refine((s) => s.trim().length > 0, 'must not be empty')
      .meta({ description: `1–${NOTE_MAX_LENGTH} characters of plain text` }),
    type: NoteType.default('general'),
    visibility: NoteVisibility.default('team'),
  })
  .strict()
  .meta({ id: 'NewNote' });
export type NewNote = z.input<typeof NewNote>;

/** Query of GET /customers/:id/notes: optional type filter, keyset-paginated, newest first. */
export const NotesQuery = z.object({
  type: NoteType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
export type NotesQuery = z.input<typeof NotesQuery>;

export const NotesPage = z
  .object({
    notes: z.array(Note).meta({ description: 'Newest first; only notes the caller may read' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotesPage' });
export type NotesPage = z.infer<typeof NotesPage>;

/** The optional `Idempotency-Key` request header of POST /customers/:id/notes. */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'must be 1–255 visible ASCII characters')
  .meta({ description: 'Retrying with the same key returns the note created first instead of adding another' });
