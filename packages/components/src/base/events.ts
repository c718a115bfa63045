/**
 * The events the elements dispatch. All bubble and are composed (they leave the shadow root), so
 * a host page can listen on `document` or on any ancestor.
 * @module
 */

/** Detail of `c360-navigate`: the host page decides where an order or ticket lives. */
export interface C360NavigateDetail {
  /** What was clicked: `order`, `ticket`, or `customer` (a notification's customer). */
  kind: 'order' | 'ticket' | 'customer';
  /** Its id as the API knows it (for orders of Online Retail, the invoice number). */
  id: string;
}

/** Detail of `c360-select`: a customer was picked in `<customer-search>`. */
export interface C360SelectDetail {
  customerId: string;
}

/** Every event name and its detail type. */
export interface C360EventMap {
  /** Cancelable: call `preventDefault()` to stop the link's own navigation and route yourself. */
  'c360-navigate': C360NavigateDetail;
  'c360-select': C360SelectDetail;
}

export type C360NavigateEvent = CustomEvent<C360NavigateDetail>;
export type C360SelectEvent = CustomEvent<C360SelectDetail>;

declare global {
  interface HTMLElementEventMap {
    'c360-navigate': C360NavigateEvent;
    'c360-select': C360SelectEvent;
  }
  // The events are composed and bubble: hosts often listen on the document.
  interface DocumentEventMap {
    'c360-navigate': C360NavigateEvent;
    'c360-select': C360SelectEvent;
  }
}
