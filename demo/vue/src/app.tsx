/**
 * A minimal Vue 3 host of the c360 elements: a customer search and the 360 view of the chosen
 * customer, as a render function in TSX (`vue/jsx-runtime`, so no template compiler). It passes
 * attributes (`customer-id`, `order-href`), a JS property (`collapsed`, an array: Vue assigns a
 * prop to the DOM property when the element has one, as the `.prop` modifier of a template
 * forces) and listens to `c360-navigate` and `c360-select` (`onC360Navigate` is
 * `@c360-navigate`). Every prop is type-checked against packages/components/types/vue.d.ts,
 * generated from the custom-elements manifest.
 * @module
 */
import { defineComponent, ref } from 'vue';

/** The sample customer shown first (a real Online Retail customer of the demo data). */
const FIRST_CUSTOMER = '17850';
/** Sections shown collapsed: an array, so it can only arrive as a property. */
const COLLAPSED_SECTIONS = ['marketing', 'behavior'];

export const App = defineComponent({
  name: 'C360HostApp',
  setup() {
    const customerId = ref(FIRST_CUSTOMER);
    const navigated = ref('');
    return () => (
      <>
        <header class="page-header">
          <h1>
            c360 in a Vue 3 app <small>(names, emails, phones are synthetic)</small>
          </h1>
        </header>
        <main>
          <customer-search class="search" onC360Select={(event) => (customerId.value = event.detail.customerId)} />
          <p class="hint">
            Showing customer <strong id="current">{customerId.value}</strong>. Sections collapsed by the app (a property):{' '}
            <code id="collapsed">{COLLAPSED_SECTIONS.join(', ')}</code>.
          </p>
          <p class="hint navigated" id="navigated" role="status">
            {navigated.value}
          </p>
          <customer-360
            customer-id={customerId.value}
            order-href="/orders/{id}"
            collapsed={COLLAPSED_SECTIONS}
            onC360Navigate={(event) => {
              // Navigation is the host's: stop the link and route in the app (here: say where it would go).
              event.preventDefault();
              navigated.value = `The app would open ${event.detail.kind} ${event.detail.id} (c360-navigate).`;
            }}
          />
        </main>
      </>
    );
  },
});
