import { z } from 'zod';
import { IdSchema, PauseReasonSchema, RoleSchema, SkillSchema, UsernameSchema } from '../../../shared/schemas';
import { actorOf } from '../context';
import { authed, domainError, procedure, router } from '../trpc';

const ExtensionSchema = z.string().regex(/^\d{2,8}$/, 'extension: 2 to 8 digits');

export const usersRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.users.list()),
  /** Colleagues as agents need them (names for timelines, assignees): no usernames, no skills. */
  directory: procedure.query(({ ctx }) =>
    ctx.services.users
      .list()
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, teamIds: u.teamIds, extension: u.extension, state: u.state })),
  ),
  create: procedure
    .input(
      z.object({
        username: UsernameSchema,
        displayName: z.string().trim().min(1).max(120),
        role: RoleSchema,
        password: z.string().min(8).max(200),
        extension: ExtensionSchema.nullable().default(null),
        teamIds: z.array(IdSchema).max(50).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const r = await ctx.services.users.create(input, actorOf(authed(ctx).user));
      if (!r.ok) throw domainError(r.reason);
      return r.user;
    }),
  update: procedure
    .input(
      z.object({
        id: IdSchema,
        version: z.number().int().nonnegative(),
        patch: z
          .object({
            displayName: z.string().trim().min(1).max(120),
            role: RoleSchema,
            extension: ExtensionSchema.nullable(),
            teamIds: z.array(IdSchema).max(50),
            skills: z.array(SkillSchema).max(50),
            active: z.boolean(),
            language: z.enum(['pt-BR', 'en']).nullable(),
          })
          .partial()
          .strict(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const c = authed(ctx);
      const r = await ctx.services.users.update(input.id, input.patch, actorOf(c.user), input.version);
      if (!r.ok) throw domainError(r.reason);
      if (input.patch.active === false) await ctx.services.auth.revokeAll(input.id);
      return r.user;
    }),
  resetPassword: procedure
    .input(z.object({ id: IdSchema, password: z.string().min(8).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const r = await ctx.services.users.setPassword(input.id, input.password, actorOf(authed(ctx).user));
      if (!r.ok) throw domainError(r.reason);
      await ctx.services.auth.revokeAll(input.id);
      return { ok: true as const };
    }),
  setMyState: procedure
    .input(
      z.discriminatedUnion('state', [
        z.object({ state: z.literal('available') }),
        z.object({ state: z.literal('paused'), reason: PauseReasonSchema }),
        z.object({ state: z.literal('offline') }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      const c = authed(ctx);
      const r = await ctx.services.users.setState(c.user.id, input.state, input.state === 'paused' ? input.reason : null, actorOf(c.user));
      if (!r.ok) throw domainError(r.reason);
      return r.user;
    }),
  setMyLanguage: procedure.input(z.object({ language: z.enum(['pt-BR', 'en']) })).mutation(async ({ ctx, input }) => {
    const c = authed(ctx);
    const r = await ctx.services.users.update(c.user.id, { language: input.language }, actorOf(c.user));
    if (!r.ok) throw domainError(r.reason);
    return r.user;
  }),
});

const TeamInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  tier: z.number().int().min(1).max(3),
  description: z.string().trim().max(500).default(''),
  /** PBX queues the team answers (for its KPIs of calls without a ticket). */
  queues: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
});

export const teamsRouter = router({
  list: procedure.query(({ ctx }) => ctx.services.users.teams()),
  create: procedure.input(TeamInputSchema).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.users.saveTeam(null, input, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.team;
  }),
  update: procedure.input(TeamInputSchema.extend({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const { id, ...team } = input;
    const r = await ctx.services.users.saveTeam(id, team, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.team;
  }),
});
