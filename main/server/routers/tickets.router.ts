import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { IdSchema, PrioritySchema, QueueFilterSchema, TagSchema, TicketCreateInputSchema, TicketStatusSchema } from '../../../shared/schemas';
import { maskCustomer } from '../../domain/customers/customer-360.service';
import type { Ticket } from '../../../shared/schemas';
import type { WorkflowResult } from '../../domain/tickets/ticket-workflow.service';
import { actorOf } from '../context';
import { authed, domainError, procedure, router } from '../trpc';

const VersionedId = z.object({ id: IdSchema, version: z.number().int().nonnegative() });

function unwrap(r: WorkflowResult): Ticket {
  if (!r.ok) throw domainError(r.reason);
  return r.ticket;
}

export const ticketsRouter = router({
  /** Queue rows ordered by SLA urgency, priority, age. */
  list: procedure
    .input(
      z
        .object({
          limit: z.number().int().min(1).max(200).default(50),
          offset: z.number().int().min(0).default(0),
          filter: QueueFilterSchema.prefault({}),
        })
        .prefault({}),
    )
    .query(({ ctx, input }) => ctx.services.queue.page(authed(ctx).user, input.filter, input.limit, input.offset)),
  /** How many tickets each filter matches (saved views, quick filters). */
  counts: procedure
    .input(z.object({ filters: z.array(QueueFilterSchema).max(40) }))
    .query(({ ctx, input }) => input.filters.map((f) => ctx.services.queue.count(authed(ctx).user, f))),
  /** The ticket with what its screen shows beside it: customer (CPF masked), names, merge target. */
  detail: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => {
    const t = ctx.services.tickets.get(input.id);
    if (!t) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    const customer = ctx.services.customers.get(t.requesterId);
    return {
      ticket: t,
      customer: customer ? maskCustomer(customer) : null,
      assigneeName: t.assigneeId ? (ctx.services.store.users.get(t.assigneeId)?.displayName ?? null) : null,
      teamName: t.teamId ? (ctx.services.store.teams.get(t.teamId)?.name ?? null) : null,
      mergedIntoNumber: t.mergedInto ? (ctx.services.tickets.get(t.mergedInto)?.number ?? null) : null,
    };
  }),
  /** The ticket's audit trail (who changed what, including automation rules by name), newest first. */
  history: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) =>
    ctx.services.store.audit
      .byIndex('entity', `ticket:${input.id}`)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 500),
  ),
  /** By number (`#1042`), for links and the search box. */
  byNumber: procedure.input(z.object({ number: z.number().int().positive() })).query(({ ctx, input }) => {
    const t = ctx.services.store.tickets.byIndex('number', String(input.number))[0];
    if (!t) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return t;
  }),
  get: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => {
    const t = ctx.services.tickets.get(input.id);
    if (!t) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return t;
  }),
  create: procedure.input(TicketCreateInputSchema).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.tickets.create(input, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.ticket;
  }),
  /** Messages, notes, calls and events of a ticket, oldest first. */
  timeline: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => ctx.services.workflow.timeline(input.id)),
  /** Field changes; `version` is the version the agent saw (a stale one → CONFLICT). */
  update: procedure
    .input(
      z.object({
        id: IdSchema,
        version: z.number().int().nonnegative(),
        patch: z
          .object({
            status: TicketStatusSchema,
            priority: PrioritySchema,
            category: z.string().trim().max(80).nullable(),
            tags: z.array(TagSchema).max(50),
            assigneeId: IdSchema.nullable(),
            teamId: IdSchema.nullable(),
          })
          .partial()
          .strict(),
      }),
    )
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.workflow.update(input.id, input.version, input.patch, actorOf(authed(ctx).user)))),
  take: procedure.input(VersionedId).mutation(async ({ ctx, input }) => {
    const c = authed(ctx);
    return unwrap(await ctx.services.workflow.take(input.id, input.version, { id: c.user.id, name: c.user.displayName }));
  }),
  /**
   * A reply or internal note. With `macroId`, the macro's field changes (status, priority, tags) are
   * applied in the same change; an explicit `setStatus` wins over the macro's status.
   */
  addMessage: procedure
    .input(
      VersionedId.extend({
        kind: z.enum(['reply', 'note']),
        body: z.string().trim().min(1).max(100_000),
        workSeconds: z.number().min(0).max(86_400).optional(),
        setStatus: TicketStatusSchema.optional(),
        macroId: IdSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, version, macroId, ...message } = input;
      const macro = macroId ? ctx.services.macros.get(macroId) : undefined;
      if (macroId && (!macro || !macro.active)) throw domainError('unknown_macro');
      const setStatus = message.setStatus ?? macro?.actions.status ?? undefined;
      return unwrap(
        await ctx.services.workflow.addMessage(
          id,
          version,
          {
            ...message,
            ...(setStatus ? { setStatus } : {}),
            ...(macro ? { macro: { name: macro.name, priority: macro.actions.priority, addTags: macro.actions.addTags, removeTags: macro.actions.removeTags } } : {}),
          },
          actorOf(authed(ctx).user),
        ),
      );
    }),
  escalate: procedure
    .input(VersionedId.extend({ teamId: IdSchema, reason: z.string().trim().min(1).max(2000) }))
    .mutation(async ({ ctx, input }) =>
      unwrap(await ctx.services.workflow.escalate(input.id, input.version, input.teamId, input.reason, actorOf(authed(ctx).user))),
    ),
  merge: procedure
    .input(VersionedId.extend({ targetId: IdSchema }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.workflow.merge(input.id, input.version, input.targetId, actorOf(authed(ctx).user)))),
  /** Live queue: one event per ticket created/changed. */
  onChange: procedure.subscription(async function* ({ ctx, signal }) {
    for await (const e of ctx.services.bus.stream('ticketChanged', signal ? { signal } : {})) {
      yield { ticketId: e.ticketId, kind: e.kind, teamId: e.teamId, assigneeId: e.assigneeId };
    }
  }),
  /** An automation rule's "notify users" naming the signed-in user: which ticket, by which rule. */
  onNotification: procedure.subscription(async function* ({ ctx, signal }) {
    const { user } = authed(ctx);
    for await (const e of ctx.services.bus.stream('notification', { ...(signal ? { signal } : {}), filter: (x) => x.userIds.includes(user.id) })) {
      const ticket = ctx.services.tickets.get(e.ticketId);
      if (ticket) yield { ticketId: ticket.id, number: ticket.number, subject: ticket.subject, ruleName: e.ruleName };
    }
  }),
});
