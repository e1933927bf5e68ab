import { procedure, router } from '../trpc';
import { APP_VERSION } from '../version';

export const healthRouter = router({
  ping: procedure.query(() => ({ ok: true as const, version: APP_VERSION })),
});
