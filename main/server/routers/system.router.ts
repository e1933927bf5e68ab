import { procedure, router } from '../trpc';

const HEARTBEAT_MS = 5_000;

export const systemRouter = router({
  /** Emits `{at}` at once and then every 5 s: the renderer's connection indicator listens to it. */
  heartbeat: procedure.subscription(async function* ({ ctx, signal }) {
    while (!signal?.aborted) {
      yield { at: ctx.services.clock.now().toISOString() };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, HEARTBEAT_MS);
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }),
});
