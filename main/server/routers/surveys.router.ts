import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema, SurveySettingsSchema } from '../../../shared/schemas';
import { actorOf } from '../context';
import type { PublicUser } from '../../../shared/schemas';
import { authed, domainError, procedure, router } from '../trpc';

/** Where the public answer page of a token is, when the operation has published it. */
function surveyUrl(base: string | null, token: string): string {
  return `${(base ?? '').replace(/\/+$/, '')}/surveys/${token}`;
}


/** The signed-in user as an actor with an id (user-owned records need one). */
const userActor = (u: PublicUser) => ({ id: u.id, name: u.username });

/**
 * Satisfaction surveys on tickets and the supervisors' follow-up tasks for low scores. Answers
 * come in through `POST /surveys/:token` (main/server/http/survey-routes.ts), not through here.
 */
export const surveysRouter = router({
  /** A ticket's surveys (newest first) and the follow-up tasks their answers opened. */
  forTicket: procedure.input(z.object({ ticketId: IdSchema })).query(({ ctx, input }) => {
    if (!ctx.services.tickets.get(input.ticketId)) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return { surveys: ctx.services.surveys.forTicket(input.ticketId), tasks: ctx.services.tasks.forTicket(input.ticketId) };
  }),
  /** Creates the ticket's surveys now (CSAT, and NPS when the cadence allows); returns their links. */
  send: procedure.input(z.object({ ticketId: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.surveys.createForTicket(input.ticketId, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    const base = ctx.services.surveys.settings().publicUrl;
    return r.created.map(({ survey, token }) => ({ survey, url: surveyUrl(base, token) }));
  }),
  /** A new link for an unanswered survey (the old one stops working). */
  reissueLink: procedure.input(z.object({ surveyId: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.surveys.reissue(input.surveyId, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return { survey: r.survey, url: surveyUrl(ctx.services.surveys.settings().publicUrl, r.token) };
  }),
  settings: procedure.query(({ ctx }) => ctx.services.surveys.settings()),
  saveSettings: procedure.input(SurveySettingsSchema.partial()).mutation(({ ctx, input }) => ctx.services.surveys.saveSettings(input, actorOf(authed(ctx).user))),
  /** Follow-up tasks of the supervisor's teams: open ones oldest first, or recently done ones. */
  followUps: procedure
    .input(z.object({ status: z.enum(['open', 'done']).default('open'), limit: z.number().int().min(1).max(200).default(100) }).prefault({}))
    .query(({ ctx, input }) => ctx.services.tasks.list(authed(ctx).user, input.status, input.limit)),
  completeFollowUp: procedure
    .input(z.object({ id: IdSchema, version: z.number().int().nonnegative(), resolution: z.string().trim().min(1).max(5000) }))
    .mutation(async ({ ctx, input }) => {
      const { user } = authed(ctx);
      const r = await ctx.services.tasks.complete(input.id, input.version, input.resolution, userActor(user), user);
      if (!r.ok) throw domainError(r.reason);
      return r.task;
    }),
  /** Live: a survey was created or answered, or a follow-up changed. */
  onChange: procedure.subscription(async function* ({ ctx, signal }) {
    for await (const e of ctx.services.bus.stream('surveyChanged', signal ? { signal } : {})) yield e;
  }),
});
