import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema, MacroInputSchema, roleAtLeast } from '../../../shared/schemas';
import { renderMacroBody } from '../../domain/macros/macros.service';
import { actorOf } from '../context';
import { authed, domainError, procedure, router } from '../trpc';

export const macrosRouter = router({
  /** Macros the user may apply (admins see inactive ones too, for editing). */
  list: procedure.query(({ ctx }) => {
    const { user } = authed(ctx);
    const admin = roleAtLeast(user.role, 'admin');
    return ctx.services.macros.list(roleAtLeast(user.role, 'supervisor') ? 'all' : user.teamIds, admin);
  }),
  /** The macro's body filled for a ticket, for the composer (the agent edits it before sending). */
  render: procedure.input(z.object({ macroId: IdSchema, ticketId: IdSchema })).query(({ ctx, input }) => {
    const { user } = authed(ctx);
    const macro = ctx.services.macros.get(input.macroId);
    const ticket = ctx.services.tickets.get(input.ticketId);
    if (!macro || !ticket) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return { body: renderMacroBody(macro.body, { ticket, customer: ctx.services.customers.get(ticket.requesterId), agent: user }), actions: macro.actions };
  }),
  create: procedure.input(MacroInputSchema).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.macros.create(input, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.macro;
  }),
  update: procedure.input(z.object({ id: IdSchema, version: z.number().int().nonnegative(), macro: MacroInputSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.macros.update(input.id, input.version, input.macro, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.macro;
  }),
  delete: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.macros.remove(input.id, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r;
  }),
});
