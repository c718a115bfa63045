/**
 * A minimal React 19 host of the c360 elements: a customer search and the 360 view of the chosen
 * customer. It passes attributes (`customer-id`, `order-href`), a JS property (`collapsed`, an
 * array: React 19 assigns it to the element's property because the element has one) and listens to
 * `c360-navigate` and `c360-select` with React 19's custom-element events (`onc360-navigate`).
 * Every prop is type-checked against packages/components/types/react.d.ts, generated from the
 * custom-elements manifest.
 * @module
 */
import { useState } from 'react';

/** The sample customer shown first (a real Online Retail customer of the demo data). */
const FIRST_CUSTOMER = '17850';
/** Sections shown collapsed: an array, so it can only arrive as a property. Module-level: same identity every render. */
const COLLAPSED_SECTIONS = ['marketing', 'behavior'];

export function App() {
  const [customerId, setCustomerId] = useState(FIRST_CUSTOMER);
  const [navigated, setNavigated] = useState('');

  return (
    <>
      <header className="page-header">
        <h1>
          c360 in a React 19 app <small>(names, emails, phones are synthetic)</small>
        </h1>
      </header>
      <main>
        <customer-search className="search" onc360-select={(event) => setCustomerId(event.detail.customerId)} />
        <p className="hint">
          Showing customer <strong id="current">{customerId}</strong>. Sections collapsed by the app (a property):{' '}
          <code id="collapsed">{COLLAPSED_SECTIONS.join(', ')}</code>.
        </p>
        <p className="hint navigated" id="navigated" role="status">
          {navigated}
        </p>
        <customer-360
          customer-id={customerId}
          order-href="/orders/{id}"
          collapsed={COLLAPSED_SECTIONS}
          onc360-navigate={(event) => {
            // Navigation is the host's: stop the link and route in the app (here: say where it would go).
            event.preventDefault();
            setNavigated(`The app would open ${event.detail.kind} ${event.detail.id} (c360-navigate).`);
          }}
        />
      </main>
    </>
  );
}
