import { z } from 'zod';
import { ChannelSchema, IdSchema, RecordMetaSchema, TagSchema } from './common';

export const TicketStatusSchema = z.enum(['new', 'open', 'pending', 'on_hold', 'solved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
export const TICKET_STATUSES = TicketStatusSchema.options;
export const OPEN_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof PrioritySchema>;
export const PRIORITIES = PrioritySchema.options;

export const SlaSchema = z.object({
  policyId: z.string().nullable(),
  firstResponseDueAt: z.iso.datetime().nullable(),
  resolutionDueAt: z.iso.datetime().nullable(),
  firstResponseAt: z.iso.datetime().nullable(),
  /** Seconds spent in pending/on_hold (paused: does not count against the SLA). */
  pausedSeconds: z.number().nonnegative(),
  pausedSince: z.iso.datetime().nullable(),
});
export type Sla = z.infer<typeof SlaSchema>;

export const TicketSchema = RecordMetaSchema.extend({
  /** Human-facing sequential number (#1042). */
  number: z.number().int().positive(),
  subject: z.string().trim().min(1).max(300),
  channel: ChannelSchema,
  status: TicketStatusSchema,
  priority: PrioritySchema,
  category: z.string().max(80).nullable(),
  tags: z.array(TagSchema).max(50),
  requesterId: IdSchema,
  assigneeId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  /** External conversation id of the channel (chat/WhatsApp thread, e-mail Message-ID root). */
  externalThreadId: z.string().max(500).nullable(),
  sla: SlaSchema,
  solvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  reopenCount: z.number().int().nonnegative(),
  /** Set when merged into another ticket (this one is then closed). */
  mergedInto: IdSchema.nullable(),
  /** Escalation tier the ticket is at (1 front line, 2 second level, 3 specialists). */
  tier: z.number().int().min(1).max(3),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketCreateInputSchema = z.object({
  subject: z.string().trim().min(1).max(300),
  channel: ChannelSchema,
  requesterId: IdSchema,
  priority: PrioritySchema.default('normal'),
  category: z.string().trim().max(80).nullable().default(null),
  tags: z.array(TagSchema).max(50).default([]),
  teamId: IdSchema.nullable().default(null),
  assigneeId: IdSchema.nullable().default(null),
  body: z.string().max(100_000).optional(),
});
export type TicketCreateInput = z.input<typeof TicketCreateInputSchema>;
