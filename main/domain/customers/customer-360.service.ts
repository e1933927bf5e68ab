import { maskCpf } from '../../../shared/br/cpf';
import { OPEN_STATUSES, type Customer, type Interaction, type Order, type Survey, type Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Clock } from '../shared/clock';
import { slaDueAt } from '../tickets/tickets.service';

/** A customer as agents see it: CPF masked (LGPD) unless revealed through an audited call. */
export type MaskedCustomer = Omit<Customer, 'cpf'> & { cpfMasked: string | null; hasCpf: boolean };

export interface Customer360TicketSummary {
  id: string;
  number: number;
  subject: string;
  channel: Ticket['channel'];
  status: Ticket['status'];
  priority: Ticket['priority'];
  createdAt: string;
  updatedAt: string;
  solvedAt: string | null;
  slaDueAt: string | null;
  slaPaused: boolean;
}

export interface Customer360TimelineEntry {
  id: string;
  at: string;
  kind: Interaction['kind'];
  direction: Interaction['direction'];
  channel: Interaction['channel'];
  ticketId: string | null;
  ticketNumber: number | null;
  authorName: string;
  /** Plain-text excerpt (e-mail HTML reduced to text). */
  body: string;
  call: Interaction['call'];
  event: Interaction['event'];
}

export interface Customer360 {
  customer: MaskedCustomer;
  /** What happened last, for the strip at the top: the newest interaction and its ticket. */
  lastContact: Customer360TimelineEntry | null;
  openTickets: Customer360TicketSummary[];
  recentTickets: Customer360TicketSummary[];
  timeline: Customer360TimelineEntry[];
  surveys: Pick<Survey, 'id' | 'kind' | 'ticketId' | 'score' | 'comment' | 'answeredAt' | 'sentAt'>[];
  orders: Order[];
  stats: { tickets: number; openTickets: number; csatAverage: number | null; csatAnswers: number; interactions: number; firstContactAt: string | null };
}

const TIMELINE_LIMIT = 100;
const RECENT_TICKETS = 20;
const ORDERS_LIMIT = 20;
const EXCERPT = 600;

export function maskCustomer(c: Customer): MaskedCustomer {
  const { cpf, ...rest } = c;
  return { ...rest, cpfMasked: cpf ? maskCpf(cpf) : null, hasCpf: cpf !== null };
}

/**
 * The customer 360° payload: profile, every ticket and interaction across channels (newest first),
 * open tickets with SLA, survey history and orders. Built from the per-customer indexes only, so its
 * cost follows the customer's history, not the store's size.
 */
export class Customer360Service {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  view(customerId: string): Customer360 | null {
    const customer = this.store.customers.get(customerId);
    if (!customer) return null;
    const tickets = this.store.tickets.byIndex('requester', customerId);
    const numbers = new Map(tickets.map((t) => [t.id, t.number]));
    const interactions = this.store.interactions.byIndex('customer', customerId).filter((i) => i.kind !== 'event');
    const newestFirst = topBy(interactions, TIMELINE_LIMIT, (i) => i.createdAt);
    const timeline = newestFirst.map((i) => this.entry(i, numbers));
    const summaries = tickets.map(summary).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const surveys = this.store.surveys
      .byIndex('customer', customerId)
      .map(({ id, kind, ticketId, score, comment, answeredAt, sentAt }) => ({ id, kind, ticketId, score, comment, answeredAt, sentAt }))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    const csat = surveys.filter((s) => s.kind === 'csat' && s.score !== null);
    const orders = topBy(this.store.orders.byIndex('customer', customerId), ORDERS_LIMIT, (o) => o.placedAt);
    const oldest = interactions.reduce<string | null>((min, i) => (min === null || i.createdAt < min ? i.createdAt : min), null);
    const now = this.clock.now().toISOString();
    return {
      customer: maskCustomer(customer),
      lastContact: timeline.find((e) => e.at <= now) ?? null,
      openTickets: summaries.filter((t) => OPEN_STATUSES.includes(t.status)).sort((a, b) => (a.slaDueAt ?? '9').localeCompare(b.slaDueAt ?? '9')),
      recentTickets: summaries.slice(0, RECENT_TICKETS),
      timeline,
      surveys,
      orders,
      stats: {
        tickets: tickets.length,
        openTickets: tickets.filter((t) => OPEN_STATUSES.includes(t.status)).length,
        csatAverage: csat.length > 0 ? Math.round((csat.reduce((s, x) => s + (x.score ?? 0), 0) / csat.length) * 10) / 10 : null,
        csatAnswers: csat.length,
        interactions: interactions.length,
        firstContactAt: oldest,
      },
    };
  }

  private entry(i: Interaction, numbers: Map<string, number>): Customer360TimelineEntry {
    const text = i.bodyFormat === 'html' ? htmlToText(i.body) : i.body;
    return {
      id: i.id,
      at: i.createdAt,
      kind: i.kind,
      direction: i.direction,
      channel: i.channel,
      ticketId: i.ticketId,
      ticketNumber: i.ticketId ? (numbers.get(i.ticketId) ?? this.store.tickets.get(i.ticketId)?.number ?? null) : null,
      authorName: i.authorName,
      body: text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text,
      call: i.call,
      event: i.event,
    };
  }
}

function summary(t: Ticket): Customer360TicketSummary {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    channel: t.channel,
    status: t.status,
    priority: t.priority,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    solvedAt: t.solvedAt,
    slaDueAt: OPEN_STATUSES.includes(t.status) ? slaDueAt(t) : null,
    slaPaused: t.sla.pausedSince !== null,
  };
}

/** The `n` records with the greatest key, greatest first. */
function topBy<T>(items: readonly T[], n: number, key: (x: T) => string): T[] {
  return [...items].sort((a, b) => key(b).localeCompare(key(a))).slice(0, n);
}

/** E-mail HTML reduced to text for an excerpt (shown as text, so nothing in it can run). */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
