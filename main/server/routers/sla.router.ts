import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas';
import { brazilNationalHolidays } from '../../domain/sla/brazil-holidays';
import { actorOf } from '../context';
import { authed, procedure, router } from '../trpc';

const invalid = (issues: { path: string; message: string }[]) => new TRPCError({ code: 'BAD_REQUEST', message: issues.map((i) => `${i.path || 'value'}: ${i.message}`).join('; ') });

export const slaRouter = router({
  calendars: procedure.query(({ ctx }) => ctx.services.sla.calendars()),
  policies: procedure.query(({ ctx }) => ctx.services.sla.policies()),
  saveCalendar: procedure.input(z.record(z.string(), z.unknown())).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.sla.saveCalendar(input as never, actorOf(authed(ctx).user));
    if (!r.ok) throw invalid(r.issues);
    return r.value;
  }),
  savePolicy: procedure.input(z.record(z.string(), z.unknown())).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.sla.savePolicy(input as never, actorOf(authed(ctx).user));
    if (!r.ok) throw invalid(r.issues);
    return r.value;
  }),
  deletePolicy: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.services.sla.deletePolicy(input.id, actorOf(authed(ctx).user)))) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return { ok: true as const };
  }),
  /** Brazil's national holidays of a year (optional ones flagged), to add to a calendar. */
  brazilHolidays: procedure.input(z.object({ year: z.number().int().min(2000).max(2100) })).query(({ input }) => brazilNationalHolidays(input.year)),
  /** The SLA state of a ticket now (per target: ok / warning / breached, share of the target used). */
  stateOf: procedure.input(z.object({ ticketId: IdSchema })).query(({ ctx, input }) => {
    const t = ctx.services.tickets.get(input.ticketId);
    if (!t) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return ctx.services.sla.stateOf(t);
  }),
});

export const routingRouter = router({
  settings: procedure.query(({ ctx }) => [...ctx.services.store.teams.values()].map((t) => ctx.services.routing.settingsOf(t.id))),
  save: procedure.input(z.record(z.string(), z.unknown())).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.routing.saveSettings(input as never, actorOf(authed(ctx).user));
    if (!r.ok) throw invalid(r.issues);
    return r.settings;
  }),
});
