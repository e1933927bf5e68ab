import { z } from 'zod';
import { KPI_IDS } from '../../../shared/kpi';
import { ChannelSchema, IdSchema } from '../../../shared/schemas';
import { authed, procedure, router } from '../trpc';

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
export const FiltersSchema = z
  .object({
    teamIds: z.array(IdSchema).max(100),
    agentIds: z.array(IdSchema).max(500),
    channels: z.array(ChannelSchema).max(6),
    queues: z.array(z.string().max(80)).max(100),
    categories: z.array(z.string().max(80)).max(100),
  })
  .partial()
  .strict();
/** A period of local days, `to` exclusive, at most ~13 months. */
export const PeriodSchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema, filters: FiltersSchema.optional() })
  .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, { message: 'at most 400 days', path: ['to'] });

/**
 * KPIs of KPIS.md from the incremental aggregates; agents see their own, supervisors their teams'.
 * Right after start-up the aggregates may still be building: a request waits for them.
 */
export const metricsRouter = router({
  summary: procedure.input(PeriodSchema).query(async ({ ctx, input }) => {
    await ctx.services.metrics.whenReady();
    return ctx.services.metrics.summary(authed(ctx).user, input);
  }),
  series: procedure
    .input(PeriodSchema.and(z.object({ bucket: z.enum(['day', 'week', 'month']), kpis: z.array(z.enum(KPI_IDS)).max(KPI_IDS.length).optional() })))
    .query(async ({ ctx, input }) => {
      await ctx.services.metrics.whenReady();
      return ctx.services.metrics.series(authed(ctx).user, input);
    }),
  agents: procedure.input(PeriodSchema).query(async ({ ctx, input }) => {
    await ctx.services.metrics.whenReady();
    return ctx.services.metrics.agents(authed(ctx).user, input);
  }),
});
