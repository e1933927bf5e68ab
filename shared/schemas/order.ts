import { z } from 'zod';
import { IdSchema, RecordMetaSchema } from './common';

export const OrderItemSchema = z.object({
  sku: z.string().trim().max(80),
  name: z.string().trim().min(1).max(300),
  quantity: z.number().int().positive(),
  /** Unit price in cents. */
  unitPrice: z.number().int().nonnegative(),
});

/** An order or purchase imported from the company's systems (shown on the customer 360°). */
export const OrderSchema = RecordMetaSchema.extend({
  customerId: IdSchema,
  /** The company's order number, unique: a re-import updates instead of duplicating. */
  externalId: z.string().trim().min(1).max(120),
  placedAt: z.iso.datetime({ offset: true }),
  status: z.string().trim().min(1).max(60),
  /** Total in cents. */
  total: z.number().int().nonnegative(),
  currency: z.string().length(3),
  items: z.array(OrderItemSchema).max(500),
});
export type Order = z.infer<typeof OrderSchema>;
