import type { ParsedMail } from 'mailparser';
import { InboundMessageSchema, type InboundMessage } from '../../../shared/schemas/intake';
import { threadIdsOf } from './email-thread-ids.helper';

/** InboundMessage limits (shared/schemas/intake.ts, interaction.ts). */
const MAX_SUBJECT = 300;
const MAX_TEXT = 100_000;
const MAX_HTML = 200_000;
const MAX_ATTACHMENTS = 50;

export interface InboundMappingContext {
  /** Stands in for a missing Message-ID; derived from the raw bytes so a re-fetch maps the same. */
  fallbackMessageId: string;
  /** When the mailbox got it (IMAP INTERNALDATE): the send time when the Date header is missing. */
  receivedAt: Date;
}

export type InboundMappingResult =
  | { ok: true; message: InboundMessage; warnings: string[] }
  | { ok: false; reason: string };

/**
 * Maps a parsed e-mail (mailparser, already charset- and transfer-decoded) to the core's
 * InboundMessage: sender, decoded subject, text (the text/plain part, else mailparser's text
 * rendering of the HTML), the HTML as received, attachment metadata (never content) and the
 * threading ids. A mail that cannot become a valid InboundMessage is a `{ ok: false }` value.
 */
export function toInboundMessage(mail: ParsedMail, context: InboundMappingContext): InboundMappingResult {
  const from = firstMailbox(mail);
  if (!from) return { ok: false, reason: 'no sender address (From)' };
  const ids = threadIdsOf(mail, context.fallbackMessageId);
  if (!ids) return { ok: false, reason: 'no usable Message-ID' };

  const warnings: string[] = [];
  const subject = mail.subject?.trim().slice(0, MAX_SUBJECT);
  let text = mail.text ?? '';
  if (text.length > MAX_TEXT) {
    warnings.push(`text cut from ${text.length} to ${MAX_TEXT} characters`);
    text = text.slice(0, MAX_TEXT);
  }
  let html = typeof mail.html === 'string' && mail.html.trim() !== '' ? mail.html : undefined;
  // Cutting HTML would leave broken markup; the text carries the content, so drop it whole instead.
  if (html !== undefined && html.length > MAX_HTML) {
    warnings.push(`html of ${html.length} characters dropped (limit ${MAX_HTML})`);
    html = undefined;
  }
  if (mail.attachments.length > MAX_ATTACHMENTS) {
    warnings.push(`only the first ${MAX_ATTACHMENTS} of ${mail.attachments.length} attachments listed`);
  }
  const attachments = mail.attachments.slice(0, MAX_ATTACHMENTS).map((a, index) => ({
    name: (a.filename ?? `attachment-${index + 1}`).slice(0, 255),
    contentType: a.contentType.slice(0, 120),
    size: a.size,
    url: null,
  }));
  const sentAt = dateHeader(mail) ?? context.receivedAt;

  const parsed = InboundMessageSchema.safeParse({
    channel: 'email',
    conversationId: ids.conversationId,
    externalId: ids.messageId,
    sender: { email: from.address, ...(from.name ? { name: from.name.slice(0, 200) } : {}) },
    ...(subject ? { subject } : {}),
    text,
    ...(html !== undefined ? { html } : {}),
    attachments,
    sentAt: sentAt.toISOString(),
    inReplyTo: ids.inReplyTo,
  });
  if (!parsed.success) {
    return { ok: false, reason: `not a valid inbound message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  return { ok: true, message: parsed.data, warnings };
}

/**
 * The Date header, read from the raw line because mailparser substitutes the current time for a
 * missing or unparsable one; null then, so the mailbox's arrival time is used instead.
 */
function dateHeader(mail: ParsedMail): Date | null {
  const line = mail.headerLines.find((h) => h.key === 'date')?.line;
  if (!line) return null;
  const at = new Date(line.slice(line.indexOf(':') + 1).replace(/\s+/g, ' ').trim());
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The first real mailbox of From (a group's first member counts), or null. */
function firstMailbox(mail: ParsedMail): { address: string; name: string } | null {
  const entries = mail.from?.value ?? [];
  for (const entry of entries) {
    const candidates = entry.group ?? [entry];
    for (const c of candidates) {
      if (c.address) return { address: c.address.trim(), name: c.name.trim() };
    }
  }
  return null;
}
