import { z } from 'zod';
import type { AuditPosition } from '../../domain/audit/audit-log';
import { procedure, router } from '../trpc';

/** Opaque page cursor: the last event's `at` and id, base64url JSON. */
function encodeCursor(p: AuditPosition): string {
  return Buffer.from(JSON.stringify([p.at, p.id]), 'utf8').toString('base64url');
}

const CursorSchema = z
  .string()
  .max(300)
  .transform((raw, ctx): AuditPosition => {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      const [at, id] = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]).parse(parsed);
      return { at, id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalid cursor: pass the nextCursor of a previous page unchanged' });
      return z.NEVER;
    }
  });

/** An ISO datetime with any offset, normalized to the UTC form the audit log stores (`…Z`). */
const InstantSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const AuditSearchInputSchema = z
  .object({
    entity: z.string().trim().min(1).max(40).optional(),
    entityId: z.string().trim().min(1).max(64).optional(),
    /** An exact action (`ticket.update`) or a prefix ending in "." (`customer.`). */
    action: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*\.?$/i, 'action must be a name like "ticket.update" or a prefix like "customer."')
      .optional(),
    actorId: z.string().min(1).max(64).optional(),
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    text: z.string().max(120).optional(),
    cursor: CursorSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"from" must not be after "to"', path: ['from'] });

export const auditRouter = router({
  /** Latest audit events, newest first, optionally for one entity. */
  list: procedure
    .input(z.object({ entity: z.string().max(40).optional(), entityId: z.string().max(64).optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => {
      const store = ctx.services.store;
      const events =
        input.entity && input.entityId ? store.audit.byIndex('entity', `${input.entity}:${input.entityId}`) : [...store.audit.values()];
      return events
        .filter((e) => !input.entity || e.entity === input.entity)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, input.limit);
    }),

  /**
   * Audit events matching every given filter, newest first (ties by id), one page at a time:
   * pass `nextCursor` back as `cursor` for the next page; null means no more.
   */
  search: procedure.input(AuditSearchInputSchema).query(({ ctx, input }) => {
    const { cursor, text, ...filters } = input;
    const page = ctx.services.auditLog.search({ ...filters, text: text?.trim() || undefined, after: cursor });
    return { events: page.events, nextCursor: page.next ? encodeCursor(page.next) : null };
  }),

  /** Distinct action names present in the audit log, sorted (for the filter list). */
  actions: procedure.query(({ ctx }) => ctx.services.auditLog.actions()),
});
