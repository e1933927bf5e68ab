import { cpfDigits, isValidCpf, maskCpf } from '../../../shared/br/cpf';
import { formatPhoneBr, normalizePhone } from '../../../shared/br/phone';

/**
 * Pure helpers of the call panel: how a caller's number and IVR answers read, the wrap-up form's
 * outcomes, checks and request. No React, no DOM: unit-tested.
 */

/** "(11) 98765-4321" for any Brazilian format the PBX sends, "0800 700 1234" for toll-free lines; the raw text when it is no phone; null when withheld. */
export function formatCaller(ani: string | null | undefined): string | null {
  const raw = ani?.trim();
  if (!raw || raw === '<unknown>' || /^anonymous$/i.test(raw)) return null;
  const tollFree = /^0([3589])00(\d{3})(\d{4})$/.exec(raw.replace(/[\s.-]/g, ''));
  if (tollFree) return `0${tollFree[1]}00 ${tollFree[2]} ${tollFree[3]}`;
  const e164 = normalizePhone(raw);
  return e164 ? formatPhoneBr(e164) : raw;
}

/** The number in E.164 when it is a phone (quick-create prefill, `tel:` links). */
export function callerE164(ani: string | null | undefined): string | null {
  const raw = ani?.trim();
  return raw ? normalizePhone(raw) : null;
}

export interface IvrEntry {
  /** The variable as the PBX named it (lower-case). */
  name: string;
  /** Known variables have a translated label (`cti.ivr.<label>`). */
  label: 'cpf' | 'protocolo' | null;
  value: string;
}

/**
 * IVR answers to show: a CPF is masked like everywhere else in the app (LGPD) — the caller typed
 * it, but the agent confirms identity by asking, not by reading it. Empty answers are left out.
 */
export function ivrEntries(ivr: Record<string, string> | null | undefined): IvrEntry[] {
  return Object.entries(ivr ?? {})
    .map(([key, raw]): IvrEntry | null => {
      const name = key.toLowerCase();
      const value = raw.trim();
      if (!value) return null;
      if (name === 'cpf') return { name, label: 'cpf', value: isValidCpf(value) ? maskCpf(cpfDigits(value)) : value };
      return { name, label: name === 'protocolo' ? 'protocolo' : null, value };
    })
    .filter((e): e is IvrEntry => e !== null);
}

/** Initials for an avatar ("Conceição Araújo" → "CA"). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** Call outcomes offered in the wrap-up (stored by code; "outro" stores the agent's words). */
export const DISPOSITIONS = ['duvida', 'solicitacao', 'reclamacao', 'segundaVia', 'pedido', 'cancelamento', 'suporte', 'venda', 'retorno', 'engano', 'outro'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export type TicketLink = 'none' | 'existing' | 'new';

export interface WrapUpValues {
  disposition: Disposition | '';
  otherText: string;
  notes: string;
  link: TicketLink;
  ticketId: string;
  subject: string;
  resolvedOnCall: boolean;
}

export const EMPTY_WRAP_UP: WrapUpValues = { disposition: '', otherText: '', notes: '', link: 'none', ticketId: '', subject: '', resolvedOnCall: false };

export type WrapUpField = 'disposition' | 'otherText' | 'ticketId' | 'subject' | 'notes';
export type WrapUpErrorKey = 'dispositionRequired' | 'otherRequired' | 'ticketRequired' | 'subjectRequired' | 'customerRequired' | 'notesTooLong';
export type WrapUpErrors = Partial<Record<WrapUpField, WrapUpErrorKey>>;

/** The same limits as `cti.wrapUp`'s input, checked before the request. */
export function validateWrapUp(v: WrapUpValues, hasCustomer: boolean): WrapUpErrors {
  const errors: WrapUpErrors = {};
  if (!v.disposition) errors.disposition = 'dispositionRequired';
  else if (v.disposition === 'outro' && (!v.otherText.trim() || v.otherText.trim().length > 80)) errors.otherText = 'otherRequired';
  if (v.link === 'existing' && !v.ticketId) errors.ticketId = 'ticketRequired';
  if (v.link === 'new') {
    if (!hasCustomer) errors.subject = 'customerRequired';
    else if (!v.subject.trim() || v.subject.trim().length > 300) errors.subject = 'subjectRequired';
  }
  if (v.notes.length > 10_000) errors.notes = 'notesTooLong';
  return errors;
}

export const WRAP_UP_FIELD_ORDER: readonly WrapUpField[] = ['disposition', 'otherText', 'notes', 'ticketId', 'subject'];

/** What is stored as the disposition: the outcome's code, or the agent's words for "outro". */
export function dispositionValue(v: Pick<WrapUpValues, 'disposition' | 'otherText'>): string {
  return v.disposition === 'outro' ? v.otherText.trim() : v.disposition;
}

/** The `cti.wrapUp` input for a valid form. */
export function toWrapUpInput(callId: string, customerId: string | null, v: WrapUpValues) {
  return {
    callId,
    disposition: dispositionValue(v),
    notes: v.notes.trim(),
    resolvedOnCall: v.resolvedOnCall,
    ticketId: v.link === 'existing' ? v.ticketId : null,
    newTicketSubject: v.link === 'new' ? v.subject.trim() : null,
    customerId,
  };
}

const WRAP_UP_REASONS = ['not_ended', 'already_wrapped_up', 'not_your_call', 'not_found'] as const;
export type WrapUpReason = (typeof WRAP_UP_REASONS)[number];

/** A wrap-up refusal the form explains in its own words (`errors.already_wrapped_up` → `already_wrapped_up`). */
export function wrapUpRefusal(error: unknown): WrapUpReason | null {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : null;
  if (typeof message !== 'string' || !message.startsWith('errors.')) return null;
  const reason = message.slice('errors.'.length);
  return (WRAP_UP_REASONS as readonly string[]).includes(reason) ? (reason as WrapUpReason) : null;
}

export interface QuickCreateValues {
  name: string;
  phone: string;
  cpf: string;
  email: string;
}

export type QuickCreateField = keyof QuickCreateValues;
export type QuickCreateErrors = Partial<Record<QuickCreateField, 'nameRequired' | 'phoneInvalid' | 'cpfInvalid' | 'emailInvalid' | 'cpfTaken'>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The quick-create form's checks (the server's CustomerInputSchema rules). */
export function validateQuickCreate(v: QuickCreateValues): QuickCreateErrors {
  const errors: QuickCreateErrors = {};
  if (!v.name.trim() || v.name.trim().length > 200) errors.name = 'nameRequired';
  if (v.phone.trim() && normalizePhone(v.phone) === null) errors.phone = 'phoneInvalid';
  if (v.cpf.trim() && !isValidCpf(v.cpf)) errors.cpf = 'cpfInvalid';
  if (v.email.trim() && (!EMAIL.test(v.email.trim()) || v.email.trim().length > 254)) errors.email = 'emailInvalid';
  return errors;
}

/** The `customers.create` input for a valid quick-create form. */
export function toCustomerInput(v: QuickCreateValues) {
  return {
    name: v.name.trim(),
    phones: v.phone.trim() ? [v.phone.trim()] : [],
    emails: v.email.trim() ? [v.email.trim()] : [],
    ...(v.cpf.trim() ? { cpf: v.cpf.trim() } : {}),
  };
}
