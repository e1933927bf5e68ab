import type { OutboundMessage } from '../../shared/schemas';
import { WebhookSender } from '../channels/outbound/webhook-sender';
import type { Services } from '../domain/services';
import type { Logger } from './logger';

/** Sends one outbound message through a channel (e-mail by SMTP; the others by webhook). */
export type OutboundSend = (message: OutboundMessage) => Promise<{ ok: boolean; reason?: string }>;

export interface ConnectorOptions {
  /** Webhook of the chat/WhatsApp/social/web connector. */
  connectorUrl?: string | undefined;
  secret?: string | undefined;
  /** E-mail replies (the SMTP sender of the e-mail connector), when configured. */
  sendEmail?: OutboundSend;
}

/** Builds what a connector needs to deliver an agent reply: recipient, threading, text. */
export function outboundMessageFor(services: Services, ticketId: string, interactionId: string): OutboundMessage | null {
  const ticket = services.store.tickets.get(ticketId);
  const reply = services.store.interactions.get(interactionId);
  if (!ticket || !reply || ticket.channel === 'phone' || !ticket.externalThreadId) return null;
  const customer = services.store.customers.get(ticket.requesterId);
  const prefix = `${ticket.channel}:`;
  const conversationId = ticket.externalThreadId.startsWith(prefix) ? ticket.externalThreadId.slice(prefix.length) : ticket.externalThreadId;
  // E-mail threading: the reply answers the customer's latest message and references the thread.
  const inbound = services.store.interactions
    .byIndex('ticket', ticketId)
    .filter((i) => i.direction === 'inbound' && i.externalId?.startsWith(prefix))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ids = inbound.map((i) => (i.externalId as string).slice(prefix.length));
  const handle = customer?.handles?.find((h) => h.startsWith(prefix))?.slice(prefix.length) ?? null;
  return {
    channel: ticket.channel,
    conversationId,
    ticketId,
    ticketNumber: ticket.number,
    interactionId,
    to: { name: customer?.name ?? '', phone: customer?.phones[0] ?? null, email: customer?.emails[0] ?? null, handle },
    subject: ticket.subject,
    text: reply.body,
    inReplyTo: ids.at(-1) ?? null,
    references: [...new Set([conversationId, ...ids])],
    sentAt: reply.createdAt,
    author: reply.authorName,
  };
}

/**
 * Sends every agent reply out through its ticket's channel, off the request path (the reply is
 * stored first; delivery retries on its own). Returns a stop function.
 */
export function startOutboundConnectors(services: Services, log: Logger, opts: ConnectorOptions): () => void {
  const webhook = opts.connectorUrl && opts.secret ? new WebhookSender({ url: opts.connectorUrl, secret: opts.secret }) : null;
  return services.bus.on('agentReply', ({ ticketId, interactionId }) => {
    const message = outboundMessageFor(services, ticketId, interactionId);
    if (!message) return;
    const send: OutboundSend | null = message.channel === 'email' ? (opts.sendEmail ?? null) : webhook ? (m) => webhook.send(m) : null;
    if (!send) {
      log.warn('reply not sent: no connector configured for the channel', { channel: message.channel, ticket: message.ticketNumber });
      return;
    }
    void send(message).then(
      (r) => {
        if (!r.ok) log.error('reply delivery failed', { channel: message.channel, ticket: message.ticketNumber, reason: r.reason });
      },
      (err: unknown) => log.error('reply delivery failed', { channel: message.channel, ticket: message.ticketNumber, reason: (err as Error).message }),
    );
  });
}
