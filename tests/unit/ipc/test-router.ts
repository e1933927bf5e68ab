import { EventEmitter, on } from 'node:events';
import { TRPCError, initTRPC, tracked } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { z, ZodError } from 'zod';
import type { IpcTokenHolder } from '../../../main/app/ipc/ipc-handler';

/** The context the IPC tests build: just the per-endpoint token holder. */
export interface TestContext {
  tokenHolder: IpcTokenHolder;
}

/** Counters the tests read to see server-side effects. */
export interface Probe {
  events: EventEmitter;
  generatorCleanups: number;
  observableTeardowns: number;
  started: number;
}

const t = initTRPC.context<TestContext>().create({
  // Same shape as the app's formatter: zod issues flattened for forms.
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, zodError, stack: undefined } };
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorCodes = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'CONFLICT', 'BAD_REQUEST', 'TOO_MANY_REQUESTS'] as const;

/** A small router exercising everything the IPC transport must carry. */
export function createTestRouter(probe: Probe) {
  const authed = t.procedure.use(({ ctx, next }) => {
    if (!ctx.tokenHolder.get()) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });
    return next();
  });
  return t.router({
    greet: t.procedure.input(z.object({ name: z.string().min(1) })).query(({ input }) => `Olá, ${input.name}`),
    shape: t.procedure.query(() => ({ at: new Date('2024-01-02T03:04:05.000Z'), gone: undefined, n: 1 })),
    add: t.procedure.input(z.object({ a: z.number(), b: z.number() })).mutation(({ input }) => input.a + input.b),
    nothing: t.procedure.mutation(() => undefined),
    echoAfter: t.procedure
      .input(z.object({ ms: z.number(), value: z.string() }))
      .query(async ({ input }) => {
        await sleep(input.ms);
        return input.value;
      }),
    fail: t.procedure.input(z.object({ code: z.enum(errorCodes) })).query(({ input }) => {
      throw new TRPCError({ code: input.code, message: `failed with ${input.code}` });
    }),
    crash: t.procedure.query(() => {
      throw new Error('secret internals');
    }),
    bigint: t.procedure.query(() => ({ n: 1n })),
    login: t.procedure.input(z.object({ user: z.string() })).mutation(({ ctx, input }) => {
      ctx.tokenHolder.set(`token-${input.user}`);
      return { ok: true };
    }),
    secret: authed.query(() => 'the secret'),
    countdown: t.procedure.input(z.object({ from: z.number().int().min(1) })).subscription(async function* ({ input }) {
      for (let i = input.from; i > 0; i--) yield i;
    }),
    ticks: t.procedure.subscription(async function* ({ signal }) {
      probe.started++;
      try {
        for await (const [value] of on(probe.events, 'tick', { signal })) yield value as number;
      } finally {
        probe.generatorCleanups++;
      }
    }),
    observed: t.procedure.subscription(() =>
      observable<number>((emit) => {
        probe.started++;
        const onTick = (value: number) => emit.next(value);
        probe.events.on('tick', onTick);
        return () => {
          probe.events.off('tick', onTick);
          probe.observableTeardowns++;
        };
      }),
    ),
    slowStart: t.procedure
      .use(async ({ next }) => {
        await sleep(30);
        return next();
      })
      .subscription(async function* () {
        probe.started++;
        yield 1;
      }),
    trackedEvents: t.procedure.subscription(async function* () {
      yield tracked('evt-1', { text: 'a' });
      yield tracked('evt-2', { text: 'b' });
    }),
    breaks: t.procedure.subscription(async function* () {
      yield 1;
      throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
    }),
    privateTicks: authed.subscription(async function* () {
      yield 1;
    }),
  });
}

export type TestRouter = ReturnType<typeof createTestRouter>;

export function createProbe(): Probe {
  return { events: new EventEmitter(), generatorCleanups: 0, observableTeardowns: 0, started: 0 };
}
