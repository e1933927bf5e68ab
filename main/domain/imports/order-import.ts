import { cpfDigits } from '../../../shared/br/cpf';
import { normalizePhone } from '../../../shared/br/phone';
import type { Customer, Order } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { parseDateTime, parseMoneyToCents, readCsvTable } from './csv-table';
import type { ImportReport, RowError } from './import-report';

export const ORDER_COLUMNS = {
  order_number: ['pedido', 'numero_pedido', 'n_pedido', 'order'],
  customer_cpf: ['cpf', 'cpf_cliente'],
  customer_email: ['email', 'e_mail', 'email_cliente'],
  customer_phone: ['telefone', 'celular', 'telefone_cliente'],
  placed_at: ['data', 'data_pedido', 'date'],
  status: ['situacao', 'status_pedido'],
  sku: ['codigo', 'cod_produto'],
  product: ['produto', 'descricao', 'item'],
  quantity: ['quantidade', 'qtd', 'qty'],
  unit_price: ['preco_unitario', 'valor_unitario', 'preco', 'price'],
  currency: ['moeda'],
} as const;

/**
 * Imports orders from CSV, one line per order item (lines with the same order number form one
 * order). The customer is found by CPF, e-mail or phone; an order number already in the store is
 * replaced (re-importing a file is safe). Bad lines are reported and their whole order skipped.
 */
export async function importOrders(deps: { store: Store; clock: Clock; audit: AuditService }, csv: string, opts: { dryRun?: boolean; actor?: Actor; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> {
  const table = readCsvTable(csv, ORDER_COLUMNS, ['order_number', 'placed_at', 'product', 'quantity', 'unit_price']);
  if (!table.ok) return { ok: false, fatal: table.fatal, created: 0, updated: 0, errors: [] };
  const errors: RowError[] = [];
  const orders = new Map<string, Order>();
  const broken = new Set<string>();
  const now = deps.clock.now().toISOString();
  table.rows.forEach((row, i) => {
    opts.onProgress?.(i + 1, table.rows.length);
    const v = row.values;
    const number = (v.order_number ?? '').trim();
    const fail = (column: string, message: string) => {
      errors.push({ line: row.line, column, message });
      if (number) broken.add(number);
    };
    if (!number) return fail('order_number', 'required');
    const customer = findCustomer(deps.store, v);
    if (!customer) return fail('customer', 'no customer with this CPF, e-mail or phone (import customers first)');
    const placedAt = parseDateTime(v.placed_at ?? '');
    if (!placedAt) return fail('placed_at', `invalid date "${v.placed_at ?? ''}" (use dd/mm/aaaa hh:mm or ISO 8601)`);
    const quantity = Number(v.quantity);
    if (!Number.isInteger(quantity) || quantity <= 0) return fail('quantity', `invalid quantity "${v.quantity ?? ''}"`);
    const unitPrice = parseMoneyToCents(v.unit_price ?? '');
    if (unitPrice === null) return fail('unit_price', `invalid price "${v.unit_price ?? ''}"`);
    const product = (v.product ?? '').trim();
    if (!product) return fail('product', 'required');
    const currency = (v.currency || 'BRL').trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return fail('currency', `invalid currency "${v.currency ?? ''}"`);
    const current = orders.get(number);
    if (current && current.customerId !== customer.id) return fail('customer', `order ${number} has lines of different customers`);
    const item = { sku: (v.sku ?? '').trim().slice(0, 80), name: product.slice(0, 300), quantity, unitPrice };
    const stored = deps.store.orders.byIndex('externalId', number)[0];
    const order: Order = current
      ? { ...current, items: [...current.items, item], total: current.total + quantity * unitPrice }
      : {
          id: stored?.id ?? newId('ord'),
          createdAt: stored?.createdAt ?? now,
          updatedAt: now,
          version: stored?.version ?? 0,
          customerId: customer.id,
          externalId: number,
          placedAt,
          status: (v.status || 'registrado').trim().slice(0, 60),
          total: quantity * unitPrice,
          currency,
          items: [item],
        };
    orders.set(number, order);
  });
  for (const number of broken) orders.delete(number);
  let created = 0;
  let updated = 0;
  for (const o of orders.values()) {
    if (deps.store.orders.get(o.id)) updated++;
    else created++;
  }
  if (!opts.dryRun && orders.size > 0) {
    await deps.store.write((tx) => {
      for (const o of orders.values()) tx.put('orders', o);
      deps.audit.record(tx, { actor: opts.actor ?? SYSTEM_ACTOR, action: 'order.import', entity: 'order', entityId: null, changes: { created: [0, created], updated: [0, updated] } });
    });
  }
  return { ok: true, created, updated, errors };
}

function findCustomer(store: Store, v: Record<string, string>): Customer | undefined {
  const alive = (cs: Customer[]) => cs.find((c) => !c.mergedInto);
  const cpf = v.customer_cpf ? cpfDigits(v.customer_cpf) : '';
  const phone = v.customer_phone ? normalizePhone(v.customer_phone) : null;
  return (
    (cpf.length === 11 ? alive(store.customers.byIndex('cpf', cpf)) : undefined) ??
    (v.customer_email ? alive(store.customers.byIndex('email', v.customer_email.trim().toLowerCase())) : undefined) ??
    (phone ? alive(store.customers.byIndex('phone', phone)) : undefined)
  );
}
