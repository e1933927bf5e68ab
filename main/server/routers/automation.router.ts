import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas';
import { actorOf } from '../context';
import { authed, procedure, router } from '../trpc';

/** Validation problems come back as BAD_REQUEST with the per-field issues in `cause`-free JSON. */
function invalid(issues: { path: string; message: string }[]): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: issues.map((i) => `${i.path || 'rule'}: ${i.message}`).join('; ') });
}

export const automationRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.automation.rules()),
  /** Creates (no id) or replaces a rule; validated with per-field messages. */
  save: procedure.input(z.record(z.string(), z.unknown())).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.automation.save(input, actorOf(authed(ctx).user));
    if (!r.ok) throw invalid(r.issues);
    return r.rule;
  }),
  delete: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.services.automation.remove(input.id, actorOf(authed(ctx).user)))) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return { ok: true as const };
  }),
  reorder: procedure.input(z.object({ ids: z.array(IdSchema).max(500) })).mutation(({ ctx, input }) => ctx.services.automation.reorder(input.ids, actorOf(authed(ctx).user))),
  /** Dry run of a rule against a ticket: which conditions hold, what would change. */
  test: procedure.input(z.object({ rule: z.record(z.string(), z.unknown()), ticketId: IdSchema })).mutation(({ ctx, input }) => {
    const r = ctx.services.automation.test(input.rule, input.ticketId);
    if (!r.ok) throw 'reason' in r ? new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' }) : invalid(r.issues);
    return r.result;
  }),
});
