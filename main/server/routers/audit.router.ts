import { z } from 'zod';
import { procedure, router } from '../trpc';

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
});
