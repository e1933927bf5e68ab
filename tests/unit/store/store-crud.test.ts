import { describe, expect, it } from 'vitest';
import { TicketSchema } from '../../../shared/schemas';
import { VersionConflictError } from '../../../main/store/store';
import { makeCustomer, makeTicket } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from './temp-store';

describe('store CRUD', () => {
  it('inserts with version 1, updates with version + 1, deletes', async () => {
    const store = await openTemp(tempDir());
    const input = makeTicket();
    expect(TicketSchema.parse(input)).toBeTruthy();
    const inserted = await store.write((tx) => tx.put('tickets', input));
    expect(inserted.version).toBe(1);
    expect(input.version).toBe(0); // the caller's object is left alone
    expect(store.tickets.get(input.id)).toBe(inserted);
    expect(store.tickets.size()).toBe(1);

    const updated = await store.write((tx) => tx.put('tickets', { ...inserted, subject: 'Outro assunto' }, 1));
    expect(updated.version).toBe(2);
    expect(store.tickets.get(input.id)?.subject).toBe('Outro assunto');
    expect([...store.tickets.values()]).toEqual([updated]);

    await store.write((tx) => tx.delete('tickets', input.id));
    expect(store.tickets.get(input.id)).toBeUndefined();
    expect(store.tickets.size()).toBe(0);
    await store.write((tx) => tx.delete('tickets', 'tkt_missing')); // deleting nothing is fine
  });

  it('applies writes to memory before the promise resolves, and the fn sees its own writes', async () => {
    const store = await openTemp(tempDir());
    const t = makeTicket();
    const pending = store.write((tx) => {
      tx.put('tickets', t);
      return store.tickets.get(t.id)?.version;
    });
    expect(store.tickets.get(t.id)?.version).toBe(1);
    expect(await pending).toBe(1);
  });

  it('hands out shallow-frozen records', async () => {
    const store = await openTemp(tempDir());
    const t = await store.write((tx) => tx.put('tickets', makeTicket()));
    expect(Object.isFrozen(t)).toBe(true);
    expect(() => {
      (t as { subject: string }).subject = 'x';
    }).toThrow(TypeError);
  });

  it('a version conflict rejects and rolls back every change of the transaction', async () => {
    const store = await openTemp(tempDir());
    const a = await store.write((tx) => tx.put('tickets', makeTicket({ teamId: 'team_a' })));
    const c = await store.write((tx) => tx.put('customers', makeCustomer({ phones: ['+5511911110000'] })));
    const seqBefore = store.sequence('ticket');
    const fresh = makeTicket();

    const attempt = store.write((tx) => {
      tx.nextSequence('ticket');
      tx.put('tickets', fresh);
      tx.put('customers', { ...c, phones: ['+5511922220000'] });
      tx.delete('tickets', a.id);
      tx.put('tickets', { ...a, subject: 'stale' }, 7);
    });
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    await expect(attempt).rejects.toMatchObject({ collection: 'tickets', id: a.id, expected: 7, actual: 0 }) // deleted earlier in the same tx;

    expect(store.sequence('ticket')).toBe(seqBefore);
    expect(store.tickets.get(fresh.id)).toBeUndefined();
    expect(store.tickets.get(a.id)).toBe(a);
    expect(store.customers.get(c.id)).toBe(c);
    expect(store.customers.byIndex('phone', '+5511911110000')).toEqual([c]);
    expect(store.customers.countByIndex('phone', '+5511922220000')).toBe(0);
    expect(store.tickets.byIndex('openByTeam', 'team_a')).toEqual([a]);
  });

  it('does not commit when fn swallows the conflict', async () => {
    const store = await openTemp(tempDir());
    const a = await store.write((tx) => tx.put('tickets', makeTicket()));
    const other = makeTicket();
    const attempt = store.write((tx) => {
      tx.put('tickets', other);
      try {
        tx.put('tickets', a, 0);
      } catch {
        // ignored on purpose
      }
    });
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    expect(store.tickets.get(other.id)).toBeUndefined();
  });

  it('expectedVersion 0 means "must not exist yet"', async () => {
    const store = await openTemp(tempDir());
    const t = makeTicket();
    await store.write((tx) => tx.put('tickets', t, 0));
    await expect(store.write((tx) => tx.put('tickets', t, 0))).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('any error thrown by fn rolls back and rejects with it', async () => {
    const store = await openTemp(tempDir());
    const t = makeTicket();
    const boom = new Error('boom');
    await expect(
      store.write((tx) => {
        tx.put('tickets', t);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(store.tickets.get(t.id)).toBeUndefined();
  });

  it('refuses async transaction functions and nested writes', async () => {
    const store = await openTemp(tempDir());
    const t = makeTicket();
    await expect(
      store.write(async (tx) => {
        tx.put('tickets', t);
        await Promise.resolve();
      }),
    ).rejects.toThrow(/synchronous/);
    expect(store.tickets.get(t.id)).toBeUndefined();
    await expect(store.write(() => void store.write(() => 1))).rejects.toThrow(/inside another write/);
  });

  it('serializes transactions in call order and resolves them in that order', async () => {
    const store = await openTemp(tempDir());
    const order: number[] = [];
    const t = makeTicket();
    const writes = Array.from({ length: 50 }, (_, i) =>
      store
        .write((tx) => tx.put('tickets', { ...t, subject: `v${i}` }, i))
        .then((r) => {
          order.push(i);
          return r.version;
        }),
    );
    expect(await Promise.all(writes)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('sequences and settings', async () => {
    const store = await openTemp(tempDir());
    expect(store.sequence('ticket')).toBe(0);
    const n = await store.write((tx) => [tx.nextSequence('ticket'), tx.nextSequence('ticket'), tx.nextSequence('other')]);
    expect(n).toEqual([1, 2, 1]);
    expect(store.sequence('ticket')).toBe(2);

    expect(store.getSetting('kpi')).toBeUndefined();
    const value = { targets: { csat: 90 } };
    await store.setSetting('kpi', value);
    value.targets.csat = 10; // stored as a copy
    expect(store.getSetting<typeof value>('kpi')).toEqual({ targets: { csat: 90 } });
    await store.setSetting('kpi', undefined);
    expect(store.getSetting('kpi')).toBeUndefined();
  });

  it('rejects writes after close, and close waits for pending writes', async () => {
    const store = await openTemp(tempDir());
    const pending = store.write((tx) => tx.put('tickets', makeTicket()));
    await store.close();
    await expect(pending).resolves.toMatchObject({ version: 1 });
    await expect(store.write(() => 1)).rejects.toThrow(/closed/);
  });
});
