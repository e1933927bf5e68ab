import { z } from 'zod';
import { RecordMetaSchema, RoleSchema, IdSchema } from './common';

export const AgentStateSchema = z.enum(['offline', 'available', 'paused', 'in_call', 'wrap_up']);
export type AgentState = z.infer<typeof AgentStateSchema>;
export const PauseReasonSchema = z.enum(['break', 'lunch', 'training', 'back_office']);
export type PauseReason = z.infer<typeof PauseReasonSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'username: letters, digits, dot, dash, underscore');

export const SkillSchema = z.object({ name: z.string().min(1).max(40), level: z.number().int().min(1).max(5) });

export const UserSchema = RecordMetaSchema.extend({
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(120),
  role: RoleSchema,
  /** scrypt hash: `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: z.string(),
  extension: z.string().regex(/^\d{2,8}$/).nullable(),
  teamIds: z.array(IdSchema),
  skills: z.array(SkillSchema),
  state: AgentStateSchema,
  pauseReason: PauseReasonSchema.nullable(),
  stateSince: z.iso.datetime(),
  active: z.boolean(),
  language: z.enum(['pt-BR', 'en']).nullable().default(null),
});
export type User = z.infer<typeof UserSchema>;

/** What the API shows of a user: never the hash. */
export type PublicUser = Omit<User, 'passwordHash'>;

export const SessionSchema = RecordMetaSchema.extend({
  userId: IdSchema,
  /** SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: z.string(),
  expiresAt: z.iso.datetime(),
  client: z.string().max(200),
});
export type Session = z.infer<typeof SessionSchema>;

export const TeamSchema = RecordMetaSchema.extend({
  name: z.string().trim().min(1).max(80),
  /** 1 = front line, 2 = second level, 3 = specialists. */
  tier: z.number().int().min(1).max(3),
  description: z.string().max(500).default(''),
  /** PBX queues this team answers: a call without a ticket counts in the team's KPIs by its queue. Absent = none. */
  queues: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
});
export type Team = z.infer<typeof TeamSchema>;
