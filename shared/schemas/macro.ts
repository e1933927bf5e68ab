import { z } from 'zod';
import { IdSchema, RecordMetaSchema, TagSchema } from './common';
import { PrioritySchema, TicketStatusSchema } from './ticket';

/** Placeholders a macro body may use; anything else in `{{…}}` is refused on save. */
export const MACRO_PLACEHOLDERS = [
  'customer.name',
  'customer.first_name',
  'ticket.number',
  'ticket.subject',
  'agent.name',
  'agent.first_name',
] as const;

export const MacroActionsSchema = z.object({
  status: TicketStatusSchema.nullable().default(null),
  priority: PrioritySchema.nullable().default(null),
  addTags: z.array(TagSchema).max(20).default([]),
  removeTags: z.array(TagSchema).max(20).default([]),
});
export type MacroActions = z.infer<typeof MacroActionsSchema>;

const placeholderCheck = (body: string) => [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) => (MACRO_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''));

/** A canned reply managed by admins: a body with placeholders and optional field changes. */
export const MacroSchema = RecordMetaSchema.extend({
  name: z.string().trim().min(1).max(120),
  body: z.string().max(20_000),
  actions: MacroActionsSchema,
  /** Empty: every team; otherwise only agents of these teams see it. */
  teamIds: z.array(IdSchema).max(50),
  active: z.boolean(),
});
export type Macro = z.infer<typeof MacroSchema>;

export const MacroInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  body: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .refine(placeholderCheck, { message: `unknown placeholder; allowed: ${MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` }),
  actions: MacroActionsSchema.default({ status: null, priority: null, addTags: [], removeTags: [] }),
  teamIds: z.array(IdSchema).max(50).default([]),
  active: z.boolean().default(true),
});
export type MacroInput = z.input<typeof MacroInputSchema>;
