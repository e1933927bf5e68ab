import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError, StoreWriteError } from '../../../main/store/store';
import { AtomicWriteError, nodeStoreIo, type StoreIo } from '../../../main/store/lowdb/atomic-json.adapter';
import { partitionKeyFor } from '../../../main/store/lowdb/partitioning';
import { makeAudit, makeCustomer, makeTicket } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from './temp-store';

/** Real disk, except writes to files matching `failOn` while `armed`. */
function faultyIo(failOn: RegExp, mode: 'before-rename' | 'after-rename') {
  const state = { armed: false };
  const io: StoreIo = {
    async writeFileAtomic(file, text, fsync) {
      if (state.armed && failOn.test(file)) {
        if (mode === 'after-rename') await nodeStoreIo.writeFileAtomic(file, text, fsync);
        throw new AtomicWriteError(file, mode === 'after-rename', new Error('EIO: injected'));
      }
      return nodeStoreIo.writeFileAtomic(file, text, fsync);
    },
    removeFile: nodeStoreIo.removeFile,
  };
  return { io, state };
}

async function openError(dir: string): Promise<StoreOpenError> {
  const err = await openTemp(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreOpenError);
  return err as StoreOpenError;
}

describe('store recovery', () => {
  it('replays a journal left by a crash between the journal and the partition writes', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    const t = await first.write((tx) => tx.put('tickets', makeTicket({ number: tx.nextSequence('ticket') })));
    const c = await first.write((tx) => tx.put('customers', makeCustomer()));
    await first.close();

    // What a crashed commit leaves: the journal durable, the partitions still old.
    const newAudit = { ...makeAudit({ entityId: t.id }), version: 1 };
    const journal = {
      schemaVersion: 1,
      seq: 7,
      entries: [
        { collection: 'tickets', partition: partitionKeyFor('tickets', t), id: t.id, record: { ...t, status: 'solved', version: 2 } },
        { collection: 'customers', partition: partitionKeyFor('customers', c), id: c.id, record: null },
        { collection: 'audit', partition: partitionKeyFor('audit', newAudit), id: newAudit.id, record: newAudit },
      ],
      sequences: { ticket: 5 },
    };
    writeFileSync(join(dir, 'store', 'journal', '000000000007.json'), JSON.stringify(journal));

    const logs: string[] = [];
    const store = await openTemp(dir, { log: (m) => logs.push(m) });
    expect(store.tickets.get(t.id)).toMatchObject({ status: 'solved', version: 2 });
    expect(store.customers.get(c.id)).toBeUndefined();
    expect(store.audit.byIndex('entity', `ticket:${t.id}`)).toHaveLength(1);
    expect(store.sequence('ticket')).toBe(5);
    expect(readdirSync(join(dir, 'store', 'journal'))).toEqual([]);
    expect(logs.some((l) => l.includes('replayed journal 7'))).toBe(true);
    // The next journal sorts after the replayed one.
    await store.close();
    const again = await openTemp(dir);
    expect(again.tickets.get(t.id)?.version).toBe(2);
  });

  it('removes temp files left by interrupted writes', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    const t = await first.write((tx) => tx.put('tickets', makeTicket()));
    await first.close();
    const stray = join(dir, 'store', 'tickets', `${partitionKeyFor('tickets', t)}.json.tmp-999-1`);
    writeFileSync(stray, '{"schemaVersion":1,"rec'); // torn
    const store = await openTemp(dir);
    expect(existsSync(stray)).toBe(false);
    expect(store.tickets.get(t.id)?.version).toBe(1);
  });

  it('a corrupt, unknown or newer file is a StoreOpenError naming it', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    const t = await first.write((tx) => tx.put('tickets', makeTicket()));
    await first.close();
    const file = join(dir, 'store', 'tickets', `${partitionKeyFor('tickets', t)}.json`);
    const good = readFileSync(file, 'utf8');

    writeFileSync(file, good.slice(0, 40));
    let err = await openError(dir);
    expect(err.file).toBe(file);
    expect(err.message).toContain(file);

    writeFileSync(file, JSON.stringify({ schemaVersion: 1, rows: [] }));
    err = await openError(dir);
    expect(err.file).toBe(file);

    writeFileSync(file, JSON.stringify({ schemaVersion: 1, records: [{ name: 'no id' }] }));
    expect((await openError(dir)).message).toMatch(/records\.0/);

    writeFileSync(file, JSON.stringify({ schemaVersion: 9, records: [] }));
    expect((await openError(dir)).message).toMatch(/schema version 9/);

    writeFileSync(file, good);
    const unknown = join(dir, 'store', 'tickets', 'notes.txt');
    writeFileSync(unknown, 'hi');
    expect((await openError(dir)).file).toBe(unknown);
  });

  it('a duplicated id across partitions is refused, not merged', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    const t = await first.write((tx) => tx.put('tickets', makeTicket()));
    await first.close();
    const copy = join(dir, 'store', 'tickets', 'copy.json');
    writeFileSync(copy, JSON.stringify({ schemaVersion: 1, records: [t] }));
    expect((await openError(dir)).message).toMatch(/is in both/);
  });

  it('refuses a store newer than the code, and one whose meta.json is gone', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    await first.write((tx) => tx.put('tickets', makeTicket()));
    await first.close();
    const meta = join(dir, 'store', 'meta.json');
    writeFileSync(meta, JSON.stringify({ schemaVersion: 3, sequences: {} }));
    expect((await openError(dir)).message).toMatch(/schema version 3 is newer/);
    writeFileSync(meta, '');
    expect((await openError(dir)).file).toBe(meta);
    writeFileSync(meta, JSON.stringify({ schemaVersion: 1, sequences: {} }));
    await (await openTemp(dir)).close();
  });

  it('a disk error before anything is replaced rolls back the group and the store goes on', async () => {
    const dir = tempDir();
    const { io, state } = faultyIo(/journal/, 'before-rename');
    const store = await openTemp(dir, { io });
    const t = await store.write((tx) => tx.put('tickets', makeTicket({ teamId: 'team_a' })));
    state.armed = true;
    const failing = store.write((tx) => {
      tx.put('tickets', { ...t, status: 'solved' }, 1);
      tx.put('audit', makeAudit({ entityId: t.id }));
    });
    // Queued behind the failing flush, built on its state: rolled back too.
    await Promise.resolve();
    const later = store.write((tx) => tx.put('tickets', { ...t, subject: 'later', status: 'solved' }));
    await expect(failing).rejects.toMatchObject({ name: 'StoreWriteError', memoryKept: false });
    await expect(later).rejects.toBeInstanceOf(StoreWriteError);
    expect(store.tickets.get(t.id)).toBe(t);
    expect(store.tickets.countByIndex('openByTeam', 'team_a')).toBe(1);
    expect(store.audit.size()).toBe(0);

    state.armed = false;
    const ok = await store.write((tx) => tx.put('tickets', { ...t, status: 'open' }, 1));
    expect(ok.version).toBe(2);
    await store.close();
    const reopened = await openTemp(dir);
    expect(reopened.tickets.get(t.id)).toMatchObject({ version: 2, status: 'open' });
    expect(reopened.audit.size()).toBe(0);
  });

  it('a disk error after a file was replaced stops writes; reopening recovers from the journal', async () => {
    const dir = tempDir();
    const { io, state } = faultyIo(/[/\\]tickets[/\\]/, 'after-rename');
    const store = await openTemp(dir, { io });
    const t = await store.write((tx) => tx.put('tickets', makeTicket()));
    state.armed = true;
    const failing = store.write((tx) => {
      tx.put('tickets', { ...t, status: 'solved' }, 1);
      tx.put('audit', makeAudit({ entityId: t.id }));
    });
    await expect(failing).rejects.toMatchObject({ name: 'StoreWriteError', memoryKept: true });
    await expect(store.write((tx) => tx.put('audit', makeAudit()))).rejects.toThrow(/reopened/);
    expect(readdirSync(join(dir, 'store', 'journal'))).toHaveLength(1);
    await store.close();

    const reopened = await openTemp(dir);
    expect(reopened.tickets.get(t.id)).toMatchObject({ version: 2, status: 'solved' });
    expect(reopened.audit.byIndex('entity', `ticket:${t.id}`)).toHaveLength(1);
  });

  it('a single-file write that fails before its rename rolls back without a journal', async () => {
    const dir = tempDir();
    const { io, state } = faultyIo(/[/\\]customers[/\\]/, 'before-rename');
    const store = await openTemp(dir, { io });
    state.armed = true;
    const c = makeCustomer();
    await expect(store.write((tx) => tx.put('customers', c))).rejects.toMatchObject({ memoryKept: false });
    expect(store.customers.get(c.id)).toBeUndefined();
    expect(store.customers.countByIndex('phone', c.phones[0] ?? '')).toBe(0);
  });
});
