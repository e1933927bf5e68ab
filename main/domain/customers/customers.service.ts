import { cpfDigits } from '../../../shared/br/cpf';
import { normalizePhone } from '../../../shared/br/phone';
import { CustomerInputSchema, CustomerPatchSchema, type Customer, type CustomerInput, type CustomerPatch } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { diffFields, type Actor, type AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';

export type CustomerResult = { ok: true; customer: Customer } | { ok: false; reason: 'not_found' | 'version_conflict' | 'cpf_taken' | 'same_customer' };

/** Lower-case, accent-free text for name matching. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Customers: lookup by phone/e-mail/CPF (indexed) or name, and creation. */
export class CustomersService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
  ) {}

  get(id: string): Customer | undefined {
    return this.store.customers.get(id);
  }

  /**
   * Finds customers by what an agent types: a phone in any format, an e-mail, a CPF (formatted or
   * not) use the indexes; anything else matches names (accent- and case-insensitive).
   */
  search(text: string, limit: number): Customer[] {
    const q = text.trim();
    if (!q) return [];
    const found = new Map<string, Customer>();
    const add = (cs: Customer[]) => cs.forEach((c) => found.size < limit && !c.mergedInto && found.set(c.id, c));
    if (q.includes('@')) add(this.store.customers.byIndex('email', q.toLowerCase()));
    const digits = cpfDigits(q);
    if (digits.length === 11) add(this.store.customers.byIndex('cpf', digits));
    const phone = normalizePhone(q);
    if (phone) add(this.store.customers.byIndex('phone', phone));
    // Typed without DDD, or a mobile without its 9th digit: match on the last 8 digits.
    const phoneDigits = q.replace(/\D/g, '');
    if (found.size === 0 && /^[\d\s()+.-]+$/.test(q) && phoneDigits.length >= 8 && phoneDigits.length <= 13 && digits.length !== 11) {
      const tail = phoneDigits.slice(-8);
      const ddd = phoneDigits.length >= 10 ? phoneDigits.slice(-10, -8) : null;
      add(this.store.customers.byIndex('phoneTail', tail).filter((c) => !ddd || c.phones.some((p) => p.endsWith(tail) && p.startsWith(`+55${ddd}`))));
    }
    if (found.size === 0 && /\p{L}/u.test(q)) {
      const needle = foldText(q);
      for (const c of this.store.customers.values()) {
        if (found.size >= limit) break;
        if (!c.mergedInto && foldText(c.name).includes(needle)) found.set(c.id, c);
      }
    }
    return [...found.values()];
  }

  async create(raw: CustomerInput, actor: Actor): Promise<Customer> {
    const input = CustomerInputSchema.parse(raw);
    const now = this.clock.now().toISOString();
    const customer = await this.store.write((tx) => {
      const c = tx.put('customers', {
        id: newId('cus'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        name: input.name,
        cpf: input.cpf ?? null,
        phones: [...new Set(input.phones)],
        emails: [...new Set(input.emails)],
        handles: [...new Set(input.handles)],
        tags: input.tags,
        notes: input.notes,
        consent: { marketing: false, surveys: true, recording: true, updatedAt: null, ...input.consent },
        mergedInto: null,
      });
      this.audit.record(tx, { actor, action: 'customer.create', entity: 'customer', entityId: c.id });
      return c;
    });
    this.bus.publish('customerChanged', { customerId: customer.id });
    return customer;
  }

  /**
   * Edits a profile (the fields given); `version` is the version the agent saw. Phones, e-mails
   * and CPF are normalized; a CPF or e-mail of another customer is refused (use merge instead).
   */
  async update(id: string, version: number, raw: CustomerPatch, actor: Actor): Promise<CustomerResult> {
    const current = this.store.customers.get(id);
    if (!current || current.mergedInto) return { ok: false, reason: 'not_found' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    const input = CustomerPatchSchema.parse(raw);
    const next: Customer = {
      ...current,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.cpf !== undefined ? { cpf: input.cpf } : {}),
      ...(input.phones ? { phones: [...new Set(input.phones)] } : {}),
      ...(input.emails ? { emails: [...new Set(input.emails)] } : {}),
      ...(input.handles ? { handles: [...new Set(input.handles)] } : {}),
      ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.consent ? { consent: { ...current.consent, ...input.consent, updatedAt: this.clock.now().toISOString() } } : {}),
      updatedAt: this.clock.now().toISOString(),
    };
    if (next.cpf && this.store.customers.byIndex('cpf', next.cpf).some((c) => c.id !== id && !c.mergedInto)) return { ok: false, reason: 'cpf_taken' };
    const saved = await this.store.write((tx) => {
      const c = tx.put('customers', next, version);
      // CPF is personal data: the audit says it changed, never its value.
      const changes = diffFields(current, next, ['name', 'phones', 'emails', 'handles', 'tags', 'notes', 'consent']);
      if (current.cpf !== next.cpf) changes.cpf = ['***', '***'];
      this.audit.record(tx, { actor, action: 'customer.update', entity: 'customer', entityId: id, changes });
      return c;
    });
    this.bus.publish('customerChanged', { customerId: id });
    return { ok: true, customer: saved };
  }

  /**
   * Merges a duplicate (`sourceId`) into `targetId`: tickets, interactions, surveys and orders move
   * to the target, contacts and tags are united, and the source is kept as a tombstone pointing to
   * the target (so links to it still resolve). One transaction: all or nothing.
   */
  async merge(sourceId: string, targetId: string, actor: Actor): Promise<CustomerResult> {
    if (sourceId === targetId) return { ok: false, reason: 'same_customer' };
    const source = this.store.customers.get(sourceId);
    const target = this.store.customers.get(targetId);
    if (!source || !target || source.mergedInto || target.mergedInto) return { ok: false, reason: 'not_found' };
    const now = this.clock.now().toISOString();
    const merged: Customer = {
      ...target,
      cpf: target.cpf ?? source.cpf,
      phones: [...new Set([...target.phones, ...source.phones])].slice(0, 20),
      emails: [...new Set([...target.emails, ...source.emails])].slice(0, 20),
      handles: [...new Set([...(target.handles ?? []), ...(source.handles ?? [])])].slice(0, 20),
      tags: [...new Set([...target.tags, ...source.tags])].slice(0, 50),
      notes: [target.notes, source.notes].filter(Boolean).join('\n\n').slice(0, 10_000),
      updatedAt: now,
    };
    const saved = await this.store.write((tx) => {
      for (const t of this.store.tickets.byIndex('requester', sourceId)) tx.put('tickets', { ...t, requesterId: targetId, updatedAt: now });
      for (const i of this.store.interactions.byIndex('customer', sourceId)) tx.put('interactions', { ...i, customerId: targetId, updatedAt: now });
      for (const sv of this.store.surveys.byIndex('customer', sourceId)) tx.put('surveys', { ...sv, customerId: targetId, updatedAt: now });
      for (const o of this.store.orders.byIndex('customer', sourceId)) tx.put('orders', { ...o, customerId: targetId, updatedAt: now });
      // The tombstone keeps no contact data, so lookups by phone/e-mail/CPF find only the target.
      tx.put('customers', { ...source, phones: [], emails: [], handles: [], cpf: null, mergedInto: targetId, updatedAt: now });
      const c = tx.put('customers', merged);
      this.audit.record(tx, { actor, action: 'customer.merge', entity: 'customer', entityId: targetId, changes: { mergedFrom: [null, sourceId] } });
      this.audit.record(tx, { actor, action: 'customer.merged_into', entity: 'customer', entityId: sourceId, changes: { mergedInto: [null, targetId] } });
      return c;
    });
    this.bus.publish('customerChanged', { customerId: targetId });
    this.bus.publish('customerChanged', { customerId: sourceId });
    return { ok: true, customer: saved };
  }

  /** The full CPF, for an agent who needs it (LGPD: every reveal is audited). */
  async revealCpf(id: string, actor: Actor): Promise<{ ok: true; cpf: string | null } | { ok: false; reason: 'not_found' }> {
    const c = this.store.customers.get(id);
    if (!c) return { ok: false, reason: 'not_found' };
    await this.store.write((tx) => this.audit.record(tx, { actor, action: 'customer.reveal_cpf', entity: 'customer', entityId: id }));
    return { ok: true, cpf: c.cpf };
  }
}
