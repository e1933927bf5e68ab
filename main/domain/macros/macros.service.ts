import { MacroInputSchema, type Customer, type Macro, type MacroInput, type PublicUser, type Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

export type MacroResult = { ok: true; macro: Macro } | { ok: false; reason: 'not_found' | 'version_conflict' | 'unknown_team' };

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * Fills a macro body's placeholders with the ticket's, customer's and agent's data. Values are
 * inserted as plain text (the composer shows text, never HTML).
 */
export function renderMacroBody(body: string, data: { ticket: Ticket; customer: Customer | undefined; agent: Pick<PublicUser, 'displayName'> }): string {
  const values: Record<string, string> = {
    'customer.name': data.customer?.name ?? '',
    'customer.first_name': data.customer ? firstName(data.customer.name) : '',
    'ticket.number': String(data.ticket.number),
    'ticket.subject': data.ticket.subject,
    'agent.name': data.agent.displayName,
    'agent.first_name': firstName(data.agent.displayName),
  };
  return body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Canned replies: admins manage them; agents see the active ones of their teams. */
export class MacrosService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  get(id: string): Macro | undefined {
    return this.store.macros.get(id);
  }

  /** Active macros an agent of `teamIds` may use (all of them with `includeInactive`, for admins). */
  list(teamIds: readonly string[] | 'all', includeInactive = false): Macro[] {
    return [...this.store.macros.values()]
      .filter((m) => (includeInactive || m.active) && (teamIds === 'all' || m.teamIds.length === 0 || m.teamIds.some((t) => teamIds.includes(t))))
      .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  }

  async create(raw: MacroInput, actor: Actor): Promise<MacroResult> {
    const input = MacroInputSchema.parse(raw);
    if (input.teamIds.some((t) => !this.store.teams.get(t))) return { ok: false, reason: 'unknown_team' };
    const now = this.clock.now().toISOString();
    const macro = await this.store.write((tx) => {
      const m = tx.put('macros', { id: newId('mac'), createdAt: now, updatedAt: now, version: 0, ...input });
      this.audit.record(tx, { actor, action: 'macro.create', entity: 'macro', entityId: m.id, changes: { name: [null, m.name] } });
      return m;
    });
    return { ok: true, macro };
  }

  async update(id: string, version: number, raw: MacroInput, actor: Actor): Promise<MacroResult> {
    const current = this.store.macros.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    const input = MacroInputSchema.parse(raw);
    if (input.teamIds.some((t) => !this.store.teams.get(t))) return { ok: false, reason: 'unknown_team' };
    const next: Macro = { ...current, ...input, updatedAt: this.clock.now().toISOString() };
    const macro = await this.store.write((tx) => {
      const m = tx.put('macros', next, version);
      this.audit.record(tx, { actor, action: 'macro.update', entity: 'macro', entityId: id, changes: diffFields(current, next, ['name', 'body', 'actions', 'teamIds', 'active']) });
      return m;
    });
    return { ok: true, macro };
  }

  async remove(id: string, actor: Actor): Promise<{ ok: true } | { ok: false; reason: 'not_found' }> {
    const current = this.store.macros.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    await this.store.write((tx) => {
      tx.delete('macros', id);
      this.audit.record(tx, { actor, action: 'macro.delete', entity: 'macro', entityId: id, changes: { name: [current.name, null] } });
    });
    return { ok: true };
  }
}
