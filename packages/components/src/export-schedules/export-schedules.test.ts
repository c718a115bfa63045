import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import type { ExportSchedulesElement } from './export-schedules.js';
import { currentActor } from '../base/permissions.js';
import { $, $$, API, LOCALE, ROLE_TOKENS, RUN, shown, text } from '../test-support/real-server.js';

describe('<export-schedules>', () => {
  const render = async (token = ROLE_TOKENS.manager) => {
    const el = await fixture<ExportSchedulesElement>(
      html`<export-schedules api-base=${API} token=${token} locale=${LOCALE}></export-schedules>`,
    );
    await currentActor(el.client!).catch(() => undefined);
    await el.updateComplete;
    return el;
  };

  /** Fills the form and submits it; resolves once the change settled. */
  async function submit(el: ExportSchedulesElement, values: Record<string, string>) {
    const form = $(el, 'form') as HTMLFormElement;
    for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
    form.requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    while ((el as unknown as { busy: boolean }).busy) await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
  }

  it('creates a schedule from the form and lists it with its next run; pauses and resumes it', async () => {
    const el = await render();
    const name = `Weekly big spenders ${RUN}`;
    await submit(el, { name, cron: '0 7 * * 1', timeZone: 'Europe/London', format: 'xlsx', email: 'boss@c360.test' });
    // The list reloads after the save; give a loaded machine time, and say what the element showed if it never lists it.
    let row: HTMLElement | undefined;
    for (let waited = 0; !row && waited < 8000; waited += 100) {
      row = [...$$(el, '[part~=row]')].find((r) => text(r).includes(name));
      if (!row) await new Promise((r) => setTimeout(r, 100));
    }
    expect(row, `the new schedule is listed (element shows: ${text(el.shadowRoot!.querySelector('[part=error]'))})`).to.exist;
    if (!row) return;
    expect(text(row)).to.contain('0 7 * * 1').and.contain('Europe/London').and.contain('XLSX').and.contain('boss@c360.test');
    await expect(el).to.be.accessible();

    (row.querySelector('[part~=toggle]') as HTMLButtonElement).click();
    await shown(el, `[data-id="${row.dataset.id}"][part~=paused]`);
    expect(text($(el, `[data-id="${row.dataset.id}"]`))).to.contain('Paused');
    ($(el, `[data-id="${row.dataset.id}"] [part~=toggle]`) as HTMLButtonElement).click();
    await shown(el, `[data-id="${row.dataset.id}"]:not([part~=paused])`);
  });

  it('shows the API’s message for a bad cron expression, and is hidden from an agent', async () => {
    const el = await render();
    await submit(el, { name: 'Bad', cron: 'every monday', timeZone: 'UTC' });
    expect(text(await shown(el, '[part=error]'))).to.match(/^The schedule was not saved: cron: is not a cron expression/);
    const agent = await render(ROLE_TOKENS.agent);
    expect(agent.shadowRoot!.querySelector('table, form')).to.equal(null);
  });
});
