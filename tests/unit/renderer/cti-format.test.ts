import { describe, expect, it } from 'vitest';
import {
  callerE164,
  dispositionValue,
  EMPTY_WRAP_UP,
  formatCaller,
  initials,
  ivrEntries,
  toCustomerInput,
  toWrapUpInput,
  validateQuickCreate,
  validateWrapUp,
  wrapUpRefusal,
} from '../../../renderer/features/cti/cti-format';
import { shouldRaiseWebNotification } from '../../../renderer/features/cti/web-notifications';

describe('caller number', () => {
  it('reads any Brazilian format the PBX sends the same way', () => {
    for (const ani of ['011987654321', '11987654321', '+55 (11) 98765-4321', '5511987654321', '0 15 11 98765-4321']) {
      expect(formatCaller(ani), ani).toBe('(11) 98765-4321');
    }
    expect(callerE164('011987654321')).toBe('+5511987654321');
    expect(formatCaller('08007001234')).toBe('0800 700 1234');
    expect(formatCaller('0300-123-4567')).toBe('0300 123 4567');
  });

  it('keeps what is no Brazilian phone, and says nothing for a withheld one', () => {
    expect(formatCaller('+4930123456')).toBe('+4930123456');
    expect(formatCaller('2001')).toBe('2001');
    expect(formatCaller(null)).toBeNull();
    expect(formatCaller('  ')).toBeNull();
    expect(formatCaller('<unknown>')).toBeNull();
    expect(formatCaller('anonymous')).toBeNull();
  });
});

describe('IVR answers', () => {
  it('masks a CPF (LGPD) and labels the known variables', () => {
    expect(ivrEntries({ cpf: '52998224725', PROTOCOLO: '2026-0042', pedido: 'A-77', vazio: ' ' })).toEqual([
      { name: 'cpf', label: 'cpf', value: '***.982.247-**' },
      { name: 'protocolo', label: 'protocolo', value: '2026-0042' },
      { name: 'pedido', label: null, value: 'A-77' },
    ]);
    expect(ivrEntries({ cpf: '123' })).toEqual([{ name: 'cpf', label: 'cpf', value: '123' }]);
    expect(ivrEntries(undefined)).toEqual([]);
  });
});

describe('wrap-up form', () => {
  it('needs an outcome, words for "outro", a ticket to link and a subject (with a customer) for a new one', () => {
    expect(validateWrapUp(EMPTY_WRAP_UP, true)).toEqual({ disposition: 'dispositionRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'outro', otherText: '  ' }, true)).toEqual({ otherText: 'otherRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'outro', otherText: 'x'.repeat(81) }, true)).toEqual({ otherText: 'otherRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'venda', link: 'existing' }, true)).toEqual({ ticketId: 'ticketRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'venda', link: 'new' }, true)).toEqual({ subject: 'subjectRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'venda', link: 'new', subject: 'Venda' }, false)).toEqual({ subject: 'customerRequired' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'duvida', notes: 'x'.repeat(10_001) }, true)).toEqual({ notes: 'notesTooLong' });
    expect(validateWrapUp({ ...EMPTY_WRAP_UP, disposition: 'duvida' }, false)).toEqual({});
  });

  it('stores the outcome code, or the agent words for "outro"', () => {
    expect(dispositionValue({ disposition: 'segundaVia', otherText: 'ignored' })).toBe('segundaVia');
    expect(dispositionValue({ disposition: 'outro', otherText: '  Retorno do técnico ' })).toBe('Retorno do técnico');
  });

  it('sends the ticket only for the link chosen', () => {
    const base = { ...EMPTY_WRAP_UP, disposition: 'pedido' as const, notes: ' Sai amanhã ', ticketId: 'tkt_1', subject: 'Ligação: pedido', resolvedOnCall: true };
    expect(toWrapUpInput('c1', 'cus_1', { ...base, link: 'existing' })).toEqual({ callId: 'c1', disposition: 'pedido', notes: 'Sai amanhã', resolvedOnCall: true, ticketId: 'tkt_1', newTicketSubject: null, customerId: 'cus_1' });
    expect(toWrapUpInput('c1', 'cus_1', { ...base, link: 'new' })).toMatchObject({ ticketId: null, newTicketSubject: 'Ligação: pedido' });
    expect(toWrapUpInput('c1', null, { ...base, link: 'none' })).toMatchObject({ ticketId: null, newTicketSubject: null, customerId: null });
  });

  it('recognizes the refusals it explains itself', () => {
    expect(wrapUpRefusal({ message: 'errors.already_wrapped_up' })).toBe('already_wrapped_up');
    expect(wrapUpRefusal({ message: 'errors.not_ended' })).toBe('not_ended');
    expect(wrapUpRefusal({ message: 'errors.forbidden' })).toBeNull();
    expect(wrapUpRefusal(new Error('boom'))).toBeNull();
    expect(wrapUpRefusal(null)).toBeNull();
  });
});

describe('quick-create', () => {
  it('checks like the server and sends only what was filled in', () => {
    expect(validateQuickCreate({ name: ' ', phone: '123', cpf: '111.111.111-11', email: 'x@' })).toEqual({ name: 'nameRequired', phone: 'phoneInvalid', cpf: 'cpfInvalid', email: 'emailInvalid' });
    const ok = { name: ' Benedita Nunes ', phone: '(11) 98765-4321', cpf: '', email: '' };
    expect(validateQuickCreate(ok)).toEqual({});
    expect(toCustomerInput(ok)).toEqual({ name: 'Benedita Nunes', phones: ['(11) 98765-4321'], emails: [] });
    expect(toCustomerInput({ ...ok, cpf: '529.982.247-25', email: 'b@x.com.br' })).toMatchObject({ cpf: '529.982.247-25', emails: ['b@x.com.br'] });
  });

  it('makes avatar initials', () => {
    expect(initials('Conceição Araújo')).toBe('CA');
    expect(initials('  Irene  ')).toBe('I');
  });
});

describe('browser notifications', () => {
  it('only in the browser, with permission, while the tab is hidden', () => {
    expect(shouldRaiseWebNotification({ mode: 'web', permission: 'granted', hidden: true })).toBe(true);
    expect(shouldRaiseWebNotification({ mode: 'web', permission: 'granted', hidden: false })).toBe(false);
    expect(shouldRaiseWebNotification({ mode: 'web', permission: 'default', hidden: true })).toBe(false);
    expect(shouldRaiseWebNotification({ mode: 'ipc', permission: 'granted', hidden: true })).toBe(false);
  });
});
