import type { Interaction, Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';

/** Customer text used to match a ticket against articles and past tickets. */
const MAX_QUERY_CHARS = 1200;

/** Plain text of a message (e-mail HTML loses its tags; only used for matching, never shown). */
export function plainBody(i: Pick<Interaction, 'body' | 'bodyFormat'>): string {
  if (i.bodyFormat !== 'html') return i.body;
  return i.body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

const isCustomerMessage = (i: Interaction) => i.kind === 'message' && i.direction === 'inbound';
const isAgentReply = (i: Interaction) => i.kind === 'message' && i.direction === 'outbound';

/** Subject, category and the customer's first and latest messages (what the ticket is about). */
export function ticketQueryText(store: Store, ticket: Ticket): string {
  const inbound = store.interactions
    .byIndex('ticket', ticket.id)
    .filter((i) => isCustomerMessage(i) || (i.kind === 'call' && i.body))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const picked = inbound.length <= 3 ? inbound : [inbound[0] as Interaction, ...inbound.slice(-2)];
  const text = [ticket.subject, ticket.category ?? '', ...picked.map(plainBody)].join('\n');
  return text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text;
}

/** The reply that closed a ticket: the last public agent message up to its solve. */
export function resolutionReply(store: Store, ticket: Ticket): Interaction | undefined {
  const until = ticket.solvedAt ?? ticket.closedAt ?? null;
  return store.interactions
    .byIndex('ticket', ticket.id)
    .filter((i) => isAgentReply(i) && (until === null || i.createdAt <= until))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

export interface ArticleDraft {
  title: string;
  body: string;
  category: string | null;
  tags: string[];
  language: 'pt-BR' | 'en';
  sourceTicketId: string;
}

const HEADINGS = {
  'pt-BR': { problem: 'Problema', solution: 'Solução', none: '_Descreva aqui como o problema foi resolvido._' },
  en: { problem: 'Problem', solution: 'Solution', none: '_Describe here how the problem was solved._' },
} as const;

/**
 * "Create article from this ticket": the subject as title, the customer's first message as the
 * problem and the resolving reply as the solution, for the agent or editor to generalize (names
 * and order numbers are theirs to remove before publishing).
 */
export function ticketArticleDraft(store: Store, ticket: Ticket, language: 'pt-BR' | 'en'): ArticleDraft {
  const h = HEADINGS[language];
  const first = store.interactions
    .byIndex('ticket', ticket.id)
    .filter(isCustomerMessage)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  const resolution = resolutionReply(store, ticket);
  const quote = (text: string) => text.trim().split('\n').map((l) => `> ${l}`).join('\n');
  const body = [`## ${h.problem}`, '', first ? quote(plainBody(first)) : ticket.subject, '', `## ${h.solution}`, '', resolution ? plainBody(resolution).trim() : h.none, ''].join('\n');
  return { title: ticket.subject, body, category: ticket.category, tags: ticket.tags.filter((t) => t.length <= 40).slice(0, 10), language, sourceTicketId: ticket.id };
}
