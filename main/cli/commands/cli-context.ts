import { loadConfig, type AppConfig } from '../../config/config';
import { AuditService } from '../../domain/audit/audit.service';
import { systemClock, type Clock } from '../../domain/shared/clock';
import { openStore } from '../../store/index';
import type { Store } from '../../store/store';

export interface CliDeps {
  store: Store;
  clock: Clock;
  audit: AuditService;
  config: AppConfig;
}

/** What every CLI command gets: output streams and the store of the configured data dir. */
export interface CliContext {
  out(line: string): void;
  err(line: string): void;
  /** Opens the data dir's store (refused while a running Atende holds it), runs `fn`, closes. */
  withServices<T>(dataDir: string | undefined, fn: (deps: CliDeps) => Promise<T>): Promise<T>;
}

export function createCliContext(env: NodeJS.ProcessEnv): CliContext {
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    async withServices(dataDir, fn) {
      const config = loadConfig({ env, argv: dataDir ? ['--data-dir', dataDir] : [] });
      const store = await openStore({ dir: config.dataDir, fsync: config.fsync });
      try {
        return await fn({ store, clock: systemClock, audit: new AuditService(systemClock), config });
      } finally {
        await store.close();
      }
    },
  };
}
