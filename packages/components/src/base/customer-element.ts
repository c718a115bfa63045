import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import type { C360Client, Customer360 } from '@c360/sdk';
import { C360Element } from './c360-element.js';
import { renderEmpty, renderError, renderLoading } from './states.js';

/**
 * Base of the elements that show one customer: the `customer-id` attribute and the task
 * plumbing shared by all of them.
 */
export class C360CustomerElement extends C360Element {
  /** The customer to show (the API's id, e.g. `17850`). */
  @property({ attribute: 'customer-id', reflect: true }) customerId?: string;

  /**
   * Renders a task's state: skeleton while loading, error with Retry (404 names the customer),
   * access denied, "No customer selected" without an id, else `complete(value)`.
   */
  protected renderTask<R>(task: Task<readonly unknown[], R>, complete: (value: R) => unknown, loadingLabel = 'Loading customer…'): unknown {
    return task.render({
      initial: () => (this.customerId ? renderLoading(loadingLabel) : renderEmpty('No customer selected.')),
      pending: () => renderLoading(loadingLabel),
      complete,
      error: (error) => renderError(error, { retry: () => task.run(), what: `Customer "${this.customerId}"` }),
    });
  }

  /** A task fetching the customer's 360 view (shared in flight by every element on the page). */
  protected customer360Task(): Task<readonly [string | undefined, C360Client | undefined], Customer360> {
    return new Task(this, {
      task: async ([id, client], { signal }) => (id ? this.requireClient(client).getCustomer360(id, { signal }) : initialState),
      args: () => [this.customerId, this.client] as const,
    });
  }
}
