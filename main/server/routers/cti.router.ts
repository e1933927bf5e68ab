import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas';
import { CallEventSchema } from '../../../shared/schemas/call-event';
import { authed, domainError, procedure, router } from '../trpc';

export const ctiRouter = router({
  /** Screen pops for the signed-in agent's extension: the caller's 360° before they answer. */
  onScreenPop: procedure.subscription(async function* ({ ctx, signal }) {
    const { user } = authed(ctx);
    for await (const e of ctx.services.bus.stream('screenPop', { ...(signal ? { signal } : {}), filter: (x) => x.agentId === user.id })) {
      yield e.pop;
    }
  }),
  /** The agent's calls moving on (answered, held, ended → wrap-up form). */
  onCall: procedure.subscription(async function* ({ ctx, signal }) {
    const { user } = authed(ctx);
    for await (const e of ctx.services.bus.stream('callChanged', { ...(signal ? { signal } : {}), filter: (x) => x.agentId === user.id })) {
      yield { callId: e.callId, state: e.state, customerId: e.customerId, at: e.at };
    }
  }),
  /**
   * `tel:`/`callto:`/`atende://` links the desktop app received from the OS (one user per
   * workstation): the window dials or opens the customer/ticket.
   */
  onDeepLink: procedure.subscription(async function* ({ ctx, signal }) {
    authed(ctx);
    for await (const link of ctx.services.bus.stream('deepLink', signal ? { signal } : {})) yield link;
  }),
  /** My calls still needing a wrap-up (after a reload). */
  pendingWrapUps: procedure.query(({ ctx }) => {
    const { user } = authed(ctx);
    return ctx.services.store.interactions
      .byIndex('awaitingWrapUp', user.id)
      .map((i) => ({ callId: i.call?.callId ?? '', customerId: i.customerId, endedAt: i.call?.endedAt ?? null, ani: i.call?.ani ?? null }));
  }),
  wrapUp: procedure
    .input(
      z.object({
        callId: z.string().min(1).max(200),
        disposition: z.string().trim().min(1).max(80),
        notes: z.string().max(10_000).default(''),
        resolvedOnCall: z.boolean(),
        ticketId: IdSchema.nullable().optional(),
        newTicketSubject: z.string().trim().min(1).max(300).nullable().optional(),
        customerId: IdSchema.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { user } = authed(ctx);
      if (input.ticketId && !ctx.services.tickets.get(input.ticketId)) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
      const r = await ctx.services.cti.wrapUp(user, input);
      if (!r.ok) throw domainError(r.reason);
      return { interactionId: r.interaction.id, ticketId: r.ticketId };
    }),
  /** Click-to-dial: logs the outbound call; the OS dialer is opened by the client (`tel:`). */
  dial: procedure.input(z.object({ number: z.string().trim().min(3).max(40), customerId: IdSchema.nullable().default(null) })).mutation(async ({ ctx, input }) => {
    const { user } = authed(ctx);
    const i = await ctx.services.cti.logOutboundCall(user, input.number, input.customerId);
    return { interactionId: i.id, customerId: i.customerId };
  }),
  /** The call simulator (training, demos): the same events a PBX sends. */
  simulate: procedure.input(CallEventSchema.omit({ source: true })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.cti.handle({ ...input, source: 'simulator' });
    if (!r.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: r.reason });
    return r;
  }),
});
