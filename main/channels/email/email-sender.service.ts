import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { OutboundMessageSchema, type OutboundMessage } from '../../../shared/schemas/intake';
import type { EmailSmtpConfig } from './email-config.schema';
import type { ChannelLogger } from './email-channel.types';
import { replySubject } from './email-reply-subject.helper';
import { messageIdsIn, normalizeMessageId } from './email-thread-ids.helper';

/** The generated Message-ID is returned so the core stores it: the customer's answer will cite it. */
export type SendReplyResult = { ok: true; messageId: string } | { ok: false; reason: string };

export interface EmailSenderOptions {
  config: EmailSmtpConfig;
  logger: ChannelLogger;
}

const TIMEOUT_MS = 30_000;

/**
 * Sends agents' replies through the SMTP relay as threaded UTF-8 mail: `Re:` subject, In-Reply-To,
 * and References that start with the thread root (the e-mail conversationId), so every mailer
 * and our own poller file the reply and the answer to it under the same conversation.
 */
export class EmailSender {
  private readonly transport;

  constructor(private readonly options: EmailSenderOptions) {
    const { config } = options;
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user !== '' ? { auth: { user: config.user, pass: config.password } } : {}),
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
  }

  /** Sends one reply. Expected failures (no address, relay refused or unreachable) come back as values. */
  async sendReply(out: OutboundMessage): Promise<SendReplyResult> {
    const parsed = OutboundMessageSchema.safeParse(out);
    if (!parsed.success) return { ok: false, reason: `invalid outbound message: ${parsed.error.message}` };
    const message = parsed.data;
    if (message.channel !== 'email') return { ok: false, reason: `not an e-mail reply (channel ${message.channel})` };
    const to = message.to.email?.trim();
    if (!to) return { ok: false, reason: 'the customer has no e-mail address' };

    const { from } = this.options.config;
    const domain = from.address.split('@')[1] ?? 'atende.invalid';
    const messageId = `<${randomUUID()}@${domain}>`;
    const inReplyTo = normalizeMessageId(message.inReplyTo ?? undefined);
    // Root first (RFC 5322 §3.6.4 keeps the first entry when a list is trimmed), parent last.
    const references = [...new Set([...messageIdsIn(message.conversationId), ...messageIdsIn(message.references), ...(inReplyTo ? [inReplyTo] : [])])];
    const sentAt = new Date(message.sentAt);

    try {
      const info = await this.transport.sendMail({
        from: from.name !== '' ? { name: from.name, address: from.address } : from.address,
        to: message.to.name.trim() !== '' ? { name: message.to.name.trim(), address: to } : to,
        subject: replySubject(message.subject),
        text: message.text,
        messageId,
        ...(inReplyTo ? { inReplyTo } : {}),
        ...(references.length > 0 ? { references } : {}),
        ...(Number.isNaN(sentAt.getTime()) ? {} : { date: sentAt }),
      });
      if (info.rejected.length > 0) return { ok: false, reason: `relay rejected ${info.rejected.map(String).join(', ')}` };
      this.options.logger.info('email reply sent', { ticketNumber: message.ticketNumber, messageId });
      return { ok: true, messageId };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.warn('email reply not sent', { ticketNumber: message.ticketNumber, reason });
      return { ok: false, reason: `smtp: ${reason}` };
    }
  }

  /** Closes pooled SMTP connections (none are kept by default). */
  close(): void {
    this.transport.close();
  }
}
