/**
 * `npm run seed -- --customers N --tickets M --days D [--seed S] [--data-dir DIR]`: fills an empty
 * data dir with a deterministic demo floor (the generator the demo mode and the benchmarks use).
 */
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config/config';
import { DEMO_PASSWORD, generateFloor, loadFloor } from '../domain/demo/index';
import { openStore } from '../store/index';
import { CliUsageError, countFlag, parseCliArgs } from './cli-args';
import { createProgress } from './progress';

const SeedFlagsSchema = z.object({
  customers: countFlag(2_000_000).default(2000),
  tickets: countFlag(5_000_000).default(10_000),
  days: countFlag(3650).default(90),
  seed: z.coerce.number().int().min(0).default(42),
  dataDir: z.string().min(1).optional(),
});

const USAGE = 'usage: npm run seed -- [--customers N] [--tickets M] [--days D] [--seed S] [--data-dir DIR]';

async function main(): Promise<number> {
  let flags: z.infer<typeof SeedFlagsSchema>;
  try {
    flags = parseCliArgs(process.argv.slice(2), SeedFlagsSchema).flags;
  } catch (err) {
    if (err instanceof CliUsageError) {
      console.error(`seed: ${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  const config = loadConfig({ env: process.env, argv: flags.dataDir ? ['--data-dir', flags.dataDir] : [] });
  const store = await openStore({ dir: config.dataDir, fsync: config.fsync });
  try {
    if (store.tickets.size() > 0 || store.customers.size() > 0) {
      console.error(`seed: the store in ${config.dataDir} already has data (${store.tickets.size()} tickets, ${store.customers.size()} customers); seed an empty data dir`);
      return 1;
    }
    const now = new Date();
    const floor = generateFloor({ customers: flags.customers, tickets: flags.tickets, days: flags.days, seed: flags.seed, now });
    const progress = createProgress('seed');
    await loadFloor(store, floor, { passwords: () => DEMO_PASSWORD, now, onProgress: (d, t) => progress.update(d, t) });
    progress.finish(`${floor.customers.length} customers, ${floor.tickets.length} tickets, ${floor.interactions.length} interactions, ${floor.surveys.length} surveys`);
    console.log(`seeded ${config.dataDir}; demo users supervisor, agente1…agente${floor.users.length - 1} (password ${DEMO_PASSWORD})`);
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`seed: ${err instanceof ConfigError ? `invalid configuration — ${err.message}` : (err as Error).message}`);
    process.exit(1);
  },
);
