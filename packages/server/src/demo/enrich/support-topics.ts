/**
 * What the demo's support tickets are about — the questions a UK gift-ware wholesaler gets — with
 * wording, usual priority and channel, and how long they take to resolve. `{order}` and `{product}`
 * are filled from the customer's real order.
 * @module
 */
import type { TicketChannel, TicketPriority } from '@c360/sdk';

export interface Topic {
  subjects: readonly string[];
  descriptions: readonly string[];
  /** Agent comments when work starts. */
  progress: readonly string[];
  resolutions: readonly string[];
  priority: Readonly<Record<TicketPriority, number>>;
  channels?: Readonly<Record<TicketChannel, number>>;
  /** Median time to resolution, hours. */
  medianHours: number;
  /** Opened this many days after the order (inclusive range). */
  daysAfterOrder: readonly [number, number];
  /** Work waits on the customer (photos, details): the first update is `pending`. */
  waitsOnCustomer?: boolean;
}

const P = (low: number, normal: number, high: number, urgent: number) => ({ low, normal, high, urgent });
const NO_CHAT = { email: 60, phone: 30, web: 10, chat: 0, social: 0, other: 0 };

export const TOPICS = {
  damaged: {
    subjects: ['Damaged items in order {order}', 'Breakages on delivery: {product}', 'Order {order} arrived damaged'],
    descriptions: [
      'Several of the {product} arrived broken; the outer box was crushed. Photos to follow.',
      'Two cartons of order {order} were damaged in transit, {product} chipped.',
    ],
    progress: ['Asked the customer for photos of the damage', 'Claim opened with the courier'],
    resolutions: [
      'Replacement items dispatched with the next delivery',
      'Credit note issued for the damaged items',
      'Refund for the broken units processed; no need to return them',
    ],
    priority: P(0, 45, 45, 10),
    medianHours: 26,
    daysAfterOrder: [2, 6],
    waitsOnCustomer: true,
  },
  late: {
    subjects: ['Order {order} not yet delivered', 'Where is order {order}?', 'Late delivery for order {order}'],
    descriptions: [
      'Order {order} was due this week and has not arrived; we need it for a weekend market.',
      'Tracking for order {order} has not moved for three days.',
    ],
    progress: ['Chasing the courier for a delivery date', 'Parcel located at the depot'],
    resolutions: ['Courier delay confirmed; delivered the next morning', 'Re-sent by next-day courier at no charge'],
    priority: P(0, 50, 45, 5),
    medianHours: 12,
    daysAfterOrder: [4, 10],
  },
  missing: {
    subjects: ['Missing items from order {order}', 'Short delivery on order {order}'],
    descriptions: ['The {product} on the invoice were not in the boxes.', 'One carton short on order {order}.'],
    progress: ['Checking the packing record with the warehouse'],
    resolutions: ['Missing items sent by tracked post', 'Packing error confirmed; items sent and postage refunded'],
    priority: P(5, 55, 40, 0),
    medianHours: 30,
    daysAfterOrder: [2, 7],
  },
  wrongItem: {
    subjects: ['Wrong item received in order {order}', 'Received the wrong colour of {product}'],
    descriptions: ['We ordered {product} but received a different design.'],
    progress: ['Return label sent to the customer'],
    resolutions: ['Correct items sent; collection of the wrong ones booked'],
    priority: P(5, 70, 25, 0),
    medianHours: 40,
    daysAfterOrder: [2, 7],
    waitsOnCustomer: true,
  },
  invoiceCopy: {
    subjects: ['Copy of invoice {order} for our accounts', 'Invoice {order} needed again'],
    descriptions: ['Our accountant needs a copy of invoice {order}.', 'Please resend invoice {order}, the email went to spam.'],
    progress: ['Requested the invoice from accounts'],
    resolutions: ['Invoice copy emailed', 'Invoice re-sent as PDF to the accounts address'],
    priority: P(70, 30, 0, 0),
    channels: NO_CHAT,
    medianHours: 4,
    daysAfterOrder: [3, 40],
  },
  vatInvoice: {
    subjects: ['VAT invoice for order {order}', 'VAT number missing on invoice {order}'],
    descriptions: ['Please add our VAT number to invoice {order} and send a VAT invoice.'],
    progress: ['Passed to accounts to re-issue the invoice'],
    resolutions: ['VAT invoice re-issued with the VAT number'],
    priority: P(65, 35, 0, 0),
    channels: NO_CHAT,
    medianHours: 20,
    daysAfterOrder: [3, 30],
  },
  cancellation: {
    subjects: ['Please cancel part of our order', 'Cancel and refund: ordered twice by mistake', 'Cancel items out of stock'],
    descriptions: [
      'We ordered some lines twice by mistake; please cancel the duplicates and refund.',
      'Some items are no longer needed, please cancel them before dispatch.',
    ],
    progress: ['Checking whether the items have been dispatched'],
    resolutions: ['Cancellation processed; refund issued to the original payment method'],
    priority: P(10, 60, 30, 0),
    medianHours: 5,
    daysAfterOrder: [0, 0],
  },
  pricing: {
    subjects: ['Wholesale pricing for orders over 100 units', 'Trade discount for a new shop', 'Price list for export customers'],
    descriptions: [
      'We are opening a second shop; is there a volume discount on larger orders?',
      'Could you send your current trade price list and minimum order quantities?',
    ],
    progress: ['Forwarded to the key-accounts team'],
    resolutions: ['Sent the trade price list and volume discount tiers', 'Key-account pricing agreed and applied to the account'],
    priority: P(30, 65, 5, 0),
    medianHours: 30,
    daysAfterOrder: [0, 0],
  },
  account: {
    subjects: ['Change of delivery address', 'Add a second user to our trade account', 'Cannot log in to the trade account'],
    descriptions: ['We have moved to new premises; please update our delivery address.', 'Password reset email never arrives.'],
    progress: ['Verifying the account holder'],
    resolutions: ['Account details updated', 'Password reset link re-sent; customer logged in'],
    priority: P(40, 55, 5, 0),
    medianHours: 6,
    daysAfterOrder: [0, 0],
  },
  restock: {
    subjects: ['When will the sold-out lines be back?', 'Restock date for a best-seller', 'Pre-order for next season'],
    descriptions: ['Several of our best-selling lines show as sold out; when are they back in stock?'],
    progress: ['Asked purchasing for the expected delivery'],
    resolutions: ['Restock date confirmed; back-in-stock alert set up', 'Pre-order placed for the new season range'],
    priority: P(60, 40, 0, 0),
    medianHours: 28,
    daysAfterOrder: [0, 0],
  },
  paymentDeclined: {
    subjects: ['Card payment declined at checkout', 'Payment failed but money left our account'],
    descriptions: ['Our card was declined twice at checkout although the bank sees no problem.'],
    progress: ['Checking the payment provider logs'],
    resolutions: ['Bank authorisation released; order paid on the next attempt', 'Issuer block lifted; payment went through'],
    priority: P(0, 40, 55, 5),
    medianHours: 8,
    daysAfterOrder: [0, 0],
  },
} as const satisfies Record<string, Topic>;
