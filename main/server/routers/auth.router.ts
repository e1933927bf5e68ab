import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { UsernameSchema } from '../../../shared/schemas';
import { actorOf } from '../context';
import { authed, domainError, procedure, router } from '../trpc';

export const authRouter = router({
  /** `{username, password}` → `{token, user}`; token is null in desktop mode (the main process keeps it). */
  login: procedure
    .input(z.object({ username: UsernameSchema, password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.auth.login(input.username, input.password, ctx.client);
      if (!result.ok) {
        throw new TRPCError({ code: result.reason === 'too_many_attempts' ? 'TOO_MANY_REQUESTS' : 'UNAUTHORIZED', message: `errors.${result.reason}` });
      }
      if (ctx.tokenHolder) {
        ctx.tokenHolder.set(result.token);
        return { token: null, user: result.user };
      }
      return { token: result.token, user: result.user };
    }),
  me: procedure.query(({ ctx }) => authed(ctx).user),
  logout: procedure.mutation(async ({ ctx }) => {
    const c = authed(ctx);
    await ctx.services.auth.logout(c.session.id);
    ctx.tokenHolder?.set(null);
    return { ok: true as const };
  }),
  changePassword: procedure
    .input(z.object({ current: z.string().min(1).max(200), next: z.string().min(8).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const c = authed(ctx);
      const check = await ctx.services.auth.login(c.user.username, input.current, ctx.client);
      if (!check.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.wrong_current_password' });
      await ctx.services.auth.logout(check.session.id);
      const r = await ctx.services.users.setPassword(c.user.id, input.next, actorOf(c.user));
      if (!r.ok) throw domainError(r.reason);
      return { ok: true as const };
    }),
});
