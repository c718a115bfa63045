/**
 * Show page of a customer: Refine's `useShow` loads the 360 summary through the data provider (for
 * the title), and `<customer-360>` renders the whole view. Navigation from inside the view goes
 * through Refine's router (`useGo`): the element's `c360-navigate` event is cancelled and
 * - `order` → `#/customers/:id/orders/:orderId`,
 * - `tag` → the customers list filtered by that tag (Refine's `filters` in the address),
 * - `ticket` is left to the element, which opens the ticket in its own dialog.
 * The href templates make the same targets real links (open in a new tab with Ctrl/Cmd-click).
 * @module
 */
import { useGo, useShow } from '@refinedev/core';
import { Show } from '@refinedev/antd';
import type { Customer360Record } from '@c360/sdk/refine';
import { C360Theme } from './c360-theme';

/** `detail` of `c360-navigate`: what was clicked (`order`, `ticket`, `tag`) and its id. */
interface NavigateDetail {
  kind: string;
  id: string;
}

/** What Refine's `go()` takes: a path or a resource action, with query parameters. */
type GoTarget = Parameters<ReturnType<typeof useGo>>[0];

/** Where Refine should go for a `c360-navigate` from customer `customerId`'s view (null: the element handles it). */
export function navigateTarget(customerId: string, { kind, id }: NavigateDetail): GoTarget | null {
  if (kind === 'order') return { to: `/customers/${encodeURIComponent(customerId)}/orders/${encodeURIComponent(id)}` };
  if (kind === 'tag')
    return { to: { resource: 'customers', action: 'list' }, query: { filters: [{ field: 'tag', operator: 'eq', value: id }] } };
  return null;
}

export function CustomerShow() {
  const { result: customer, query, showId } = useShow<Customer360Record>();
  const customerId = String(showId ?? '');
  const go = useGo();

  // React 19 adds `on<event>` props of a custom element as event listeners.
  const onNavigate = (event: CustomEvent<NavigateDetail>) => {
    const target = navigateTarget(customerId, event.detail);
    if (!target) return;
    event.preventDefault();
    go({ ...target, type: 'push' });
  };

  const id = encodeURIComponent(customerId);
  return (
    <Show title={customer?.profile.name ?? `Customer ${customerId}`} isLoading={query.isLoading} canEdit={false} canDelete={false}>
      <C360Theme>
        <customer-360
          customer-id={customerId}
          order-href={`#/customers/${id}/orders/{id}`}
          tag-href="#/customers?filters[0][field]=tag&filters[0][operator]=eq&filters[0][value]={id}"
          onc360-navigate={onNavigate}
        />
      </C360Theme>
    </Show>
  );
}
