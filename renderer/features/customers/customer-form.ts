import { isValidCpf } from '../../../shared/br/cpf';
import { normalizePhone } from '../../../shared/br/phone';

/**
 * The profile form as text fields, its checks (the same rules as the server's CustomerInputSchema,
 * so most mistakes are caught before a request), and the patch sent to `customers.update`.
 */
export interface CustomerFormValues {
  name: string;
  /** Empty: keep the CPF on file (the form never sees it unmasked). */
  cpf: string;
  /** One per line. */
  phones: string;
  emails: string;
  tags: string;
  notes: string;
  marketing: boolean;
  surveys: boolean;
  recording: boolean;
}

export type CustomerField = 'name' | 'cpf' | 'phones' | 'emails' | 'tags' | 'notes';
export type CustomerFormErrors = Partial<Record<CustomerField, { key: CustomerErrorKey; value?: string }>>;
export type CustomerErrorKey = 'nameRequired' | 'cpfInvalid' | 'cpfTaken' | 'phoneInvalid' | 'emailInvalid' | 'tagInvalid' | 'tooLong' | 'tooMany' | 'serverInvalid';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TAG = /^[^\s,]{1,40}$/;

/** Non-empty lines (or comma/space separated values for tags). */
export const lines = (text: string) => text.split(/\n/).map((l) => l.trim()).filter(Boolean);
export const tagsOf = (text: string) => text.split(/[\s,]+/).map((l) => l.trim()).filter(Boolean);

export function validateCustomerForm(v: CustomerFormValues): CustomerFormErrors {
  const errors: CustomerFormErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = { key: 'nameRequired' };
  else if (name.length > 200) errors.name = { key: 'tooLong' };
  if (v.cpf.trim() && !isValidCpf(v.cpf)) errors.cpf = { key: 'cpfInvalid' };
  const phones = lines(v.phones);
  const badPhone = phones.find((p) => normalizePhone(p) === null);
  if (phones.length > 20) errors.phones = { key: 'tooMany' };
  else if (badPhone !== undefined) errors.phones = { key: 'phoneInvalid', value: badPhone };
  const emails = lines(v.emails);
  const badEmail = emails.find((e) => !EMAIL.test(e) || e.length > 254);
  if (emails.length > 20) errors.emails = { key: 'tooMany' };
  else if (badEmail !== undefined) errors.emails = { key: 'emailInvalid', value: badEmail };
  const tags = tagsOf(v.tags);
  const badTag = tags.find((tag) => !TAG.test(tag));
  if (tags.length > 50) errors.tags = { key: 'tooMany' };
  else if (badTag !== undefined) errors.tags = { key: 'tagInvalid', value: badTag };
  if (v.notes.length > 10_000) errors.notes = { key: 'tooLong' };
  return errors;
}

export function toCustomerPatch(v: CustomerFormValues) {
  return {
    name: v.name.trim(),
    ...(v.cpf.trim() ? { cpf: v.cpf.trim() } : {}),
    phones: lines(v.phones),
    emails: lines(v.emails),
    tags: [...new Set(tagsOf(v.tags))],
    notes: v.notes,
    consent: { marketing: v.marketing, surveys: v.surveys, recording: v.recording },
  };
}

/** Server field names (zod's flattened `fieldErrors`) → form fields. */
export function serverFieldToFormField(field: string): CustomerField | null {
  return (['name', 'cpf', 'phones', 'emails', 'tags', 'notes'] as const).find((f) => f === field) ?? null;
}

/** Worth asking the server: two letters of a name, or enough digits for a phone or CPF. */
export function isSearchable(text: string): boolean {
  const q = text.trim();
  return q.replace(/\D/g, '').length >= 8 || q.replace(/[^\p{L}@.]/gu, '').length >= 2;
}
