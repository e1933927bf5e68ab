import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditService } from '../../main/domain/audit/audit.service';
import { importCustomers } from '../../main/domain/imports/customer-import';
import { importOrders } from '../../main/domain/imports/order-import';
import { ManualClock } from '../../main/domain/shared/clock';
import { openStore, type Store } from '../../main/store/index';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => readFileSync(join(repoRoot, 'tests/fixtures/import', name), 'utf8');

let dir: string;
let store: Store;
const clock = new ManualClock('2026-11-22T12:00:00.000Z');
const deps = () => ({ store, clock, audit: new AuditService(clock) });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atende-import-'));
  store = await openStore({ dir, fsync: false });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CSV imports', () => {
  it('imports customers (pt-BR headers, BOM, ";"), reports bad lines by number, merges repeated people', async () => {
    const report = await importCustomers(deps(), fixture('customers.csv'));
    expect(report).toEqual({
      ok: true,
      created: 2,
      updated: 0,
      errors: [
        { line: 3, column: 'cpf', message: 'invalid CPF "111.111.111-11"' },
        { line: 5, column: 'phones', message: 'invalid phone "123"' },
      ],
    });
    const jose = store.customers.byIndex('cpf', '52998224725')[0];
    expect(jose).toMatchObject({ name: 'José C.', phones: ['+5511987654321', '+551133334444'], emails: ['jose@exemplo.com.br'], tags: ['vip', 'pj'] });
    expect(jose?.notes).toBe('Prefere WhatsApp\nMesmo cliente, outra linha');
    // Importing the same file again updates instead of duplicating.
    const again = await importCustomers(deps(), fixture('customers.csv'));
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect(store.customers.size()).toBe(2);
  });

  it('imports orders grouped by number with pt-BR money and dates; a bad line drops its whole order', async () => {
    await importCustomers(deps(), fixture('customers.csv'));
    const report = await importOrders(deps(), fixture('orders.csv'));
    expect(report).toMatchObject({ ok: true, created: 2, updated: 0 });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [5, 'customer'],
      [6, 'placed_at'],
    ]);
    const ped1 = store.orders.byIndex('externalId', 'PED-1')[0];
    expect(ped1).toMatchObject({ total: 2 * 14990 + 2990, placedAt: '2026-11-20T17:30:00.000Z', status: 'entregue', currency: 'BRL' });
    expect(ped1?.items.map((i) => i.name)).toEqual(['Fone de ouvido', 'Cabo USB-C']);
    expect(store.orders.byIndex('externalId', 'PED-2')[0]?.items[0]).toMatchObject({ name: 'Smart TV 55" 4K', unitPrice: 329900 });
    expect((await importOrders(deps(), fixture('orders.csv'))).updated).toBe(2);
    expect(store.orders.size()).toBe(2);
  });

  it('imports nothing on a fatal error (missing column, broken quoting) and says where', async () => {
    const missing = await importOrders(deps(), 'pedido;cpf;data\nPED-1;52998224725;20/11/2026\n');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.fatal).toMatch(/^line 1: missing column "product"/);
    const broken = await importCustomers(deps(), 'nome,cpf\n"Ana,1\nBia,2\n');
    expect(broken.ok).toBe(false);
    expect(store.customers.size()).toBe(0);
    expect(store.orders.size()).toBe(0);
  });

  it('runs from the CLI with line-numbered errors and a non-zero exit when lines were rejected', async () => {
    await store.close();
    const file = join(dir, 'clientes.csv');
    writeFileSync(file, 'nome;telefone\nCarla;(11) 91234-5678\nDiego;abc\n');
    const run = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), ['main/cli/atende.ts', 'import', 'customers', file, '--data-dir', dir], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ATENDE_FSYNC: 'false' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 created, 0 updated, 1 line(s) rejected');
    expect(run.stderr).toContain(`${file}:3: phones: invalid phone "abc"`);
    store = await openStore({ dir, fsync: false });
    expect([...store.customers.values()].map((c) => c.name)).toEqual(['Carla']);
  });
});
