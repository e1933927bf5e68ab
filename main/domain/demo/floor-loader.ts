import type { Store } from '../../store/store';
import { hashPassword } from '../auth/password';
import type { DemoUser, Floor } from './floor-generator';

export interface LoadFloorOptions {
  /** The password each demo user gets. */
  passwords: (user: DemoUser) => string;
  now: Date;
  /** Records per transaction (each transaction is one atomic, fsynced group of files). */
  batchSize?: number;
  /** Called after each batch with the records written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a generated floor into a store: teams and users first (passwords hashed with scrypt),
 * then customers, tickets, interactions and surveys in batches, and advances the ticket-number
 * sequence past the floor's numbers so new tickets continue after them.
 */
export async function loadFloor(store: Store, floor: Floor, opts: LoadFloorOptions): Promise<void> {
  const batchSize = opts.batchSize ?? 5000;
  const hashes = new Map<string, string>();
  // One hash per distinct password: scrypt is deliberately slow, and demo users share one.
  for (const user of floor.users) {
    const password = opts.passwords(user);
    if (!hashes.has(password)) hashes.set(password, await hashPassword(password));
  }
  const total = floor.teams.length + floor.users.length + floor.customers.length + floor.tickets.length + floor.interactions.length + floor.surveys.length + floor.agentSpans.length;
  let done = 0;
  await store.write((tx) => {
    for (const team of floor.teams) tx.put('teams', team);
    for (const macro of floor.macros) tx.put('macros', macro);
    for (const article of floor.kbArticles) tx.put('kbArticles', article);
    for (const user of floor.users) {
      if (store.users.countByIndex('username', user.username) > 0) continue;
      tx.put('users', { ...user, passwordHash: hashes.get(opts.passwords(user)) as string });
    }
  });
  done += floor.teams.length + floor.users.length;
  opts.onProgress?.(done, total);

  const batches = async <C extends 'customers' | 'tickets' | 'interactions' | 'surveys' | 'agentSpans' | 'kbUses'>(collection: C, records: readonly Floor[C][number][]) => {
    for (let i = 0; i < records.length; i += batchSize) {
      const slice = records.slice(i, i + batchSize);
      await store.write((tx) => {
        for (const record of slice) tx.put(collection, record as never);
      });
      done += slice.length;
      opts.onProgress?.(done, total);
    }
  };
  await batches('customers', floor.customers);
  await batches('tickets', floor.tickets);
  await batches('interactions', floor.interactions);
  await batches('surveys', floor.surveys);
  await batches('agentSpans', floor.agentSpans);
  await batches('kbUses', floor.kbUses);

  for (const [key, value] of Object.entries(floor.settings)) await store.setSetting(key, value);
  const highest = floor.tickets.reduce((max, t) => Math.max(max, t.number), 0);
  const missing = highest - store.sequence('ticket');
  if (missing > 0) {
    await store.write((tx) => {
      for (let i = 0; i < missing; i++) tx.nextSequence('ticket');
    });
  }
}
