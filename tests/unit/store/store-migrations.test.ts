import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../../main/store/store';
import { nodeStoreIo } from '../../../main/store/lowdb/atomic-json.adapter';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../../main/store/migrations/index';
import type { Migration } from '../../../main/store/migrations/migration';
import { createMigrationFiles } from '../../../main/store/migrations/migration-files';
import { runMigrations } from '../../../main/store/migrations/migration-runner';
import { makeCustomer, makeTicket } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from './temp-store';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

describe('store migrations', () => {
  it('the migration list is ordered and contiguous up to the current version', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1]?.to);
    });
  });

  it('v0 → v1: a legacy single db.json is split into partitions at open', async () => {
    const dir = tempDir();
    const tickets = Array.from({ length: 30 }, (_, i) => ({ ...makeTicket({ number: i + 1, teamId: 'team_a' }), version: 3 }));
    const customer = makeCustomer({ phones: ['+5511911110000'] });
    const { version: _v, ...customerWithoutVersion } = customer;
    writeFileSync(
      join(dir, 'db.json'),
      JSON.stringify({ tickets, customers: [customerWithoutVersion], sequences: { ticket: 30 }, settings: { theme: 'dark' } }),
    );
    const logs: string[] = [];
    const store = await openTemp(dir, { log: (m) => logs.push(m) });
    expect(store.schemaVersion).toBe(1);
    expect(store.tickets.size()).toBe(30);
    expect(store.tickets.get(tickets[4]?.id ?? '')?.version).toBe(3);
    expect(store.tickets.countByIndex('openByTeam', 'team_a')).toBe(30);
    expect(store.customers.byIndex('phone', '+5511911110000')[0]).toMatchObject({ id: customer.id, version: 1 });
    expect(store.sequence('ticket')).toBe(30);
    expect(store.getSetting('theme')).toBe('dark');
    expect(readJson(join(dir, 'store', 'meta.json'))).toEqual({ schemaVersion: 1, sequences: { ticket: 30 } });
    expect(existsSync(join(dir, 'db.json'))).toBe(true); // kept as a backup
    expect(logs.some((l) => l.includes('migrating schema 0 → 1'))).toBe(true);

    await store.close();
    const logs2: string[] = [];
    const again = await openTemp(dir, { log: (m) => logs2.push(m) });
    expect(again.tickets.size()).toBe(30);
    expect(logs2.some((l) => l.includes('migrating'))).toBe(false);
  });

  it('v0 → v1 is repeated safely after a crash mid-migration', async () => {
    const dir = tempDir();
    const t = makeTicket();
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ tickets: [t], sequences: { ticket: 1 } }));
    const files = createMigrationFiles(dir, { fsync: false, io: nodeStoreIo });
    // The migration ran, but the crash came before the runner bumped meta.json to 1.
    await MIGRATIONS[0]?.migrate(files);
    expect(readJson(join(dir, 'store', 'meta.json'))).toMatchObject({ schemaVersion: 0 });
    const store = await openTemp(dir);
    expect(store.tickets.get(t.id)?.version).toBe(0);
    expect(store.sequence('ticket')).toBe(1);
  });

  it('a corrupt legacy file is a StoreOpenError naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'db.json'), JSON.stringify({ tickets: [{ subject: 'no id' }] }));
    const err = await openTemp(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as StoreOpenError).file).toBe(join(dir, 'db.json'));
  });

  it('runs synthetic steps in order, recording each version, and opens at the last one', async () => {
    const dir = tempDir();
    await (await openTemp(dir)).close(); // a v1 store
    const ran: string[] = [];
    const steps: Migration[] = [
      ...MIGRATIONS,
      {
        from: 2,
        to: 3,
        description: 'second step',
        async migrate(files) {
          ran.push(`2→3 at ${(readJson(join(files.dataDir, 'store', 'meta.json')) as { schemaVersion: number }).schemaVersion}`);
        },
      },
      {
        from: 1,
        to: 2,
        description: 'first step',
        async migrate(files) {
          ran.push('1→2');
          await files.writeJson('store/settings.json', { schemaVersion: 2, settings: { migrated: true } });
        },
      },
    ];
    const store = await openTemp(dir, { migrations: steps });
    expect(ran).toEqual(['1→2', '2→3 at 2']);
    expect(store.schemaVersion).toBe(3);
    expect(store.getSetting('migrated')).toBe(true);
    await store.close();
    // The code of version 1 must now refuse this store.
    await expect(openTemp(dir)).rejects.toThrow(/schema version 3 is newer/);
  });

  it('a gap in the chain is a StoreOpenError', async () => {
    const dir = tempDir();
    const files = createMigrationFiles(dir, { fsync: false, io: nodeStoreIo });
    const gap: Migration[] = [{ from: 0, to: 1, description: 'a', migrate: async () => undefined }, { from: 2, to: 3, description: 'b', migrate: async () => undefined }];
    await expect(runMigrations(files, 0, gap, () => undefined)).rejects.toBeInstanceOf(StoreOpenError);
    expect(readJson(join(dir, 'store', 'meta.json'))).toEqual({ schemaVersion: 1, sequences: {} });
  });
});
