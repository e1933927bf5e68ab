import { DEMO_PASSWORD, generateFloor, loadFloor } from '../domain/demo/index';
import type { Services } from '../domain/services';
import type { Logger } from './logger';

/** Size of the floor `--demo` starts with: enough to look alive, small enough to start fast. */
const DEMO_SIZE = { customers: 400, tickets: 1200, days: 30 } as const;

/**
 * `--demo`: fills an empty store with a deterministic demo floor (teams, agents, supervisor,
 * customers, tickets, calls, surveys). A store that already has tickets is left alone.
 */
export async function startDemoFloor(services: Services, log: Logger): Promise<void> {
  if (services.store.tickets.size() > 0) return;
  const now = services.clock.now();
  const floor = generateFloor({ ...DEMO_SIZE, seed: 42, now });
  await loadFloor(services.store, floor, { passwords: () => DEMO_PASSWORD, now });
  log.info(`demo floor ready: ${floor.tickets.length} tickets, ${floor.customers.length} customers; demo users' password: ${DEMO_PASSWORD}`);
}
