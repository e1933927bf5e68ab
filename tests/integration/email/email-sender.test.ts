/**
 * The SMTP side against real servers: replies go through `smtp-server` (AUTH required), land in
 * the Dovecot mailbox, and the customer's answer to them is polled back into the same conversation.
 */
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../shared/schemas/intake';
import { createEmailChannel } from '../../../main/channels/email/email-channel';
import { EmailChannelConfigSchema, EmailSmtpConfigSchema, type EmailSmtpConfig } from '../../../main/channels/email/email-config.schema';
import { EmailSender } from '../../../main/channels/email/email-sender.service';
import { startMailServer, type MailServer } from '../../fixtures/mail-server';
import { imapConfig, MemoryLogger, MemoryPollState, RecordingSink } from './email-test-kit';

let mail: MailServer;

beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => {
  await mail?.stop();
});

function smtpConfig(extra: Partial<EmailSmtpConfig> = {}): EmailSmtpConfig {
  return EmailSmtpConfigSchema.parse({
    host: mail.smtp.host,
    port: mail.smtp.port,
    secure: false,
    user: mail.smtp.user,
    password: mail.smtp.password,
    from: { address: 'suporte@atende.example', name: 'Suporte Atende' },
    ...extra,
  });
}

const ROOT = '<root-utf8.1741090500@cliente.example>';

function reply(extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    channel: 'email',
    conversationId: ROOT,
    ticketId: 'tk_1',
    ticketNumber: 1042,
    interactionId: 'in_9',
    to: { name: 'Maria José Conceição', phone: null, email: 'maria@cliente.example', handle: null },
    subject: 'RE: Res: Não recebi a cobrança — ação urgente',
    text: 'Olá Maria,\n\nReenviamos a cobrança de março: ç, ã, é, ô — confira, por favor.\n\nAtenciosamente,\nCarla',
    inReplyTo: '<latin1-qp.1741194130@cliente.example>',
    references: ['<latin1-qp.1741194130@cliente.example>'],
    sentAt: '2025-03-04T13:00:00.000Z',
    author: 'Carla',
    ...extra,
  };
}

describe('EmailSender through a real SMTP server', () => {
  it('sends a threaded UTF-8 reply with one Re:, In-Reply-To, References from the root, and returns its Message-ID', async () => {
    const logger = new MemoryLogger();
    const sender = new EmailSender({ config: smtpConfig(), logger });
    const before = mail.smtp.messages.length;
    const result = await sender.sendReply(reply());
    sender.close();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.messageId).toMatch(/^<[0-9a-f-]{36}@atende\.example>$/);

    const [captured] = (await mail.smtp.waitForMessages(before + 1)).slice(before);
    expect(captured?.mailFrom).toBe('suporte@atende.example');
    expect(captured?.rcptTo).toEqual(['maria@cliente.example']);
    const parsed = await simpleParser(captured?.raw ?? Buffer.alloc(0));
    expect(parsed.messageId).toBe(result.messageId);
    expect(parsed.subject).toBe('Re: Não recebi a cobrança — ação urgente');
    expect(parsed.inReplyTo).toBe('<latin1-qp.1741194130@cliente.example>');
    expect(parsed.references).toEqual([ROOT, '<latin1-qp.1741194130@cliente.example>']);
    expect(parsed.from?.value).toEqual([{ name: 'Suporte Atende', address: 'suporte@atende.example' }]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([{ name: 'Maria José Conceição', address: 'maria@cliente.example' }]);
    expect(parsed.text?.trimEnd()).toBe(reply().text);
    expect(parsed.date?.toISOString()).toBe('2025-03-04T13:00:00.000Z');
    // Declared UTF-8 on the wire, so any client shows the accents.
    expect(captured?.raw.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=utf-8/i);

    // Also delivered into the IMAP mailbox, where it is found by its Message-ID.
    const stored = await mail.imap.list();
    expect(stored.some((m) => m.messageId === result.messageId)).toBe(true);
  });

  it('threads the customer’s answer to an agent reply into the original conversation, and skips our own copies', async () => {
    const sink = new RecordingSink();
    const config = EmailChannelConfigSchema.parse({ enabled: true, imap: imapConfig(mail.imap), smtp: smtpConfig() });
    const channel = createEmailChannel({ config, sink, state: new MemoryPollState(), logger: new MemoryLogger() });
    const sent = await channel.sender.sendReply(reply({ subject: 'Não recebi a cobrança — ação urgente', inReplyTo: ROOT, references: [] }));
    if (!sent.ok) throw new Error(sent.reason);
    const agentCopy = mail.smtp.messages.at(-1);
    const agentMail = await simpleParser(agentCopy?.raw ?? Buffer.alloc(0));
    expect(agentMail.references).toBe(ROOT);

    // The customer's mailer answers it the usual way: In-Reply-To = ours, References = ours + our id.
    const customer = nodemailer.createTransport({ host: mail.smtp.host, port: mail.smtp.port, secure: false, auth: { user: mail.smtp.user, pass: mail.smtp.password } });
    await customer.sendMail({
      from: { name: 'Maria José Conceição', address: 'maria@cliente.example' },
      to: 'suporte@atende.example',
      subject: agentMail.subject ?? '',
      text: 'Recebi, obrigada! Pagamento feito às 14h.',
      messageId: '<answer-3@cliente.example>',
      inReplyTo: sent.messageId,
      references: [ROOT, sent.messageId],
    });
    customer.close();

    channel.start();
    await sink.waitForAccepted(1);
    await channel.stop();
    // The mailbox also holds the agent replies the relay delivered there: those are not customer mail.
    expect(sink.accepted.map((m) => m.externalId)).toEqual(['<answer-3@cliente.example>']);
    const answer = sink.byId('<answer-3@cliente.example>');
    expect(answer.conversationId).toBe(ROOT);
    expect(answer.inReplyTo).toEqual([sent.messageId, ROOT]);
    expect(answer.subject).toBe('Re: Não recebi a cobrança — ação urgente');
    expect(answer.text).toContain('Pagamento feito às 14h.');
  });

  it('keeps References within what the core sent and never repeats an id', async () => {
    const sender = new EmailSender({ config: smtpConfig(), logger: new MemoryLogger() });
    const sent = await sender.sendReply(
      reply({ inReplyTo: 'answer-3@cliente.example', references: [ROOT, '<agent-x@atende.example>', '<answer-3@cliente.example>'] }),
    );
    sender.close();
    expect(sent.ok).toBe(true);
    const parsed = await simpleParser(mail.smtp.messages.at(-1)?.raw ?? Buffer.alloc(0));
    expect(parsed.inReplyTo).toBe('<answer-3@cliente.example>');
    expect(parsed.references).toEqual([ROOT, '<agent-x@atende.example>', '<answer-3@cliente.example>']);
  });

  it('reports expected failures as values: no address, wrong channel, bad login, relay down', async () => {
    const logger = new MemoryLogger();
    const sender = new EmailSender({ config: smtpConfig(), logger });
    expect(await sender.sendReply(reply({ to: { name: 'Sem E-mail', phone: '+5511999990000', email: null, handle: null } }))).toEqual({
      ok: false,
      reason: 'the customer has no e-mail address',
    });
    expect(await sender.sendReply(reply({ channel: 'whatsapp' }))).toMatchObject({ ok: false });
    sender.close();

    const wrongPassword = new EmailSender({ config: smtpConfig({ password: 'errada' }), logger });
    const denied = await wrongPassword.sendReply(reply());
    expect(denied.ok).toBe(false);
    expect(denied.ok ? '' : denied.reason).toMatch(/^smtp: .*Invalid (login|username)/i);
    wrongPassword.close();

    const down = new EmailSender({ config: smtpConfig({ port: 1 }), logger });
    const unreachable = await down.sendReply(reply());
    expect(unreachable).toMatchObject({ ok: false });
    expect(unreachable.ok ? '' : unreachable.reason).toMatch(/ECONNREFUSED/);
    down.close();
  });
});
