import { CpfSchema, EmailSchema, PhoneSchema, TagSchema, type Customer } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { readCsvTable, splitList } from './csv-table';
import type { ImportReport, RowError } from './import-report';

export const CUSTOMER_COLUMNS = {
  name: ['nome', 'nome_completo', 'cliente'],
  cpf: ['documento'],
  phones: ['telefones', 'telefone', 'phone', 'celular'],
  emails: ['emails', 'e_mails', 'email', 'e_mail'],
  tags: ['etiquetas', 'marcadores'],
  notes: ['observacoes', 'observacao', 'obs'],
} as const;

/**
 * Imports customers from CSV: each row creates a customer or updates the one with the same CPF,
 * e-mail or phone (contacts and tags are added, never removed). Invalid rows are reported with
 * their line and skipped; a fatal problem imports nothing; valid rows land in one transaction.
 */
export async function importCustomers(deps: { store: Store; clock: Clock; audit: AuditService }, csv: string, opts: { dryRun?: boolean; actor?: Actor; onProgress?: (done: number, total: number) => void } = {}): Promise<ImportReport> {
  const table = readCsvTable(csv, CUSTOMER_COLUMNS, ['name']);
  if (!table.ok) return { ok: false, fatal: table.fatal, created: 0, updated: 0, errors: [] };
  const errors: RowError[] = [];
  const now = deps.clock.now().toISOString();
  const planned = new Map<string, Customer>();
  // Keys (cpf:…, email:…, phone:…) of planned customers, so a file listing someone twice updates once.
  const plannedKeys = new Map<string, string>();
  const plan = (c: Customer) => {
    planned.set(c.id, c);
    for (const key of keysOf(c.cpf, c.emails, c.phones)) plannedKeys.set(key, c.id);
  };
  let created = 0;
  const updatedIds = new Set<string>();
  table.rows.forEach((row, i) => {
    opts.onProgress?.(i + 1, table.rows.length);
    const v = row.values;
    const fail = (column: string, message: string) => errors.push({ line: row.line, column, message });
    const name = (v.name ?? '').trim();
    if (!name) return fail('name', 'required');
    const cpf = v.cpf ? CpfSchema.safeParse(v.cpf) : null;
    if (cpf && !cpf.success) return fail('cpf', `invalid CPF "${v.cpf}"`);
    const phones: string[] = [];
    for (const p of splitList(v.phones ?? '')) {
      const r = PhoneSchema.safeParse(p);
      if (!r.success) return fail('phones', `invalid phone "${p}"`);
      phones.push(r.data);
    }
    const emails: string[] = [];
    for (const e of splitList(v.emails ?? '')) {
      const r = EmailSchema.safeParse(e);
      if (!r.success) return fail('emails', `invalid e-mail "${e}"`);
      emails.push(r.data);
    }
    const tags: string[] = [];
    for (const tag of splitList(v.tags ?? '')) {
      const r = TagSchema.safeParse(tag.replace(/\s+/g, '-').toLowerCase());
      if (!r.success) return fail('tags', `invalid tag "${tag}"`);
      tags.push(r.data);
    }
    const cpfValue = cpf?.success ? cpf.data : null;
    const existing = findExisting(deps.store, planned, plannedKeys, cpfValue, emails, phones);
    if (existing) {
      plan({
        ...existing,
        name,
        cpf: existing.cpf ?? cpfValue,
        phones: union(existing.phones, phones, 20),
        emails: union(existing.emails, emails, 20),
        tags: union(existing.tags, tags, 50),
        notes: v.notes ? [existing.notes, v.notes].filter(Boolean).join('\n').slice(0, 10_000) : existing.notes,
        updatedAt: now,
      });
      if (deps.store.customers.get(existing.id)) updatedIds.add(existing.id);
      return;
    }
    const customer: Customer = {
      id: newId('cus'),
      createdAt: now,
      updatedAt: now,
      version: 0,
      name,
      cpf: cpfValue,
      phones: union([], phones, 20),
      emails: union([], emails, 20),
      handles: [],
      tags: union([], tags, 50),
      notes: (v.notes ?? '').slice(0, 10_000),
      consent: { marketing: false, surveys: true, recording: true, updatedAt: null },
      mergedInto: null,
    };
    plan(customer);
    created++;
  });
  const updated = updatedIds.size;
  if (!opts.dryRun && planned.size > 0) {
    await deps.store.write((tx) => {
      for (const c of planned.values()) tx.put('customers', c);
      deps.audit.record(tx, { actor: opts.actor ?? SYSTEM_ACTOR, action: 'customer.import', entity: 'customer', entityId: null, changes: { created: [0, created], updated: [0, updated] } });
    });
  }
  return { ok: true, created, updated, errors };
}

function keysOf(cpf: string | null, emails: readonly string[], phones: readonly string[]): string[] {
  return [...(cpf ? [`cpf:${cpf}`] : []), ...emails.map((e) => `email:${e}`), ...phones.map((p) => `phone:${p}`)];
}

function findExisting(store: Store, planned: Map<string, Customer>, plannedKeys: Map<string, string>, cpf: string | null, emails: string[], phones: string[]): Customer | undefined {
  const alive = (cs: Customer[]) => cs.map((c) => planned.get(c.id) ?? c).find((c) => !c.mergedInto);
  const plannedId = keysOf(cpf, emails, phones)
    .map((k) => plannedKeys.get(k))
    .find(Boolean);
  if (plannedId) return planned.get(plannedId);
  return (
    (cpf ? alive(store.customers.byIndex('cpf', cpf)) : undefined) ??
    emails.map((e) => alive(store.customers.byIndex('email', e))).find(Boolean) ??
    phones.map((p) => alive(store.customers.byIndex('phone', p))).find(Boolean)
  );
}

function union(a: readonly string[], b: readonly string[], max: number): string[] {
  return [...new Set([...a, ...b])].slice(0, max);
}
