import { z } from 'zod';

/** Record ids are opaque strings (prefix + random), never user input to trust. */
export const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'invalid id');
/** ISO-8601 instant in UTC, e.g. 2026-11-22T18:00:00.000Z */
export const IsoDateSchema = z.iso.datetime({ offset: true });

export const ChannelSchema = z.enum(['phone', 'email', 'chat', 'whatsapp', 'social', 'web']);
export type Channel = z.infer<typeof ChannelSchema>;
export const CHANNELS = ChannelSchema.options;

export const RoleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Role ranks: a procedure that needs `supervisor` accepts supervisors and admins. */
export const ROLE_RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** Every stored record carries these. `version` increments on each write (optimistic concurrency). */
export const RecordMetaSchema = z.object({
  id: IdSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  version: z.number().int().nonnegative(),
});
export type RecordMeta = z.infer<typeof RecordMetaSchema>;

export const TagSchema = z.string().trim().min(1).max(40).regex(/^[^\s,]+$/, 'tags have no spaces or commas');
