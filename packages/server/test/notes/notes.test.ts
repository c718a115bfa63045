/**
 * Notes over the real app and sample: attribution (design Property 7), newest-first keyset
 * pagination, validation naming the field, Idempotency-Key, timeline and audit rows, visibility.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, NOTE_MAX_LENGTH, NoteType, NoteVisibility } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let ids: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
});
afterAll(() => sample.close());

const post = (id: string, body: unknown, headers: Record<string, string> = {}) =>
  sample.call(`/customers/${encodeURIComponent(id)}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function allNotes(id: string, query = ''): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await sample.call(`/customers/${id}/notes?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.notes);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

describe('Property 7: a note records its author and creation time', () => {
  it('holds for any body, type and visibility, and the note lists first', async () => {
    const body = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }),
        fc.constantFrom('<script>alert(1)</script>', '  leading and trailing  ', 'line 1\nline 2\ttab', '"quotes" & <b>tags</b>'),
      )
      .filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids.slice(20)), // ids[0..19] are for the other tests
        body,
        fc.constantFrom(...NoteType.options),
        fc.constantFrom(...NoteVisibility.options),
        async (id, text, type, visibility) => {
          const before = new Date().toISOString();
          const res = await post(id, { body: text, type, visibility });
          const after = new Date().toISOString();
          expect(res.status).toBe(201);
          const note = res.body;
          expect(note).toMatchObject({ customerId: id, author: 'local operator', type, visibility, body: text });
          expect(note.createdAt >= before && note.createdAt <= after).toBe(true);
          const list = await sample.call(`/customers/${id}/notes?limit=1`);
          expect(list.body.notes[0]).toEqual(note);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('GET /customers/:id/notes', () => {
  it('pages newest first without gaps or repeats, and filters by type', async () => {
    const id = ids[1]!;
    const created: any[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await post(id, { body: `note ${i}`, type: i % 2 ? 'sales' : 'support' });
      created.push(res.body);
    }
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const res = await sample.call(`/customers/${id}/notes?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.notes.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.notes);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.slice(0, 7).map((n) => n.body)).toEqual(created.map((n) => n.body).reverse());
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].createdAt >= seen[i].createdAt).toBe(true);

    const sales = await allNotes(id, '&type=sales');
    expect(sales.map((n) => n.body)).toEqual(['note 5', 'note 3', 'note 1']);
    expect(sales.every((n) => n.type === 'sales')).toBe(true);
  });

  it('writes a note timeline entry and an audit row with the note', async () => {
    const id = ids[2]!;
    const { body: note } = await post(id, { body: 'Called about the late parcel', type: 'support' });
    const timeline = (await sample.call(`/customers/${id}/timeline?types=note&limit=5`)).body.events;
    expect(timeline[0]).toMatchObject({
      id: `note:${note.id}`,
      type: 'note',
      occurredAt: note.createdAt,
      ref: { kind: 'note', id: note.id },
    });
    expect(timeline[0].title).toContain('local operator');
    expect(timeline[0].description).toBe('Called about the late parcel');
    const audit = await sample.db
      .selectFrom('audit_log')
      .selectAll()
      .where('customer_id', '=', id)
      .where('action', '=', 'note.created')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details!).noteId)).toContain(note.id);
    expect(audit[0]!.actor).toBe('local operator');
  });

  it('shows only notes the caller may read', async () => {
    const id = ids[3]!;
    const row = (n: string, visibility: string, author: string) => ({
      id: `note_vis_${n}`,
      customer_id: id,
      author,
      type: 'general',
      visibility,
      body: n,
      created_at: '2011-06-01T00:00:00.000Z',
    });
    await sample.db
      .insertInto('notes')
      .values([
        row('team-other', 'team', 'Dana'),
        row('private-other', 'private', 'Dana'),
        row('restricted-other', 'restricted', 'Dana'),
        row('private-mine', 'private', 'local operator'),
      ])
      .execute();
    const bodies = (await allNotes(id)).map((n) => n.body).sort();
    // The local operator is an admin: restricted notes yes, someone else's private note no.
    expect(bodies).toEqual(['private-mine', 'restricted-other', 'team-other']);
  });
});

describe('POST /customers/:id/notes validation', () => {
  it('answers 400 naming the invalid field and changes nothing', async () => {
    const id = ids[4]!;
    const before = (await allNotes(id)).length;
    const cases: Array<[unknown, string]> = [
      [{ body: 'x', type: 'memo' }, 'body.type'],
      [{ body: 'x', visibility: 'public' }, 'body.visibility'],
      [{ body: '' }, 'body.body'],
      [{ body: '   ' }, 'body.body'],
      [{ body: 'x'.repeat(NOTE_MAX_LENGTH + 1) }, 'body.body'],
      [{ type: 'general' }, 'body.body'],
      [{ body: 'x', author: 'someone else' }, 'body.author'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(id, payload);
      expect(res.status, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await post(id, { body: 'x'.repeat(NOTE_MAX_LENGTH) })).status).toBe(201);
    expect((await allNotes(id)).length).toBe(before + 1);
  });

  it('answers 404 naming an unknown customer', async () => {
    const res = await post('NO-SUCH-CUSTOMER', { body: 'hello' });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('NO-SUCH-CUSTOMER');
    expect((await sample.call('/customers/NO-SUCH-CUSTOMER/notes')).status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('returns the first note for a retry and creates nothing more', async () => {
    const id = ids[5]!;
    const before = (await allNotes(id)).length;
    const first = await post(id, { body: 'Refund approved', type: 'billing' }, { 'idempotency-key': 'retry-1' });
    const again = await post(id, { body: 'Refund approved', type: 'billing' }, { 'idempotency-key': 'retry-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await allNotes(id)).length).toBe(before + 1);
    const timeline = (await sample.call(`/customers/${id}/timeline?types=note&limit=200`)).body.events;
    expect(timeline.filter((e: any) => e.ref?.id === first.body.id)).toHaveLength(1);

    // The same key for another customer is another request; a different body under the key is refused.
    const other = await post(ids[6]!, { body: 'Refund approved', type: 'billing' }, { 'idempotency-key': 'retry-1' });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    const reused = await post(id, { body: 'Something else' }, { 'idempotency-key': 'retry-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0].field).toBe('header.idempotency-key');
    expect((await allNotes(id)).length).toBe(before + 1);

    const bad = await post(id, { body: 'x' }, { 'idempotency-key': 'has space' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('header.idempotency-key');
  });

  it('works through the SDK client', async () => {
    const client = createClient({ baseUrl: 'http://localhost', fetch: async (input, init) => sample.app.request(String(input), init) });
    const id = ids[7]!;
    const a = await client.addNote(id, { body: 'Prefers phone calls', type: 'sales', visibility: 'private' }, { idempotencyKey: 'sdk-1' });
    const b = await client.addNote(id, { body: 'Prefers phone calls', type: 'sales', visibility: 'private' }, { idempotencyKey: 'sdk-1' });
    expect(b).toEqual(a);
    expect((await client.getNotes(id, { limit: 1 })).notes[0]).toEqual(a);
    await expect(client.addNote(id, { body: 'x', type: 'memo' as never })).rejects.toMatchObject({ status: 400 });
  });
});
