import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../../main/domain/tickets/ticket-status';
import { customerHref, hrefFor, hrefWithSearch, parseLocation, ticketHref } from '../../../renderer/app/hash-route';
import { navIdOf } from '../../../renderer/app/routes';
import { isSearchable, toCustomerPatch, validateCustomerForm, type CustomerFormValues } from '../../../renderer/features/customers/customer-form';
import { emptyMacroForm, toMacroInput, unknownPlaceholders, validateMacroForm } from '../../../renderer/features/admin/macro-form';
import { filterMacros, parseTicketNumber } from '../../../renderer/features/tickets/ticket-search';
import { isPlainKey, isTextEntry } from '../../../renderer/lib/keyboard';
import { canMoveTo, STATUS_TRANSITIONS, statusOptions } from '../../../renderer/lib/ticket-status';
import { CustomerInputSchema } from '../../../shared/schemas/customer';
import { MacroInputSchema } from '../../../shared/schemas/macro';

describe('detail routes', () => {
  it('parses route, parameters and query', () => {
    expect(parseLocation('#/tickets/tkt_abc')).toEqual({ routeId: 'tickets', params: ['tkt_abc'], search: '' });
    expect(parseLocation('#/queue?status=open&text=a%20b')).toEqual({ routeId: 'queue', params: [], search: 'status=open&text=a%20b' });
    expect(parseLocation('#/customers/cus_1?tab=x')).toEqual({ routeId: 'customers', params: ['cus_1'], search: 'tab=x' });
    expect(parseLocation('')).toEqual({ routeId: 'queue', params: [], search: '' });
    // A broken escape is kept as typed, not thrown.
    expect(parseLocation('#/tickets/%E0%A4%A').params).toEqual(['%E0%A4%A']);
  });

  it('builds addresses that parse back, escaping ids', () => {
    expect(ticketHref('tkt_1')).toBe('#/tickets/tkt_1');
    expect(customerHref('a/b')).toBe('#/customers/a%2Fb');
    expect(parseLocation(customerHref('a/b')).params).toEqual(['a/b']);
    expect(hrefWithSearch('queue', '')).toBe(hrefFor('queue'));
    expect(hrefWithSearch('queue', 'status=open')).toBe('#/queue?status=open');
  });

  it('keeps the queue highlighted on a ticket', () => {
    expect(navIdOf('tickets')).toBe('queue');
    expect(navIdOf('customers')).toBe('customers');
    expect(navIdOf('toString')).toBe('toString');
  });
});

describe('ticket status menu', () => {
  it('offers exactly the moves the server allows', () => {
    expect(STATUS_TRANSITIONS).toEqual(TRANSITIONS);
    expect(statusOptions('solved')).toEqual(['solved', 'open', 'closed']);
    expect(statusOptions('closed')).toEqual(['closed']);
    expect(canMoveTo('new', 'solved')).toBe(true);
    expect(canMoveTo('closed', 'open')).toBe(false);
  });
});

describe('keyboard helpers', () => {
  const el = (tagName: string, type?: string, isContentEditable = false) => ({ tagName, isContentEditable, getAttribute: (n: string) => (n === 'type' ? (type ?? null) : null) });
  it('knows where typing happens', () => {
    expect(isTextEntry(el('TEXTAREA'))).toBe(true);
    expect(isTextEntry(el('INPUT'))).toBe(true);
    expect(isTextEntry(el('INPUT', 'search'))).toBe(true);
    expect(isTextEntry(el('INPUT', 'checkbox'))).toBe(false);
    expect(isTextEntry(el('SELECT'))).toBe(true);
    expect(isTextEntry(el('DIV', undefined, true))).toBe(true);
    expect(isTextEntry(el('DIV'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
  it('treats Shift as part of a character, not a modifier', () => {
    expect(isPlainKey({ ctrlKey: false, altKey: false, metaKey: false })).toBe(true);
    expect(isPlainKey({ ctrlKey: true, altKey: false, metaKey: false })).toBe(false);
  });
});

describe('ticket pickers', () => {
  it('reads ticket numbers as typed', () => {
    expect(parseTicketNumber('#1042')).toBe(1042);
    expect(parseTicketNumber(' 1042 ')).toBe(1042);
    expect(parseTicketNumber('# 7')).toBe(7);
    expect(parseTicketNumber('10a')).toBeNull();
    expect(parseTicketNumber('')).toBeNull();
  });

  it('finds macros by words, accent-insensitive, name matches first', () => {
    const macros = [
      { name: 'Saudação inicial', body: 'Olá {{customer.first_name}}' },
      { name: 'Resolvido — encerrar', body: 'Seu problema foi resolvido.' },
      { name: 'Estorno solicitado', body: 'Solicitei o estorno…' },
    ];
    expect(filterMacros(macros, '').map((m) => m.name)).toHaveLength(3);
    expect(filterMacros(macros, 'saudacao').map((m) => m.name)).toEqual(['Saudação inicial']);
    expect(filterMacros(macros, 'RESOLV').map((m) => m.name)).toEqual(['Resolvido — encerrar']);
    expect(filterMacros(macros, 'solicit').map((m) => m.name)).toEqual(['Estorno solicitado']);
    expect(filterMacros(macros, 'problema').map((m) => m.name)).toEqual(['Resolvido — encerrar']);
    expect(filterMacros(macros, 'nada disso')).toEqual([]);
  });
});

const customer = (over: Partial<CustomerFormValues> = {}): CustomerFormValues => ({
  name: 'Maria da Silva',
  cpf: '',
  phones: '(11) 98765-4321\n+55 21 3456-7890',
  emails: 'maria@exemplo.com.br',
  tags: 'vip, antiga',
  notes: '',
  marketing: false,
  surveys: true,
  recording: true,
  ...over,
});

describe('customer profile form', () => {
  it('accepts a valid profile and builds a patch the server schema accepts', () => {
    expect(validateCustomerForm(customer())).toEqual({});
    const patch = toCustomerPatch(customer({ cpf: '529.982.247-25' }));
    expect(patch).toMatchObject({ name: 'Maria da Silva', cpf: '529.982.247-25', tags: ['vip', 'antiga'] });
    expect(CustomerInputSchema.partial().strict().safeParse(patch).success).toBe(true);
    // An empty CPF box keeps the CPF on file.
    expect(toCustomerPatch(customer())).not.toHaveProperty('cpf');
  });

  it('names the field and the value that is wrong', () => {
    const errors = validateCustomerForm(customer({ name: ' ', cpf: '111.111.111-11', phones: '11987654321\n123', emails: 'a@b.co\nnot-an-email', tags: 'ok,' + 'x'.repeat(41) }));
    expect(errors).toEqual({
      name: { key: 'nameRequired' },
      cpf: { key: 'cpfInvalid' },
      phones: { key: 'phoneInvalid', value: '123' },
      emails: { key: 'emailInvalid', value: 'not-an-email' },
      tags: { key: 'tagInvalid', value: 'x'.repeat(41) },
    });
  });

  it('searches only what the server can match', () => {
    expect(isSearchable('a')).toBe(false);
    expect(isSearchable('an')).toBe(true);
    expect(isSearchable('1198765')).toBe(false);
    expect(isSearchable('(11) 98765-4321')).toBe(true);
    expect(isSearchable('529.982.247-25')).toBe(true);
  });
});

describe('macro form', () => {
  it('flags placeholders the server refuses, as written', () => {
    expect(unknownPlaceholders('Olá {{customer.first_name}}, ticket #{{ticket.number}} — {{agent.name}}')).toEqual([]);
    expect(unknownPlaceholders('{{ customer.nome }} {{ticket.numbr}}')).toEqual(['customer.nome', 'ticket.numbr']);
    const errors = validateMacroForm({ ...emptyMacroForm(), name: 'X', body: 'Oi {{cliente}}' });
    expect(errors).toEqual({ body: { key: 'unknownPlaceholder', value: '{{cliente}}' } });
  });

  it('requires name and body, refuses a tag both added and removed', () => {
    expect(validateMacroForm(emptyMacroForm())).toMatchObject({ name: { key: 'nameRequired' }, body: { key: 'bodyRequired' } });
    expect(validateMacroForm({ ...emptyMacroForm(), name: 'X', body: 'Y', addTags: ['a'], removeTags: ['a'] })).toEqual({ actions: { key: 'tagConflict', value: 'a' } });
  });

  it('builds the input the server schema accepts', () => {
    const input = toMacroInput({ ...emptyMacroForm(), name: ' Resolver ', body: 'Olá {{customer.first_name}}', status: 'solved', addTags: ['ok'] });
    expect(input).toEqual({ name: 'Resolver', body: 'Olá {{customer.first_name}}', actions: { status: 'solved', priority: null, addTags: ['ok'], removeTags: [] }, teamIds: [], active: true });
    expect(MacroInputSchema.safeParse(input).success).toBe(true);
  });
});
