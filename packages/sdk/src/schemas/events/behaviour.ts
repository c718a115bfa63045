/**
 * Behaviour events (sessions, product views); see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { CustomerId } from '../common.js';
import { EventBase, Id, Text } from './common.js';

// ---- behaviour -----------------------------------------------------------------------------------

export const DeviceType = z.enum(['desktop', 'mobile', 'tablet']);
export type DeviceType = z.infer<typeof DeviceType>;

/** A visit to the shop (started at `occurredAt`). Sending the same `sessionId` again updates it. */
export const SessionStartedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('session.started'),
    data: z.strictObject({
      customerId: CustomerId,
      sessionId: Id('Session'),
      device: DeviceType,
      durationSeconds: z
        .number()
        .int()
        .min(0)
        .max(7 * 86_400)
        .default(0),
      source: Text(200).optional().meta({ description: 'Traffic source, e.g. "newsletter", "google"' }),
    }),
  })
  .meta({
    id: 'SessionStartedEvent',
    description: 'A visit starting at `occurredAt`: device, duration in seconds, traffic source. The same sessionId again updates it.',
  });
export type SessionStartedEvent = z.infer<typeof SessionStartedEvent>;

/** A product page viewed; the product and its category are created if new. */
export const ProductViewedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('product.viewed'),
    data: z
      .strictObject({
        customerId: CustomerId,
        productId: Id('Product'),
        productName: Text(500).optional(),
        categoryId: Id('Category').optional(),
        categoryName: Text(200).optional(),
        sessionId: Id('Session').optional(),
      })
      .refine((d) => d.categoryName === undefined || d.categoryId !== undefined, {
        path: ['categoryId'],
        message: 'is required with categoryName',
      }),
  })
  .meta({
    id: 'ProductViewedEvent',
    description: 'A product page viewed; product and category created when new.',
  });
export type ProductViewedEvent = z.infer<typeof ProductViewedEvent>;
