import { z } from 'zod';
import { ChannelSchema, IdSchema, TagSchema, type Channel } from './common';
import { TicketStatusSchema } from './ticket';
import { AgentStateSchema, SkillSchema } from './user';

/** How a team hands out work: `manual` never auto-assigns (agents take from the queue). */
export const RoutingModeSchema = z.enum(['manual', 'round_robin', 'least_loaded', 'skills_based']);
export type RoutingMode = z.infer<typeof RoutingModeSchema>;

/** Tickets (or calls) per channel. */
export const ChannelCountsSchema = z.partialRecord(ChannelSchema, z.number().int().nonnegative());
export type ChannelCounts = z.infer<typeof ChannelCountsSchema>;

/** Concurrent work an agent takes per channel unless the team or the agent says otherwise. */
export const DEFAULT_CHANNEL_CAPACITY: Readonly<Record<Channel, number>> = {
  phone: 1,
  chat: 3,
  whatsapp: 3,
  social: 5,
  web: 10,
  email: 10,
};

export const SkillRequirementSchema = z.object({
  name: z.string().min(1).max(40),
  minLevel: z.number().int().min(1).max(5),
});
export type SkillRequirement = z.infer<typeof SkillRequirementSchema>;

/** Skills a ticket needs when it matches every given field (a null field matches anything). */
export const SkillRuleSchema = z
  .object({
    category: z.string().trim().min(1).max(80).nullable().default(null),
    channel: ChannelSchema.nullable().default(null),
    tag: TagSchema.nullable().default(null),
    skills: z.array(SkillRequirementSchema).min(1, 'a skill rule needs at least one skill').max(20),
  })
  .refine((r) => r.category !== null || r.channel !== null || r.tag !== null, {
    error: 'a skill rule needs a category, a channel or a tag to match',
    path: ['category'],
  });
export type SkillRule = z.infer<typeof SkillRuleSchema>;

/** What happens to an agent's tickets when they go offline or pause. */
export const RedistributionSettingsSchema = z.object({
  onOffline: z.boolean().default(true),
  /** Paused agents normally keep what they have. */
  onPause: z.boolean().default(false),
  /** Pending tickets wait on the customer: by default they stay with their agent. */
  statuses: z.array(TicketStatusSchema).default(['new', 'open']),
});
export type RedistributionSettings = z.infer<typeof RedistributionSettingsSchema>;

export const TeamRoutingSettingsSchema = z.object({
  teamId: IdSchema,
  mode: RoutingModeSchema.default('round_robin'),
  /** Per-channel capacity for the team's agents, over `DEFAULT_CHANNEL_CAPACITY`. */
  capacity: ChannelCountsSchema.default({}),
  skillRules: z.array(SkillRuleSchema).max(200).default([]),
  redistribution: RedistributionSettingsSchema.default({ onOffline: true, onPause: false, statuses: ['new', 'open'] }),
});
export type TeamRoutingSettings = z.infer<typeof TeamRoutingSettingsSchema>;
export type TeamRoutingSettingsInput = z.input<typeof TeamRoutingSettingsSchema>;

/** Round-robin pointers, per team: the agent who got the team's last assignment. Stored by the caller. */
export const RoundRobinPointersSchema = z.record(IdSchema, IdSchema);
export type RoundRobinPointers = z.infer<typeof RoundRobinPointersSchema>;

/** What routing needs to know about an agent at one moment. */
export const AgentSnapshotSchema = z.object({
  id: IdSchema,
  state: AgentStateSchema,
  teamIds: z.array(IdSchema),
  skills: z.array(SkillSchema),
  /** Open work per channel right now. */
  load: ChannelCountsSchema,
  /** The agent's own capacity per channel, over the team's and the defaults. */
  capacity: ChannelCountsSchema.optional(),
  lastAssignedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type AgentSnapshot = z.infer<typeof AgentSnapshotSchema>;
