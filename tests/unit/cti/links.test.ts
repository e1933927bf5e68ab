import { describe, expect, it } from 'vitest';
import { parseCtiLink } from '../../../main/cti/links';

describe('parseCtiLink', () => {
  it.each([
    ['tel:+5511987654321', '+5511987654321', 'tel'],
    ['tel:+55-11-98765-4321', '+5511987654321', 'tel'],
    ['TEL:+55 (11) 98765.4321;ext=12', '+5511987654321', 'tel'],
    ['tel:%2B5511987654321', '+5511987654321', 'tel'],
    ['tel:2001;phone-context=atende.example', '2001', 'tel'],
    ['callto:+5511987654321', '+5511987654321', 'callto'],
    ['callto://011987654321', '011987654321', 'callto'],
    ['atende://call?number=%2B5511987654321', '+5511987654321', 'atende'],
    ['atende://call?number=11%2098765-4321', '11987654321', 'atende'],
  ])('%s dials %s', (url, number, scheme) => {
    expect(parseCtiLink(url)).toEqual({ ok: true, link: { kind: 'dial', number, scheme } });
  });

  it('opens a customer or a ticket by number or id', () => {
    expect(parseCtiLink('atende://customer/cus_3fA9x')).toEqual({ ok: true, link: { kind: 'customer', customerId: 'cus_3fA9x' } });
    expect(parseCtiLink('atende://ticket/1042')).toEqual({ ok: true, link: { kind: 'ticket', ticket: { by: 'number', number: 1042 } } });
    expect(parseCtiLink('atende://ticket/%231042')).toEqual({ ok: true, link: { kind: 'ticket', ticket: { by: 'number', number: 1042 } } });
    expect(parseCtiLink('atende://ticket/tkt_AbC-12')).toEqual({ ok: true, link: { kind: 'ticket', ticket: { by: 'id', id: 'tkt_AbC-12' } } });
    expect(parseCtiLink('ATENDE://Customer/cus_1/')).toMatchObject({ ok: true, link: { customerId: 'cus_1' } });
  });

  it.each([
    ['https://evil.example/?tel:+55', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['+5511987654321', 'not_a_url'],
    ['', 'not_a_url'],
    ['tel:', 'invalid_number'],
    ['tel:+55 11 CALL-NOW', 'invalid_number'],
    ['tel:%E0%A4%A', 'invalid_number'],
    ['tel:+1234567890123456789012', 'invalid_number'],
    ['callto:skype.user', 'invalid_number'],
    ['atende://call', 'invalid_number'],
    ['atende://call/extra?number=123', 'unsupported_target'],
    ['atende://settings/admin', 'unsupported_target'],
    ['atende://customer', 'unsupported_target'],
    ['atende://customer/a/b', 'unsupported_target'],
    ['atende://customer/..%2F..%2Fsecret', 'invalid_id'],
    ['atende://customer/cus_1?x=1', 'unsupported_target'],
    ['atende://user:pw@customer/cus_1', 'unsupported_target'],
    ['atende://ticket/0', 'invalid_id'],
    [`tel:${'1'.repeat(3000)}`, 'too_long'],
  ])('rejects %s (%s)', (url, reason) => {
    const result = parseCtiLink(url);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok || result.detail.length > 0).toBe(true);
  });
});
