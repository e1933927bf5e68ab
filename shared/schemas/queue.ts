import { z } from 'zod';
import { ChannelSchema, IdSchema, RecordMetaSchema, TagSchema } from './common';
import { PrioritySchema, TicketStatusSchema } from './ticket';

export const QueueScopeSchema = z.enum(['mine', 'teams', 'all']);
export type QueueScope = z.infer<typeof QueueScopeSchema>;

/**
 * What a queue shows. `scope`: `mine` = assigned to me plus unassigned tickets of my teams (an
 * agent's default); `teams` = everything of my teams; `all` = every ticket (supervisors' and
 * admins' default; agents asking for it get `teams`).
 */
export const QueueFilterSchema = z.object({
  scope: QueueScopeSchema.optional(),
  status: z.array(TicketStatusSchema).max(6).default([]),
  channel: z.array(ChannelSchema).max(6).default([]),
  priority: z.array(PrioritySchema).max(4).default([]),
  teamId: z.array(IdSchema).max(50).default([]),
  tag: z.array(TagSchema).max(20).default([]),
  /** `me`, `unassigned`, or a user id; empty = anyone. */
  assignee: z.array(z.union([z.literal('me'), z.literal('unassigned'), IdSchema])).max(50).default([]),
  /** Ticket number (`#123` or `123`), words of the subject, or the customer's name. */
  text: z.string().trim().max(200).default(''),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;
export type QueueFilterInput = z.input<typeof QueueFilterSchema>;

/** A personal saved queue view. */
export const SavedViewSchema = RecordMetaSchema.extend({
  ownerId: IdSchema,
  name: z.string().trim().min(1).max(60),
  filter: QueueFilterSchema,
  order: z.number().int().nonnegative(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;
