import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { CustomerInputSchema, CustomerPatchSchema, IdSchema } from '../../../shared/schemas';
import { maskCustomer } from '../../domain/customers/customer-360.service';
import { actorOf } from '../context';
import { authed, domainError, procedure, router } from '../trpc';

export const customersRouter = router({
  /** By name, phone (any format), e-mail or CPF. */
  search: procedure
    .input(z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => ctx.services.customers.search(input.text, input.limit).map(maskCustomer)),
  get: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => {
    const c = ctx.services.customers.get(input.id);
    if (!c) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return maskCustomer(c);
  }),
  create: procedure.input(CustomerInputSchema).mutation(({ ctx, input }) => ctx.services.customers.create(input, actorOf(authed(ctx).user))),
  /** The customer 360°: profile (CPF masked), every ticket and interaction, surveys, orders. */
  view360: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => {
    const view = ctx.services.customer360.view(input.id);
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return view;
  }),
  update: procedure
    .input(z.object({ id: IdSchema, version: z.number().int().nonnegative(), patch: CustomerPatchSchema }))
    .mutation(async ({ ctx, input }) => {
      const r = await ctx.services.customers.update(input.id, input.version, input.patch, actorOf(authed(ctx).user));
      if (!r.ok) throw domainError(r.reason);
      return maskCustomer(r.customer);
    }),
  /** Merges the duplicate `sourceId` into `targetId` (supervisors: it moves history between people). */
  merge: procedure.input(z.object({ sourceId: IdSchema, targetId: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.customers.merge(input.sourceId, input.targetId, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return maskCustomer(r.customer);
  }),
  /** The unmasked CPF; audited (LGPD). */
  revealCpf: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.customers.revealCpf(input.id, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return { cpf: r.cpf };
  }),
});
