import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DRILLABLE_KPIS } from '../../domain/metrics/kpi-drilldown';
import { authed, procedure, router } from '../trpc';
import { PeriodSchema } from './metrics.router';

/** Historical reports beside `metrics.*` (supervisor+): filter choices, volume by channel, drill-down. */
export const reportsRouter = router({
  options: procedure.query(({ ctx }) => ctx.services.reports.filterOptions(authed(ctx).user)),
  volume: procedure
    .input(PeriodSchema.and(z.object({ bucket: z.enum(['day', 'week', 'month']) })))
    .query(async ({ ctx, input }) => {
      await ctx.services.metrics.whenReady();
      return ctx.services.reports.volume(authed(ctx).user, input);
    }),
  /** The tickets, calls or surveys behind a KPI over the period, or one point (`bucketKey`) of its series. */
  drilldown: procedure
    .input(
      PeriodSchema.and(
        z.object({
          kpi: z.enum(DRILLABLE_KPIS),
          bucketKey: z.string().regex(/^\d{4}-(\d{2}-\d{2}|W\d{2}|\d{2})$/, 'bucket key like 2026-03-09, 2026-W11 or 2026-03').optional(),
          limit: z.number().int().min(1).max(5000).optional(),
        }),
      ),
    )
    .query(({ ctx, input }) => {
      const result = ctx.services.reports.drilldown(authed(ctx).user, input);
      if (!result) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.validation' });
      return result;
    }),
});
