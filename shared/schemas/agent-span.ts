import { z } from 'zod';
import { IdSchema, RecordMetaSchema } from './common';
import { AgentStateSchema, PauseReasonSchema } from './user';

/**
 * One closed period an agent spent in a state (available, paused with reason, in call, wrap-up),
 * written when the state changes. The wallboard and occupancy read these.
 */
export const AgentSpanSchema = RecordMetaSchema.extend({
  agentId: IdSchema,
  state: AgentStateSchema,
  pauseReason: PauseReasonSchema.nullable(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  seconds: z.number().nonnegative(),
});
export type AgentSpan = z.infer<typeof AgentSpanSchema>;
