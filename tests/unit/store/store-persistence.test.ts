import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeStoreIo, type StoreIo } from '../../../main/store/lowdb/atomic-json.adapter';
import { PARTITION_PLANS, partitionKeyFor } from '../../../main/store/lowdb/partitioning';
import { makeAudit, makeCustomer, makeTicket } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from './temp-store';

function filesUnder(dir: string): Map<string, { size: number; mtimeNs: bigint }> {
  const out = new Map<string, { size: number; mtimeNs: bigint }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const st = statSync(file, { bigint: true });
    out.set(relative(dir, file), { size: Number(st.size), mtimeNs: st.mtimeNs });
  }
  return out;
}

/** Counts file writes by path, passing them through to the real disk. */
function countingIo(): { io: StoreIo; writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    io: {
      writeFileAtomic: (file, text, fsync) => {
        writes.push(file);
        return nodeStoreIo.writeFileAtomic(file, text, fsync);
      },
      removeFile: nodeStoreIo.removeFile,
    },
  };
}

describe('store persistence', () => {
  it('keeps records, versions, sequences and settings across close and reopen', async () => {
    const dir = tempDir();
    const first = await openTemp(dir, { fsync: true });
    const t = await first.write((tx) => tx.put('tickets', makeTicket({ number: tx.nextSequence('ticket') })));
    await first.write((tx) => tx.put('tickets', { ...t, status: 'open' }, 1));
    const c = await first.write((tx) => tx.put('customers', makeCustomer()));
    const gone = await first.write((tx) => tx.put('customers', makeCustomer()));
    await first.write((tx) => tx.delete('customers', gone.id));
    await first.setSetting('sla.calendar', { days: [1, 2, 3, 4, 5] });
    await first.close();

    const store = await openTemp(dir);
    expect(store.tickets.get(t.id)).toMatchObject({ status: 'open', version: 2, number: 1 });
    expect(store.customers.get(c.id)).toEqual(c);
    expect(store.customers.get(gone.id)).toBeUndefined();
    expect(store.sequence('ticket')).toBe(1);
    expect(store.getSetting('sla.calendar')).toEqual({ days: [1, 2, 3, 4, 5] });
    expect(store.schemaVersion).toBe(1);
  });

  it('lays files out by creation month and id-hash shard, never moving a record', async () => {
    const dir = tempDir();
    const store = await openTemp(dir);
    const oct = await store.write((tx) => tx.put('tickets', makeTicket({ createdAt: '2026-10-31T23:59:59.000-03:00' })));
    const c = await store.write((tx) => tx.put('customers', makeCustomer()));
    expect(partitionKeyFor('tickets', oct)).toMatch(/^2026-11\.[0-9a-f]{2}$/); // UTC month
    const ticketFile = join(dir, 'store', 'tickets', `${partitionKeyFor('tickets', oct)}.json`);
    const customerFile = join(dir, 'store', 'customers', `${partitionKeyFor('customers', c)}.json`);
    expect(partitionKeyFor('customers', c)).toMatch(/^s[0-9a-f]{2}$/);
    expect(JSON.parse(readFileSync(ticketFile, 'utf8'))).toEqual({ schemaVersion: 1, records: [oct] });
    expect(JSON.parse(readFileSync(customerFile, 'utf8')).records).toEqual([c]);

    // Even if createdAt were edited, the record stays in its file.
    await store.write((tx) => tx.put('tickets', { ...oct, createdAt: '2027-05-01T00:00:00.000Z' }, 1));
    expect(JSON.parse(readFileSync(ticketFile, 'utf8')).records[0].version).toBe(2);
    expect(readdirSync(join(dir, 'store', 'tickets'))).toHaveLength(1);
  });

  it('one update to one ticket rewrites only its partition', async () => {
    const dir = tempDir();
    const store = await openTemp(dir);
    const months = ['2026-09', '2026-10', '2026-11'];
    const tickets = await store.write((tx) =>
      Array.from({ length: 3000 }, (_, i) => tx.put('tickets', makeTicket({ number: i + 1, createdAt: `${months[i % 3]}-1${i % 10}T10:00:00.000Z` }))),
    );
    await store.write((tx) => {
      for (let i = 0; i < 200; i++) tx.put('audit', makeAudit());
    });
    const before = filesUnder(join(dir, 'store'));
    const partitions = [...before.keys()].filter((f) => f.startsWith('tickets'));
    expect(partitions.length).toBeGreaterThan(3 * PARTITION_PLANS.tickets.shards * 0.9);
    const biggest = Math.max(...partitions.map((f) => before.get(f)?.size ?? 0));
    const total = partitions.reduce((sum, f) => sum + (before.get(f)?.size ?? 0), 0);
    expect(biggest).toBeLessThan(total / 50);

    await new Promise((r) => setTimeout(r, 20)); // so a rewrite shows in mtime on coarse clocks
    const target = tickets[1234];
    if (!target) throw new Error('missing ticket');
    await store.write((tx) => tx.put('tickets', { ...target, status: 'solved' }, target.version));
    const after = filesUnder(join(dir, 'store'));
    const changed = [...after].filter(([f, st]) => before.get(f)?.mtimeNs !== st.mtimeNs).map(([f]) => f);
    expect(changed).toEqual([join('tickets', `${partitionKeyFor('tickets', target)}.json`)]);
  });

  it('uses a journal only when a group spans several files', async () => {
    const dir = tempDir();
    const { io, writes } = countingIo();
    const store = await openTemp(dir, { io });
    writes.length = 0;
    const t = await store.write((tx) => tx.put('tickets', makeTicket()));
    expect(writes.filter((w) => w.includes('journal'))).toHaveLength(0);
    await store.write((tx) => {
      tx.put('tickets', { ...t, status: 'open' }, 1);
      tx.put('audit', makeAudit({ entityId: t.id }));
      tx.nextSequence('ticket');
    });
    expect(writes.filter((w) => w.includes('journal'))).toHaveLength(1);
    expect(readdirSync(join(dir, 'store', 'journal'))).toEqual([]);
  });

  it('group commit: writes issued while a flush runs share the next flush', async () => {
    const dir = tempDir();
    const { io, writes } = countingIo();
    const store = await openTemp(dir, { io, fsync: true });
    writes.length = 0;
    const t = await store.write((tx) => tx.put('tickets', makeTicket()));
    writes.length = 0;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.write((tx) => tx.put('tickets', { ...t, subject: `s${i}` }, i + 1))));
    expect(results.at(-1)?.version).toBe(101);
    // 100 transactions on one partition: far fewer than 100 file writes.
    expect(writes.length).toBeLessThanOrEqual(3);
  });
});
