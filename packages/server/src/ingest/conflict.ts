/**
 * Apply-time rejections. Validation (400) happens at the edge with the SDK's schemas; some events
 * are valid in themselves but cannot be applied to the data as it is: an unknown customer or order,
 * redeeming more points than the balance, a currency other than the customer's, an id owned by
 * another customer. Such an event rejects its whole batch (nothing is applied) with a 422
 * problem naming the event's index and field, like a 400 does.
 * @module
 */
import type { IngestEvent } from '@c360/sdk';
import { ProblemError } from '../core/problem.js';

/** Thrown by an applier: `field` is the path inside the event, e.g. `data.customerId`. */
export class EventConflict extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EventConflict';
  }
}

/**
 * A batch rejected at apply time: a 422 problem (`https://c360.dev/problems/ingest-conflict`) whose
 * `errors` hold `body.<index>.<field>` (e.g. `body.3.data.points`). The transaction is rolled back.
 */
export class IngestConflict extends ProblemError {
  /** 0-based index of the event in its batch. */
  readonly index: number;
  readonly eventId: string;
  readonly eventType: IngestEvent['type'];
  /** Path inside the event, e.g. `data.customerId`. */
  readonly field: string;
  /** What is wrong, without the location. */
  readonly reason: string;

  constructor(index: number, event: IngestEvent, conflict: EventConflict) {
    super(
      422,
      'ingest-conflict',
      'Event cannot be applied',
      `event ${index} (${event.type} "${event.id}"): ${conflict.field}: ${conflict.message}; nothing in the batch was applied`,
      [{ field: `body.${index}.${conflict.field}`, message: conflict.message }],
    );
    this.name = 'IngestConflict';
    this.index = index;
    this.eventId = event.id;
    this.eventType = event.type;
    this.field = conflict.field;
    this.reason = conflict.message;
  }
}
