import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { roleAtLeast } from '../../shared/schemas';
import type { Context } from './context';
import { PROCEDURE_ROLES } from './procedure-roles';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Every procedure passes this guard: it looks up the procedure's role in PROCEDURE_ROLES
 * (unknown path → refused), re-checks the session (it may have been revoked since the WebSocket
 * context was made) and narrows `ctx.user`.
 */
const guard = t.middleware(({ ctx, path, next }) => {
  const required = (PROCEDURE_ROLES as Record<string, string>)[path];
  if (!required) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  if (required === 'public') return next({ ctx });
  const live = ctx.session ? ctx.services.auth.check(ctx.session.id) : null;
  if (!ctx.user || !live) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });
  if (!roleAtLeast(live.user.role, required as 'agent' | 'supervisor' | 'admin')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: live.session } });
});

/** The only procedure builder: the role comes from PROCEDURE_ROLES, by path. */
export const procedure = t.procedure.use(guard);

/** Narrowed context of procedures that require a session. */
export type AuthedContext = Context & { user: NonNullable<Context['user']>; session: NonNullable<Context['session']> };

/** For procedures whose role is not `public`: the guard has already ensured a user. */
export function authed(ctx: Context): AuthedContext {
  if (!ctx.user || !ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });
  return ctx as AuthedContext;
}

/** Maps an expected domain failure (`{ ok: false, reason }`) to a tRPC error with a message key. */
export function domainError(reason: string): TRPCError {
  const code =
    reason === 'not_found' || reason.startsWith('unknown_')
      ? 'NOT_FOUND'
      : reason === 'version_conflict' || reason === 'already_assigned' || reason.endsWith('_taken')
        ? 'CONFLICT'
        : 'BAD_REQUEST';
  return new TRPCError({ code, message: `errors.${reason}` });
}
