import type { OutboundMessage } from '../../shared/schemas';
import { WebhookSender } from '../channels/outbound/webhook-sender';
import type { Services } from '../domain/services';
import type { ConnectorOptions, OutboundSend } from './connectors';
import type { Logger } from './logger';

interface Invite {
  surveyId: string;
  kind: 'csat' | 'nps';
  token: string;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** The invitation text (pt-BR, customer-facing): the CSAT link, and the NPS one when asked too. */
export function inviteText(customerName: string, ticketNumber: number, links: { csat?: string; nps?: string }): string {
  const hello = firstName(customerName) ? `Olá, ${firstName(customerName)}!` : 'Olá!';
  const lines = [hello];
  if (links.csat) lines.push(`Como foi o seu atendimento #${ticketNumber}? Responda a esta mensagem com uma nota de 1 (muito ruim) a 5 (excelente), ou pelo link: ${links.csat}`);
  if (links.nps) lines.push(`E, de 0 a 10, quanto você nos recomendaria a um amigo? Responda com a nota ou pelo link: ${links.nps}`);
  return lines.join('\n\n');
}

/** The message that carries a ticket's survey links through its channel; null when it has none (phone). */
function inviteMessage(services: Services, ticketId: string, invites: readonly Invite[], base: string): OutboundMessage | null {
  const ticket = services.store.tickets.get(ticketId);
  if (!ticket || ticket.channel === 'phone' || !ticket.externalThreadId) return null;
  const customer = services.store.customers.get(ticket.requesterId);
  const prefix = `${ticket.channel}:`;
  const conversationId = ticket.externalThreadId.startsWith(prefix) ? ticket.externalThreadId.slice(prefix.length) : ticket.externalThreadId;
  const url = (token: string) => `${base.replace(/\/+$/, '')}/surveys/${token}`;
  const csat = invites.find((i) => i.kind === 'csat');
  const nps = invites.find((i) => i.kind === 'nps');
  const inbound = services.store.interactions
    .byIndex('ticket', ticketId)
    .filter((i) => i.direction === 'inbound' && i.externalId?.startsWith(prefix))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((i) => (i.externalId as string).slice(prefix.length));
  return {
    channel: ticket.channel,
    conversationId,
    ticketId,
    ticketNumber: ticket.number,
    // The first survey's id: unique, so a connector can deliver the invitation once.
    interactionId: (csat ?? nps ?? invites[0])?.surveyId ?? ticketId,
    to: { name: customer?.name ?? '', phone: customer?.phones[0] ?? null, email: customer?.emails[0] ?? null, handle: customer?.handles?.find((h) => h.startsWith(prefix))?.slice(prefix.length) ?? null },
    subject: `Pesquisa de satisfação — atendimento #${ticket.number}`,
    text: inviteText(customer?.name ?? '', ticket.number, { ...(csat ? { csat: url(csat.token) } : {}), ...(nps ? { nps: url(nps.token) } : {}) }),
    inReplyTo: inbound.at(-1) ?? null,
    references: [...new Set([conversationId, ...inbound])],
    sentAt: new Date().toISOString(),
    author: 'Atende',
  };
}

/**
 * Sends each new survey's link to the customer through the ticket's channel (e-mail by SMTP, the
 * others by the connector webhook), in one message per ticket. The plain token exists only in the
 * `surveyCreated` event and in this message; it is never stored. Needs the public survey address
 * (`surveys.settings.publicUrl`); without it, or for phone tickets, nothing is sent (a supervisor
 * can still make a link on the ticket).
 */
export function startSurveyInvites(services: Services, log: Logger, opts: ConnectorOptions): () => void {
  const webhook = opts.connectorUrl && opts.secret ? new WebhookSender({ url: opts.connectorUrl, secret: opts.secret }) : null;
  const pending = new Map<string, Invite[]>();
  const flush = (ticketId: string) => {
    const invites = pending.get(ticketId) ?? [];
    pending.delete(ticketId);
    const base = services.surveys.settings().publicUrl;
    if (!base) {
      log.info('survey created, not sent: no public survey address configured', { ticketId });
      return;
    }
    const message = inviteMessage(services, ticketId, invites, base);
    if (!message) return;
    const send: OutboundSend | null = message.channel === 'email' ? (opts.sendEmail ?? null) : webhook ? (m) => webhook.send(m) : null;
    if (!send) {
      log.warn('survey not sent: no connector configured for the channel', { channel: message.channel, ticket: message.ticketNumber });
      return;
    }
    void send(message).then(
      (r) => {
        if (!r.ok) log.error('survey delivery failed', { ticket: message.ticketNumber, reason: r.reason });
      },
      (err: unknown) => log.error('survey delivery failed', { ticket: message.ticketNumber, reason: (err as Error).message }),
    );
  };
  return services.bus.on('surveyCreated', ({ surveyId, ticketId, kind, token }) => {
    if (!ticketId) return;
    const list = pending.get(ticketId);
    if (list) {
      list.push({ surveyId, kind, token });
      return;
    }
    pending.set(ticketId, [{ surveyId, kind, token }]);
    // The surveys of one solve are announced together: send them in one message.
    queueMicrotask(() => flush(ticketId));
  });
}
