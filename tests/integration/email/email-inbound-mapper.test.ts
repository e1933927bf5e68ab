/** toInboundMessage on parsed sample mail (no server): limits, fallbacks and rejections. */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { toInboundMessage } from '../../../main/channels/email/email-inbound.mapper';
import { eml } from './email-test-kit';

const context = { fallbackMessageId: '<fallback@atende.invalid>', receivedAt: new Date('2025-03-09T10:00:00Z') };
const parse = (raw: string | Buffer) => simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true });

describe('toInboundMessage', () => {
  it('maps the ISO-8859-1 multipart sample', async () => {
    const result = toInboundMessage(await parse(eml('latin1-qp-multipart.eml')), context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.message).toMatchObject({
      channel: 'email',
      externalId: '<latin1-qp.1741194130@cliente.example>',
      conversationId: '<latin1-qp.1741194130@cliente.example>',
      subject: 'Não recebi a cobrança — ação urgente',
      sentAt: '2025-03-05T17:02:10.000Z',
      attachments: [{ name: 'boleto-março.pdf', contentType: 'application/pdf', size: 33, url: null }],
    });
  });

  it('uses the mailbox arrival time when Date is missing or unreadable, and the fallback id without Message-ID', async () => {
    const noDate = toInboundMessage(await parse('From: a@x.example\nSubject: oi\n\ncorpo\n'), context);
    expect(noDate).toMatchObject({ ok: true, message: { sentAt: '2025-03-09T10:00:00.000Z', externalId: '<fallback@atende.invalid>' } });
    const badDate = toInboundMessage(await parse('From: a@x.example\nDate: ontem à tarde\nMessage-ID: <d@x>\n\ncorpo\n'), context);
    expect(badDate).toMatchObject({ ok: true, message: { sentAt: '2025-03-09T10:00:00.000Z' } });
  });

  it('rejects mail without a usable sender address', async () => {
    expect(toInboundMessage(await parse(eml('malformed-no-sender.eml')), context)).toEqual({ ok: false, reason: 'no sender address (From)' });
    const notAnAddress = toInboundMessage(await parse('From: Fulano de Tal\nMessage-ID: <n@x>\n\noi\n'), context);
    expect(notAnAddress.ok).toBe(false);
    const invalid = toInboundMessage(await parse('From: <fulano@@x>\nMessage-ID: <n@x>\n\noi\n'), context);
    expect(invalid).toMatchObject({ ok: false });
  });

  it('cuts text and subject to the schema limits and drops oversized HTML with a warning', async () => {
    const big = 'á'.repeat(120_000);
    const raw = [
      'From: a@x.example',
      `Subject: ${'assunto '.repeat(60)}`,
      'Message-ID: <big@x>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      big,
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>${'x'.repeat(210_000)}</p>`,
      '--b--',
      '',
    ].join('\n');
    const result = toInboundMessage(await parse(raw), context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.text).toHaveLength(100_000);
    expect(result.message.subject?.length).toBeLessThanOrEqual(300);
    expect(result.message.html).toBeUndefined();
    expect(result.warnings).toHaveLength(2);
  });
});
