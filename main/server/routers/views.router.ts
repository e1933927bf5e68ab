import { z } from 'zod';
import { IdSchema, QueueFilterSchema } from '../../../shared/schemas';
import { authed, domainError, procedure, router } from '../trpc';

export const viewsRouter = router({
  /** My saved queue views with the number of tickets each matches now. */
  list: procedure.query(({ ctx }) => {
    const { user } = authed(ctx);
    return ctx.services.views.list(user.id).map((view) => ({ ...view, count: ctx.services.queue.count(user, view.filter) }));
  }),
  save: procedure
    .input(z.object({ id: IdSchema.optional(), name: z.string().trim().min(1).max(60), filter: QueueFilterSchema }))
    .mutation(async ({ ctx, input }) => {
      const r = await ctx.services.views.save(authed(ctx).user.id, input);
      if (!r.ok) throw domainError(r.reason);
      return r.view;
    }),
  delete: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.views.remove(authed(ctx).user.id, input.id);
    if (!r.ok) throw domainError(r.reason);
    return r;
  }),
});
