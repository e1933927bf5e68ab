import { z } from 'zod';
import { IdSchema, RecordMetaSchema, RoleSchema } from './common';

export const TaskStatusSchema = z.enum(['open', 'done']);

/**
 * Work for a person or a role that is not a ticket reply: today, the supervisor's follow-up of a
 * low survey score (call the customer back, look at what went wrong).
 */
export const TaskSchema = RecordMetaSchema.extend({
  kind: z.enum(['survey_followup']),
  status: TaskStatusSchema,
  /** The least role that works the task (supervisors of the ticket's team, admins). */
  assigneeRole: RoleSchema,
  /** A named person once someone takes it; null while it waits for the role. */
  assigneeId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  ticketId: IdSchema.nullable(),
  customerId: IdSchema.nullable(),
  surveyId: IdSchema.nullable(),
  /** Plain-text summary for lists (e.g. "CSAT 2 — #1042 Cobrança em duplicidade"). */
  title: z.string().max(300),
  doneAt: z.iso.datetime().nullable(),
  doneBy: IdSchema.nullable(),
  /** What the supervisor did (written when closing the task). */
  resolution: z.string().max(5000),
});
export type Task = z.infer<typeof TaskSchema>;
