import { adminPtBR } from '../../../../shared/i18n/admin.pt-BR';
import { customerHref, ticketHref } from '../../../app/hash-route';

export type AuditActionKey = keyof typeof adminPtBR.audit.actions;
export type AuditEntityKey = keyof typeof adminPtBR.audit.entities;

/** Record types with a translated name, in the order the filter lists them. */
export const AUDIT_ENTITIES = Object.keys(adminPtBR.audit.entities) as AuditEntityKey[];

/** The catalog key of an action with a translated label (`customer.reveal_cpf` → `customer_reveal_cpf`), or null. */
export function actionKey(action: string): AuditActionKey | null {
  const key = action.replaceAll('.', '_');
  return Object.hasOwn(adminPtBR.audit.actions, key) ? (key as AuditActionKey) : null;
}

export function entityKey(entity: string): AuditEntityKey | null {
  return Object.hasOwn(adminPtBR.audit.entities, entity) ? (entity as AuditEntityKey) : null;
}

/** Where an audited record can be opened, when it has a screen of its own. */
export function entityHref(entity: string, entityId: string | null): string | null {
  if (!entityId) return null;
  if (entity === 'ticket') return ticketHref(entityId);
  if (entity === 'customer') return customerHref(entityId);
  return null;
}

/** Longest text shown for one value; the full value is in the cell's tooltip. */
const MAX_VALUE = 60;

/** A changed value as plain text: empty for null, JSON for lists and objects, cut when long. */
export function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** Each changed field as "field: before → after". */
export function changeLines(changes: Record<string, [unknown, unknown]>, empty: string): string[] {
  return Object.entries(changes).map(([field, [before, after]]) => `${field}: ${valueText(before, empty)} → ${valueText(after, empty)}`);
}

/** `YYYY-MM-DD` from a date input → ISO instant at the start (or end) of that local day; '' → undefined. */
export function dayBound(day: string, edge: 'start' | 'end'): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = edge === 'start' ? new Date(y, mo, d, 0, 0, 0, 0) : new Date(y, mo, d, 23, 59, 59, 999);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
