import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas';
import { STRONGLY_NEGATIVE } from '../../domain/assist/sentiment';
import { authed, procedure, router } from '../trpc';

/** Offline assistance on a ticket: suggested replies and the customer's sentiment. */
export const assistRouter = router({
  /** Replies that solved the most similar solved tickets, and matching macros, ranked. */
  replySuggestions: procedure.input(z.object({ ticketId: IdSchema, limit: z.number().int().min(1).max(20).default(6) })).query(({ ctx, input }) => {
    const suggestions = ctx.services.replySuggestions.suggest(input.ticketId, authed(ctx).user, input.limit);
    if (!suggestions) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return suggestions;
  }),
  /** Sentiment of the ticket's customer messages (oldest first) and the latest one. */
  sentiment: procedure.input(z.object({ ticketId: IdSchema })).query(({ ctx, input }) => {
    const messages = ctx.services.sentiment.forTicket(input.ticketId);
    const latest = messages.at(-1) ?? null;
    return { messages, latest, stronglyNegative: latest !== null && latest.sentiment.score <= STRONGLY_NEGATIVE };
  }),
});
