import { z } from 'zod';
import { AttachmentMetaSchema } from './interaction';

/** Channels a connector can deliver through `POST /channels/inbound` (voice comes through CTI). */
export const InboundChannelSchema = z.enum(['email', 'chat', 'whatsapp', 'social', 'web']);
export type InboundChannel = z.infer<typeof InboundChannelSchema>;

/**
 * One inbound customer message from a channel connector (chat, WhatsApp, social, web form) or the
 * e-mail connector. Idempotent on `externalId`; threads on `conversationId` (chat/WhatsApp thread
 * id, or for e-mail the Message-ID of the thread's first message).
 */
export const InboundMessageSchema = z.object({
  channel: InboundChannelSchema,
  /** The channel's conversation/thread id. */
  conversationId: z.string().trim().min(1).max(500),
  /** The channel's id of this message: a repeat delivery is ignored. */
  externalId: z.string().trim().min(1).max(500),
  sender: z
    .object({
      name: z.string().trim().max(200).optional(),
      phone: z.string().trim().max(40).optional(),
      email: z.email().max(254).optional(),
      /** Social handle (e.g. @cliente). */
      handle: z.string().trim().max(100).optional(),
    })
    .refine((s) => Boolean(s.phone || s.email || s.handle), { message: 'sender needs a phone, an e-mail or a handle' }),
  /** Subject (e-mail) — a new ticket's subject; otherwise derived from the text. */
  subject: z.string().trim().max(300).optional(),
  text: z.string().max(100_000),
  /** E-mail HTML body as received; always sanitized before display. */
  html: z.string().max(200_000).optional(),
  attachments: z.array(AttachmentMetaSchema).max(50).default([]),
  /** When the customer sent it (ISO instant). */
  sentAt: z.iso.datetime({ offset: true }),
  /** E-mail threading: Message-IDs this message answers (In-Reply-To first, then References). */
  inReplyTo: z.array(z.string().max(500)).max(100).default([]),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;
export type InboundMessageInput = z.input<typeof InboundMessageSchema>;

/** What intake did with a message. */
export type IntakeResult =
  | {
      ok: true;
      duplicate: boolean;
      ticketId: string;
      ticketNumber: number;
      customerId: string;
      interactionId: string;
      created: boolean;
      /** Set when the message was a score that answered the ticket's open survey. */
      surveyAnswered?: { surveyId: string; kind: 'csat' | 'nps'; score: number };
    }
  | { ok: false; reason: string };

/**
 * An agent reply going out through the ticket's channel: sent by SMTP for e-mail, or POSTed
 * (signed like inbound) to the connector URL for the other channels.
 */
export const OutboundMessageSchema = z.object({
  channel: InboundChannelSchema,
  conversationId: z.string(),
  ticketId: z.string(),
  ticketNumber: z.number().int(),
  interactionId: z.string(),
  to: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), handle: z.string().nullable() }),
  subject: z.string(),
  text: z.string(),
  /** E-mail threading headers for the reply. */
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  sentAt: z.string(),
  author: z.string(),
});
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;
