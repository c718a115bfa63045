import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { Tag, TagSummary } from '@c360/sdk';
import './define.js';
import { NEW_TAG_COLORS, contrastRatio, newTagColor, readableTextColor, type CustomerTagsElement } from './customer-tags.js';
import { currentActor } from '../base/permissions.js';
import {
  $,
  $$,
  API,
  LOCALE,
  ROLE_TOKENS,
  RUN,
  UNKNOWN_CUSTOMER,
  apiClient,
  countRequests,
  freshCustomer,
  shown,
  text,
} from '../test-support/real-server.js';

/** `rgb(r, g, b)` → `#rrggbb`. */
const hex = (rgb: string) =>
  `#${rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

describe('<customer-tags>', () => {
  // Tags of this run (names are unique across the API, ignoring case).
  const WHOLESALE = `Wholesale ${RUN}`;
  const PRIORITY = `Priority ${RUN}`;
  let wholesale: TagSummary;
  let priority: TagSummary;
  before(async () => {
    const c360 = apiClient();
    wholesale = await c360.createTag({ name: WHOLESALE, color: '#fde047' }); // light: black text
    priority = await c360.createTag({ name: PRIORITY, color: '#1e3a8a' }); // dark: white text
    // Someone else carries Priority, so its usage count is 1.
    await c360.tagCustomer(await freshCustomer('TAG', 'Other Customer'), { tagId: priority.id });
  });

  const render = (id: string, filterHref?: string) =>
    fixture<CustomerTagsElement>(
      html`<customer-tags customer-id=${id} api-base=${API} locale=${LOCALE} filter-href=${filterHref ?? nothing}></customer-tags>`,
    );
  const input = (el: Element) => $(el, '[part=input]') as HTMLInputElement;
  const chips = (el: Element) => $$(el, '[part=tag]');
  const chipNames = (el: Element) => chips(el).map((c) => text(c.querySelector('.name')));
  const options = (el: Element) => $$(el, '[role=option]');
  const activeOption = (el: Element) => {
    const id = input(el).getAttribute('aria-activedescendant');
    return id ? el.shadowRoot!.getElementById(id) : null;
  };
  const apiTags = async (id: string) => (await apiClient().getCustomerTags(id)).tags;
  /** Focuses the combobox and types, as a user would. */
  async function typeInto(el: CustomerTagsElement, value: string) {
    input(el).focus();
    await sendKeys({ type: value });
    await el.updateComplete;
  }
  async function press(el: CustomerTagsElement, key: string) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }

  it('picks black or white chip text by contrast, and new-tag colours read well', () => {
    expect(readableTextColor('#fde047')).to.equal('#000000');
    expect(readableTextColor('#1e3a8a')).to.equal('#ffffff');
    expect(readableTextColor('#64748b')).to.equal('#ffffff');
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.01);
    for (const color of NEW_TAG_COLORS) expect(contrastRatio(color, readableTextColor(color)), color).to.be.at.least(4.5);
    expect(newTagColor('VIP')).to.equal(newTagColor('vip'));
    expect(NEW_TAG_COLORS).to.include(newTagColor('Anything'));
  });

  it('shows the loading skeleton, then the empty state with the combobox', async () => {
    const id = await freshCustomer('TAG', 'Untagged');
    const el = await render(id);
    expect($(el, '[part~=loading]')).to.exist;
    expect(text(await shown(el, '[part~=empty]'))).to.equal('No tags yet.');
    await shown(el, '[part=input]'); // once GET /me answered (the default token is an admin's)
    expect(input(el).getAttribute('role')).to.equal('combobox');
    await expect(el).to.be.accessible();
  });

  it('is read-only without tags:write (R19.3): a viewer sees the chips but no combobox or remove buttons, and GET /tags is never asked; an agent may change them', async () => {
    expect(ROLE_TOKENS.viewer, 'role tokens minted by the test runner').to.match(/^c360_/);
    const id = await freshCustomer('TAG', 'Read Only Tags');
    await apiClient().tagCustomer(id, { tagId: wholesale.id });
    await apiClient().tagCustomer(id, { tagId: priority.id });
    const renderAs = (token: string) =>
      fixture<CustomerTagsElement>(html`<customer-tags customer-id=${id} api-base=${API} locale=${LOCALE} token=${token}></customer-tags>`);
    const catalogue = countRequests(`${API}/tags`);
    try {
      const viewer = await renderAs(ROLE_TOKENS.viewer);
      await shown(viewer, '[part=tag]');
      expect((await currentActor(viewer.client!)).role).to.equal('viewer');
      await viewer.updateComplete;
      expect(chipNames(viewer)).to.have.members([WHOLESALE, PRIORITY]);
      expect(viewer.canWrite).to.equal(false);
      expect($$(viewer, '[part=input], [part=remove], [part=listbox]')).to.have.length(0);
      expect($$(viewer, '[part~=state]'), 'no error or access-denied box').to.have.length(0);
      await expect(viewer).to.be.accessible();
      expect(catalogue.count, 'GET /tags by a viewer').to.equal(0);

      const agent = await renderAs(ROLE_TOKENS.agent);
      await shown(agent, '[part=input]');
      expect(agent.canWrite).to.equal(true);
      expect($$(agent, '[part=remove]')).to.have.length(2);
      input(agent).focus();
      await waitUntil(() => catalogue.count === 1, 'the agent’s combobox never asked for the suggestions');
    } finally {
      catalogue.restore();
    }
  });

  it("shows the customer's tags as coloured chips with their names, text contrasting with the colour", async () => {
    const id = await freshCustomer('TAG', 'Tagged');
    await apiClient().tagCustomer(id, { tagId: wholesale.id });
    await apiClient().tagCustomer(id, { tagId: priority.id });
    const el = await render(id);
    await shown(el, '[part=tag]');
    const tags = await apiTags(id);
    expect(chips(el).map((c) => c.dataset.tagId)).to.deep.equal(tags.map((t) => t.id));
    expect(chipNames(el)).to.deep.equal(tags.map((t) => t.name));
    for (const chip of chips(el)) {
      const tag = tags.find((t) => t.id === chip.dataset.tagId)!;
      const style = getComputedStyle(chip);
      expect(hex(style.backgroundColor), tag.name).to.equal(tag.color);
      expect(contrastRatio(hex(style.backgroundColor), hex(style.color)), tag.name).to.be.at.least(4.5);
      expect(chip.querySelector('[part=remove]')!.getAttribute('aria-label')).to.equal(`Remove tag ${tag.name}`);
    }
    expect(hex(getComputedStyle(chips(el).find((c) => c.dataset.tagId === wholesale.id)!).color)).to.equal('#000000');
    expect(hex(getComputedStyle(chips(el).find((c) => c.dataset.tagId === priority.id)!).color)).to.equal('#ffffff');
    await expect(el).to.be.accessible();
  });

  it('adds an existing tag, creates a new one, ignores a tag it already has (Property 8) and removes one, all by keyboard', async () => {
    const id = await freshCustomer('TAG', 'Keyboard Tagger');
    const el = await render(id);
    await shown(el, '[part=input]');
    const changes: Tag[][] = [];
    el.addEventListener('c360-tags-changed', (e) => changes.push(e.detail.tags));
    const composed = oneEvent(document, 'c360-tags-changed');

    // 1. Existing tag: type part of the name, arrow to it, Enter.
    await typeInto(el, RUN);
    await waitUntil(() => options(el).some((o) => o.dataset.tagId === wholesale.id), 'the suggestions never came');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    // Each suggestion with its usage count, as GET /tags gives it.
    for (const tag of (await apiClient().getTags()).tags.filter((t) => t.name.includes(RUN))) {
      const option = options(el).find((o) => o.dataset.tagId === tag.id)!;
      expect(text(option))
        .to.contain(tag.name)
        .and.contain(`${tag.usageCount} ${tag.usageCount === 1 ? 'customer' : 'customers'}`);
    }
    expect(text(options(el).at(-1))).to.equal(`Create tag “${RUN}”`);
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal(options(el)[0]);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    while (activeOption(el)?.dataset.tagId !== wholesale.id) await press(el, 'ArrowDown');
    await expect(el).to.be.accessible(); // open combobox with an active option
    await press(el, 'Enter');
    await waitUntil(() => chips(el).length === 1, 'the tag was never added');
    expect((await composed).composed).to.equal(true);
    expect(chipNames(el)).to.deep.equal([WHOLESALE]);
    expect(input(el).value).to.equal('');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(text($(el, '.announcement'))).to.equal(`Tag “${WHOLESALE}” added.`);
    expect((await apiTags(id)).map((t) => t.id)).to.deep.equal([wholesale.id]);
    expect(changes).to.have.length(1);

    // 2. A new tag: type its name, Enter (no option active: the name as typed is created).
    const fresh = `Brand new ${RUN}`;
    await typeInto(el, fresh);
    await waitUntil(() => options(el).some((o) => o.dataset.create === fresh), 'no "Create tag" option');
    await press(el, 'Enter');
    await waitUntil(() => chips(el).length === 2, 'the new tag was never added');
    expect(chipNames(el)).to.have.members([WHOLESALE, fresh]);
    expect(text($(el, '.announcement'))).to.equal(`Tag “${fresh}” created and added.`);
    const created = (await apiClient().getTags()).tags.find((t) => t.name === fresh)!;
    expect(created).to.include({ color: newTagColor(fresh), usageCount: 1 });
    expect(changes).to.have.length(2);

    // 3. The same tag again (other case): nothing changes, in the element or the API (Property 8).
    await typeInto(el, WHOLESALE.toUpperCase());
    await waitUntil(() => options(el).some((o) => o.dataset.tagId === wholesale.id), 'no suggestion for the existing tag');
    expect(
      options(el).some((o) => o.dataset.create !== undefined),
      'no "Create" for an existing name',
    ).to.equal(false);
    expect(text(options(el)[0])).to.contain('already added');
    await press(el, 'Enter');
    await waitUntil(() => text($(el, '.announcement')).startsWith('This customer already has'), 'never said it was there');
    expect(text($(el, '.announcement'))).to.equal(`This customer already has the tag “${WHOLESALE}”.`);
    expect(chips(el)).to.have.length(2);
    const after = await apiTags(id);
    expect(after.filter((t) => t.id === wholesale.id)).to.have.length(1);
    expect(after).to.have.length(2);
    expect(changes).to.have.length(2); // no event: nothing changed

    // 4. Remove with the keyboard: Tab to the chip's remove button, Enter; focus stays in the list.
    const removeWholesale = chips(el)
      .find((c) => c.dataset.tagId === wholesale.id)!
      .querySelector<HTMLButtonElement>('[part=remove]')!;
    removeWholesale.focus();
    await press(el, 'Enter');
    await waitUntil(() => chips(el).length === 1, 'the tag was never removed');
    expect(chipNames(el)).to.deep.equal([fresh]);
    expect(text($(el, '.announcement'))).to.equal(`Tag “${WHOLESALE}” removed.`);
    expect(el.shadowRoot!.activeElement).to.equal(chips(el)[0]!.querySelector('[part=remove]'));
    expect((await apiTags(id)).map((t) => t.name)).to.deep.equal([fresh]);
    expect(changes).to.have.length(3);
    expect(changes[2]!.map((t) => t.name)).to.deep.equal([fresh]);
  });

  it('opens with ArrowDown/ArrowUp, wraps, and closes with Escape (then clears with a second Escape)', async () => {
    const id = await freshCustomer('TAG', 'Arrow Keys');
    const el = await render(id);
    await shown(el, '[part=input]');
    await typeInto(el, RUN);
    await waitUntil(() => options(el).length >= 3, 'the suggestions never came');
    const n = options(el).length;
    await press(el, 'ArrowUp');
    expect(activeOption(el)).to.equal(options(el)[n - 1]);
    await press(el, 'ArrowDown');
    expect(activeOption(el)).to.equal(options(el)[0]); // wraps
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).value).to.equal(RUN);
    await press(el, 'ArrowUp'); // reopens on the last option
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(activeOption(el)).to.equal(options(el)[n - 1]);
    await press(el, 'Escape');
    await press(el, 'Escape');
    expect(input(el).value).to.equal('');
    expect(chips(el)).to.have.length(0);
  });

  it('adds a suggestion picked with the mouse', async () => {
    const id = await freshCustomer('TAG', 'Mouse User');
    const el = await render(id);
    await shown(el, '[part=input]');
    await typeInto(el, PRIORITY.slice(0, 6));
    await waitUntil(() => options(el).some((o) => o.dataset.tagId === priority.id), 'no suggestion');
    setTimeout(() =>
      options(el)
        .find((o) => o.dataset.tagId === priority.id)!
        .click(),
    );
    await oneEvent(el, 'c360-tags-changed');
    expect(chipNames(el)).to.deep.equal([PRIORITY]);
  });

  it('links each tag to its customers with filter-href and dispatches a cancelable c360-navigate', async () => {
    const id = await freshCustomer('TAG', 'Linked');
    await apiClient().tagCustomer(id, { tagId: priority.id });
    const el = await render(id, '/customers?tag={id}');
    const link = (await shown(el, 'a[part=tag-link]')) as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(`/customers?tag=${encodeURIComponent(priority.id)}`);
    expect(text(link)).to.equal(PRIORITY);
    const cancel = (e: Event) => e.preventDefault(); // the host routes itself: the link must not navigate
    document.addEventListener('c360-navigate', cancel);
    try {
      setTimeout(() => link.click());
      const event = await oneEvent(document, 'c360-navigate');
      expect(event.detail).to.deep.equal({ kind: 'tag', id: priority.id });
      expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
      expect(event.defaultPrevented).to.equal(true);
    } finally {
      document.removeEventListener('c360-navigate', cancel);
    }
    await expect(el).to.be.accessible();
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    expect($(el, '[part=retry]')).to.exist;
  });
});
