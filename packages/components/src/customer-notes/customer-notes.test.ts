import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NOTE_MAX_LENGTH, type Note } from '@c360/sdk';
import './define.js';
import { relativeTime, type CustomerNotesElement } from './customer-notes.js';
import { currentActor } from '../base/permissions.js';
import {
  $,
  $$,
  API,
  LOCALE,
  ROLE_TOKENS,
  UNKNOWN_CUSTOMER,
  apiClient,
  appearsWhile,
  fmt,
  freshCustomer,
  shown,
  text,
} from '../test-support/real-server.js';

const TYPE = { general: 'General', support: 'Support', sales: 'Sales', billing: 'Billing' } as const;
const VISIBILITY = { team: 'Team', private: 'Private', restricted: 'Restricted' } as const;

describe('<customer-notes>', () => {
  const render = (id: string, pageSize = 20) =>
    fixture<CustomerNotesElement>(
      html`<customer-notes customer-id=${id} api-base=${API} locale=${LOCALE} page-size=${pageSize}></customer-notes>`,
    );
  const textarea = (el: Element) => $(el, '[part=textarea]') as HTMLTextAreaElement;
  const submit = (el: Element) => $(el, '[part=submit]') as HTMLButtonElement;
  const ids = (el: Element) => $$(el, '[part=note]').map((n) => n.dataset.noteId);
  const allNotes = async (id: string) => (await apiClient().getNotes(id, { limit: 200 })).notes;
  /** Types into the text area as a user would (focus, then key presses). */
  async function type(el: CustomerNotesElement, value: string) {
    textarea(el).focus();
    await sendKeys({ type: value });
    await el.updateComplete;
  }

  /** The note's row shows what the API returned. */
  function expectShows(row: HTMLElement, note: Note) {
    expect(row.dataset.noteId).to.equal(note.id);
    expect(text(row.querySelector('[part=author]'))).to.equal(note.author);
    const time = row.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(note.createdAt);
    expect(time.title).to.equal(fmt.dateTime(note.createdAt));
    expect(text(row.querySelector('[part~=type]'))).to.equal(`${TYPE[note.type]} note`);
    expect(text(row.querySelector('[part=visibility]'))).to.equal(VISIBILITY[note.visibility]);
    expect(row.querySelector('[part=visibility] svg'), 'visibility icon').to.exist;
    expect(row.querySelector<HTMLElement>('[part=body]')!.textContent).to.equal(note.body);
  }

  it('formats times relative to now', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(relativeTime('2026-01-10T11:59:50Z', now, LOCALE)).to.equal('now');
    expect(relativeTime('2026-01-10T11:55:00Z', now, LOCALE)).to.equal('5 minutes ago');
    expect(relativeTime('2026-01-10T09:00:00Z', now, LOCALE)).to.equal('3 hours ago');
    expect(relativeTime('2026-01-09T12:00:00Z', now, LOCALE)).to.equal('yesterday');
    expect(relativeTime('2025-12-20T12:00:00Z', now, LOCALE)).to.equal('3 weeks ago');
    expect(relativeTime('2024-01-10T12:00:00Z', now, LOCALE)).to.equal('2 years ago');
  });

  it('shows the loading skeleton before the data arrives, and the empty state with the form', async () => {
    const id = await freshCustomer('NOTE', 'No Notes Yet');
    const el = await render(id);
    expect($(el, '[part~=loading]')).to.exist;
    expect(text(await shown(el, '[part~=empty]'))).to.equal('No notes yet.');
    await shown(el, '[part=form]'); // once GET /me answered (the default token is an admin's)
    await expect(el).to.be.accessible();
  });

  it('shows the add-note form only with notes:write (R19.3): a viewer reads the notes without it, an agent gets it', async () => {
    expect(ROLE_TOKENS.viewer, 'role tokens minted by the test runner').to.match(/^c360_/);
    const id = await freshCustomer('NOTE', 'Read Only Notes');
    const note = await apiClient().addNote(id, { body: 'Visible to every role', type: 'support' });
    const renderAs = (token: string) =>
      fixture<CustomerNotesElement>(
        html`<customer-notes customer-id=${id} api-base=${API} locale=${LOCALE} token=${token}></customer-notes>`,
      );

    const viewer = await renderAs(ROLE_TOKENS.viewer);
    // The form never shows, not even while GET /me is pending.
    const flashed = await appearsWhile(viewer, '[part=form]', async () => {
      await shown(viewer, '[part=note]');
      expect((await currentActor(viewer.client!)).role).to.equal('viewer');
      await viewer.updateComplete;
    });
    expect(flashed, 'a viewer never sees the form').to.equal(false);
    expectShows($(viewer, '[part=note]'), note);
    expect($(viewer, '[part=filter]')).to.exist; // reading aids stay
    expect($$(viewer, '[part=form], [part=textarea], [part=submit]')).to.have.length(0);
    expect(viewer.canWrite).to.equal(false);
    await expect(viewer).to.be.accessible();

    const agent = await renderAs(ROLE_TOKENS.agent);
    expect($$(agent, '[part=form]'), 'no form before GET /me answered').to.have.length(0);
    await shown(agent, '[part=form]');
    expect((await currentActor(agent.client!)).role).to.equal('agent');
    expect(agent.canWrite).to.equal(true);
    await shown(agent, '[part=note]');
    expect($(agent, '[part=submit]')).to.exist;
  });

  it('lists the notes newest first with author, time, type and visibility, as the API returns them', async () => {
    const id = await freshCustomer('NOTE', 'Noted Customer');
    const c360 = apiClient();
    await c360.addNote(id, { body: 'First call: asked about delivery times', type: 'support' });
    await c360.addNote(id, { body: 'Interested in the wholesale price list', type: 'sales', visibility: 'restricted' });
    await c360.addNote(id, { body: 'Invoices by post\nnot by email', type: 'billing', visibility: 'private' });
    const notes = await allNotes(id);
    expect(notes.map((n) => n.body)).to.deep.equal([
      'Invoices by post\nnot by email',
      'Interested in the wholesale price list',
      'First call: asked about delivery times',
    ]);
    const el = await render(id);
    await shown(el, '[part=note]');
    expect(ids(el)).to.deep.equal(notes.map((n) => n.id));
    $$(el, '[part=note]').forEach((row, i) => expectShows(row, notes[i]!));
    await expect(el).to.be.accessible();
  });

  it('adds a note: it appears first at once with author and time, the API has it (Property 7), and c360-note-added fires', async () => {
    const id = await freshCustomer('NOTE', 'Property Seven');
    await apiClient().addNote(id, { body: 'An older note' });
    const el = await render(id);
    await shown(el, '[part=note]');
    await type(el, 'Prefers phone calls after 5pm');
    const typeSelect = $(el, '[part=type-select]') as HTMLSelectElement;
    typeSelect.value = 'support';
    typeSelect.dispatchEvent(new Event('change'));
    const before = Date.now();
    setTimeout(() => submit(el).click());
    const event = await oneEvent(document, 'c360-note-added');
    expect(event.composed && event.bubbles).to.equal(true);
    const note = event.detail.note;
    expect(note).to.include({ customerId: id, body: 'Prefers phone calls after 5pm', type: 'support', visibility: 'team' });
    await el.updateComplete;
    // At the top at once, with its author and time.
    const first = $$(el, '[part=note]')[0]!;
    expectShows(first, note);
    expect(text(first.querySelector('time'))).to.equal(relativeTime(note.createdAt, Date.now(), LOCALE));
    // The API has it, attributed (author and creation time set by the server).
    const [saved, older] = await allNotes(id);
    expect(saved).to.deep.equal(note);
    expect(older!.body).to.equal('An older note');
    expect(saved!.author).to.be.a('string').and.not.equal('');
    // Stamped by the server's write clock: real time, or (the test server is `c360 demo`) the demo's
    // as-of plus the time since it started, never the machine's date on top of 2011 data.
    const asOf = Date.parse((await apiClient().getPayments(id)).asOf);
    const stampedAt = Date.parse(saved!.createdAt);
    if (asOf < before - 3_600_000) expect(stampedAt - asOf, 'on the demo clock').to.be.within(0, 3_600_000);
    else expect(Math.abs(stampedAt - before)).to.be.below(60_000);
    // The form is ready for the next note.
    expect(textarea(el).value).to.equal('');
    expect(text($(el, '[part=counter]'))).to.equal(`0 / ${fmt.number(NOTE_MAX_LENGTH)} characters`);
    expect(text($(el, '.announcement'))).to.equal('Note added.');
  });

  it('submits with Ctrl+Enter and counts characters up to 5,000', async () => {
    const id = await freshCustomer('NOTE', 'Keyboard User');
    const el = await render(id);
    await shown(el, '[part~=empty]');
    expect(textarea(el).maxLength).to.equal(NOTE_MAX_LENGTH);
    await type(el, 'Typed, then Ctrl+Enter');
    expect(text($(el, '[part=counter]'))).to.equal(`22 / ${fmt.number(NOTE_MAX_LENGTH)} characters`);
    const added = oneEvent(el, 'c360-note-added');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    const { detail } = await added;
    expect(detail.note.body).to.equal('Typed, then Ctrl+Enter');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal([detail.note.id]);
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
  });

  it('renders markup in notes as inert text (XSS payloads are shown literally)', async () => {
    const id = await freshCustomer('NOTE', 'Bobby Tables');
    const payloads = ['<img src=x onerror=alert(1)>', '<script>window.__c360Xss = 1</script>', '<b>bold?</b> &amp; "quotes"'];
    const errors: string[] = [];
    const onError = (e: Event) => errors.push(String((e as ErrorEvent).message ?? e.type));
    window.addEventListener('error', onError, true);
    try {
      // One through the API (rendered from the list), one through the form (rendered at once).
      await apiClient().addNote(id, { body: payloads[0]! });
      const el = await render(id);
      await shown(el, '[part=note]');
      await type(el, payloads[1]!);
      setTimeout(() => submit(el).click());
      await oneEvent(el, 'c360-note-added');
      await apiClient().addNote(id, { body: payloads[2]! });
      const fresh = await render(id);
      await shown(fresh, '[part=note]');
      for (const view of [el, fresh]) {
        const bodies = $$(view, '[part=body]');
        for (const body of bodies) expect(body.children.length, 'no element inside a note body').to.equal(0);
        expect(view.shadowRoot!.querySelectorAll('[part=list] img, [part=list] script, [part=list] b').length).to.equal(0);
      }
      expect($$(fresh, '[part=body]').map((b) => b.textContent)).to.deep.equal([...payloads].reverse());
      await new Promise((r) => setTimeout(r, 100));
      expect((window as { __c360Xss?: number }).__c360Xss).to.equal(undefined);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError, true);
    }
  });

  it("shows a 400's message beside the field it names, and adds nothing", async () => {
    const id = await freshCustomer('NOTE', 'Empty Note');
    const el = await render(id);
    await shown(el, '[part~=empty]');
    await type(el, '   ');
    submit(el).click();
    const message = await shown(el, '#note-body-error');
    expect(text(message)).to.equal('The note must not be empty.');
    expect(message.dataset.field).to.equal('body');
    // Beside its field: in the text area's description, right under it.
    const area = textarea(el);
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(area.getAttribute('aria-describedby')!.split(' ')).to.include('note-body-error');
    expect(area.parentElement!.contains(message)).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(area);
    expect($$(el, '[part=form-error]').length).to.equal(0);
    await expect(el).to.be.accessible();
    expect(await allNotes(id)).to.deep.equal([]);
    // Typing clears the message.
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect($$(el, '#note-body-error').length).to.equal(0);
    expect(area.getAttribute('aria-invalid')).to.equal('false');
  });

  it('disables Submit while sending, so a double click creates one note', async () => {
    const id = await freshCustomer('NOTE', 'Double Clicker');
    const el = await render(id);
    await shown(el, '[part~=empty]');
    await type(el, 'Only once, please');
    const button = submit(el);
    const added: Note[] = [];
    el.addEventListener('c360-note-added', (e) => added.push(e.detail.note));
    button.click();
    button.click(); // before the re-render: ignored
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(text(button)).to.equal('Saving…');
    button.click(); // disabled: nothing
    expect(await el.submit(), 'Ctrl+Enter while sending').to.equal(undefined);
    await waitUntil(() => added.length === 1 && !button.disabled, 'the note was never saved');
    await new Promise((r) => setTimeout(r, 300));
    expect(added).to.have.length(1);
    expect((await allNotes(id)).map((n) => n.body)).to.deep.equal(['Only once, please']);
    expect($$(el, '[part=note]')).to.have.length(1);
  });

  it('sends the same Idempotency-Key when the same note is retried after a lost response, so it is saved once', async () => {
    const id = await freshCustomer('NOTE', 'Flaky Network');
    const el = await render(id);
    await shown(el, '[part~=empty]');
    await type(el, 'Saved exactly once');
    // The first POST reaches the real server, but its response is "lost" on the way back.
    const original = window.fetch;
    const keys: string[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST' && url.includes('/notes')) {
        keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
        const response = await original.call(window, input, init);
        if (keys.length === 1) throw new TypeError('Failed to fetch');
        return response;
      }
      return original.call(window, input, init);
    };
    try {
      submit(el).click();
      expect(text(await shown(el, '[part=form-error]'))).to.contain('The note was not saved: Network error');
      expect(textarea(el).value).to.equal('Saved exactly once'); // the draft is kept
      setTimeout(() => submit(el).click());
      const { detail } = await oneEvent(el, 'c360-note-added');
      expect(detail.note.body).to.equal('Saved exactly once');
    } finally {
      window.fetch = original;
    }
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[\x21-\x7e]{1,255}$/);
    expect(keys[1]).to.equal(keys[0]);
    expect((await allNotes(id)).map((n) => n.body)).to.deep.equal(['Saved exactly once']);
    // The next note is a new attempt with a new key.
    await type(el, 'A second note');
    const seen: string[] = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') seen.push(new Headers(init.headers).get('idempotency-key') ?? '');
      return original.call(window, input, init);
    };
    try {
      setTimeout(() => submit(el).click());
      await oneEvent(el, 'c360-note-added');
    } finally {
      window.fetch = original;
    }
    expect(seen).to.have.length(1);
    expect(seen[0]).to.not.equal(keys[0]);
    expect(await allNotes(id)).to.have.length(2);
  });

  it('filters by type, the form defaulting to that type', async () => {
    const id = await freshCustomer('NOTE', 'Typed Notes');
    const c360 = apiClient();
    for (const t of ['billing', 'sales', 'billing', 'general'] as const) await c360.addNote(id, { body: `A ${t} note`, type: t });
    const el = await render(id);
    await shown(el, '[part=note]');
    const filter = $(el, '[part=filter]') as HTMLSelectElement;
    filter.value = 'billing';
    filter.dispatchEvent(new Event('change'));
    expect(el.noteType).to.equal('billing');
    await el.updateComplete;
    expect(el.getAttribute('note-type')).to.equal('billing');
    await waitUntil(() => $$(el, '[part=note]').length === 2, 'the filter never applied');
    const billing = (await c360.getNotes(id, { type: 'billing' })).notes;
    expect(ids(el)).to.deep.equal(billing.map((n) => n.id));
    expect(($(el, '#note-type') as HTMLSelectElement).value).to.equal('billing');
    // A note of another type is saved but not listed under this filter; the status says so.
    ($(el, '#note-type') as HTMLSelectElement).value = 'sales';
    $(el, '#note-type').dispatchEvent(new Event('change'));
    await type(el, 'Wants a quote');
    setTimeout(() => submit(el).click());
    await oneEvent(el, 'c360-note-added');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(billing.map((n) => n.id));
    expect(text($(el, '.announcement'))).to.equal('Note added. It is not listed because only billing notes are shown.');
    el.noteType = undefined;
    await waitUntil(() => $$(el, '[part=note]').length === 5, 'all types never came back');
    expect(text($(el, '[part=note]'))).to.contain('Wants a quote');
  });

  it('loads older notes with "Load more" (keyset pages)', async () => {
    const id = await freshCustomer('NOTE', 'Many Notes');
    const c360 = apiClient();
    for (let i = 1; i <= 5; i++) await c360.addNote(id, { body: `Note ${i}` });
    const all = await allNotes(id);
    const el = await render(id, 2);
    await shown(el, '[part=note]');
    expect(ids(el)).to.deep.equal(all.slice(0, 2).map((n) => n.id));
    await el.loadMore();
    expect(ids(el)).to.deep.equal(all.slice(0, 4).map((n) => n.id));
    $(el, '[part=load-more]').click();
    await waitUntil(() => $$(el, '[part=note]').length === 5, 'the last page never came');
    expect(ids(el)).to.deep.equal(all.map((n) => n.id));
    expect($$(el, '[part=load-more]')).to.have.length(0);
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    expect($$(el, '[part=form]')).to.have.length(0);
    expect($(el, '[part=retry]')).to.exist;
  });

  it('says so without a customer', async () => {
    const el = await fixture<CustomerNotesElement>(html`<customer-notes api-base=${API}></customer-notes>`);
    expect(text($(el, '[part~=empty]'))).to.equal('No customer selected.');
  });
});
