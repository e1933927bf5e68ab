import { TRPCError } from '@trpc/server';
import { KpiTargetsPatchSchema } from '../../../shared/schemas/kpi-targets';
import type { WallboardViewer } from '../../domain/metrics/wallboard.service';
import { authed, procedure, router, type AuthedContext } from '../trpc';

/** The viewer as stored now: role or teams may have changed since the subscription began. */
function liveViewer(ctx: AuthedContext): WallboardViewer {
  const user = ctx.services.store.users.get(ctx.user.id);
  if (!user?.active || !ctx.services.auth.check(ctx.session.id)) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });
  if (user.role === 'agent') throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  return user;
}

/** The live floor (supervisor+): agents, calls waiting, SLA risk, today's KPIs against targets. */
export const wallboardRouter = router({
  snapshot: procedure.query(({ ctx }) => ctx.services.wallboard.snapshot(authed(ctx).user)),
  /**
   * A fresh snapshot at once, then soon after every change (at most one per 500 ms, bursts
   * coalesced) and at least every second, so times in state and waits are never 2 s stale.
   */
  onUpdate: procedure.subscription(async function* ({ ctx, signal }) {
    const authedCtx = authed(ctx);
    yield ctx.services.wallboard.snapshot(liveViewer(authedCtx));
    for await (const _ of ctx.services.wallboard.updates(signal ? { signal } : {})) {
      yield ctx.services.wallboard.snapshot(liveViewer(authedCtx));
    }
  }),
  targets: procedure.query(({ ctx }) => ctx.services.kpiTargets.get()),
  /** Admins: a target per KPI id in its unit (seconds, %), `null` for none. */
  setTargets: procedure.input(KpiTargetsPatchSchema).mutation(({ ctx, input }) => {
    const { user } = authed(ctx);
    return ctx.services.kpiTargets.set(input, { id: user.id, name: user.displayName });
  }),
});
