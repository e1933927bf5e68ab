import { MACRO_PLACEHOLDERS } from '../../../shared/schemas/macro';
import type { Priority, TicketStatus } from '../../../shared/schemas/ticket';

/** The macro editor's fields, the server's rules checked before sending, and the input it sends. */
export interface MacroFormValues {
  name: string;
  body: string;
  status: TicketStatus | '';
  priority: Priority | '';
  addTags: string[];
  removeTags: string[];
  teamIds: string[];
  active: boolean;
}

export type MacroField = 'name' | 'body' | 'actions' | 'teamIds';
export type MacroErrorKey = 'nameRequired' | 'nameTooLong' | 'bodyRequired' | 'bodyTooLong' | 'unknownPlaceholder' | 'tagConflict' | 'serverInvalid';
export type MacroFormErrors = Partial<Record<MacroField, { key: MacroErrorKey; value?: string }>>;

export const emptyMacroForm = (): MacroFormValues => ({ name: '', body: '', status: '', priority: '', addTags: [], removeTags: [], teamIds: [], active: true });

/** `{{ticket.numbr}}` and other placeholders the server would refuse, as written. */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(MACRO_PLACEHOLDERS);
  return [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? '').filter((name) => !known.has(name));
}

export function validateMacroForm(v: MacroFormValues): MacroFormErrors {
  const errors: MacroFormErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = { key: 'nameRequired' };
  else if (name.length > 120) errors.name = { key: 'nameTooLong' };
  const body = v.body.trim();
  const unknown = unknownPlaceholders(body);
  if (!body) errors.body = { key: 'bodyRequired' };
  else if (body.length > 20_000) errors.body = { key: 'bodyTooLong' };
  else if (unknown.length > 0) errors.body = { key: 'unknownPlaceholder', value: unknown.map((u) => `{{${u}}}`).join(', ') };
  const both = v.addTags.find((tag) => v.removeTags.includes(tag));
  if (both) errors.actions = { key: 'tagConflict', value: both };
  return errors;
}

export function toMacroInput(v: MacroFormValues) {
  return {
    name: v.name.trim(),
    body: v.body.trim(),
    actions: { status: v.status || null, priority: v.priority || null, addTags: v.addTags, removeTags: v.removeTags },
    teamIds: v.teamIds,
    active: v.active,
  };
}

/** Server field names (zod's flattened `fieldErrors`) → editor fields. */
export function serverFieldToMacroField(field: string): MacroField | null {
  if (field === 'name' || field === 'body' || field === 'teamIds') return field;
  return field === 'actions' ? 'actions' : null;
}
