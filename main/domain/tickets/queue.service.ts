import { OPEN_STATUSES, QueueFilterSchema, roleAtLeast, type PublicUser, type QueueFilter, type QueueFilterInput, type Ticket, type TicketStatus } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { foldText } from '../customers/customers.service';
import type { OpenEntry, OpenTicketIndex } from './open-ticket-index';
import { compareQueue, type TicketRow, type TicketsService } from './tickets.service';

export interface QueuePage {
  items: TicketRow[];
  total: number;
}

/** Who is looking: the queue's scope depends on the user's role and teams. */
export type QueueViewer = Pick<PublicUser, 'id' | 'role' | 'teamIds'>;

/**
 * The agent's queue: open tickets assigned to them plus unassigned tickets of their teams (or a
 * wider scope), filtered, searched and ordered by SLA urgency, priority and age. Open tickets come
 * already ordered from the OpenTicketIndex, so a page is one pass over them, never a sort; only a
 * filter on solved/closed tickets reads history.
 */
export class QueueService {
  constructor(
    private readonly store: Store,
    private readonly tickets: TicketsService,
    private readonly openIndex: OpenTicketIndex,
  ) {}

  page(viewer: QueueViewer, rawFilter: QueueFilterInput, limit: number, offset: number): QueuePage {
    const items: Ticket[] = [];
    let total = 0;
    this.scan(viewer, QueueFilterSchema.parse(rawFilter), (t) => {
      if (total >= offset && items.length < limit) items.push(t);
      total++;
    });
    return { items: items.map((t) => this.tickets.toRow(t)), total };
  }

  /** Number of tickets a filter matches (saved views show it). */
  count(viewer: QueueViewer, rawFilter: QueueFilterInput): number {
    let total = 0;
    this.scan(viewer, QueueFilterSchema.parse(rawFilter), () => total++);
    return total;
  }

  /** Calls `emit` for each matching ticket, in queue order. */
  private scan(viewer: QueueViewer, filter: QueueFilter, emit: (t: Ticket) => void): void {
    const lead = roleAtLeast(viewer.role, 'supervisor');
    const requested = filter.scope ?? (lead ? 'all' : 'mine');
    const scope = requested === 'all' && !lead ? 'teams' : requested;
    const statuses = new Set<TicketStatus>(filter.status.length > 0 ? filter.status : OPEN_STATUSES);
    const onlyOpen = [...statuses].every((s) => OPEN_STATUSES.includes(s));
    // Tickets without a team are the shared general queue: every agent may pick them up.
    const myTeams = new Set([...viewer.teamIds, 'none']);
    const teamFilter = new Set(filter.teamId);
    const channels = new Set(filter.channel);
    const priorities = new Set(filter.priority);
    const assignees = new Set(filter.assignee.map((a) => (a === 'me' ? viewer.id : a)));
    const text = parseText(filter.text);

    const me = viewer.id;
    const restrictChannel = channels.size > 0;
    const restrictPriority = priorities.size > 0;
    const restrictTeam = teamFilter.size > 0;
    const restrictAssignee = assignees.size > 0;
    const matches = (e: Pick<OpenEntry, 'status' | 'team' | 'assignee' | 'channel' | 'priority' | 'merged' | 'ticket'>, folded: string | null): boolean => {
      if (e.merged || !statuses.has(e.status)) return false;
      if (scope === 'mine' ? e.assignee !== me && !(e.assignee === 'unassigned' && myTeams.has(e.team)) : scope === 'teams' && e.assignee !== me && !myTeams.has(e.team)) return false;
      if (restrictTeam && !teamFilter.has(e.team)) return false;
      if (restrictChannel && !channels.has(e.channel)) return false;
      if (restrictPriority && !priorities.has(e.priority)) return false;
      if (filter.tag.length > 0 && !filter.tag.every((tag) => e.ticket.tags.includes(tag))) return false;
      if (restrictAssignee && !assignees.has(e.assignee)) return false;
      if (text && !matchesText(e.ticket, text, folded ?? this.foldedText(e.ticket))) return false;
      return true;
    };

    if (onlyOpen) {
      for (const e of this.openIndex.entries()) if (matches(e, e.text)) emit(e.ticket);
      return;
    }
    const found: Ticket[] = [];
    for (const t of this.store.tickets.values()) {
      const flat = { ticket: t, status: t.status, team: t.teamId ?? 'none', assignee: t.assigneeId ?? 'unassigned', channel: t.channel, priority: t.priority, merged: t.mergedInto !== null };
      if (matches(flat, null)) found.push(t);
    }
    found.sort(compareQueue);
    for (const t of found) emit(t);
  }

  private foldedText(t: Ticket): string {
    return `${foldText(t.subject)} ${foldText(this.store.customers.get(t.requesterId)?.name ?? '')}`;
  }
}

function matchesText(t: Ticket, text: { number: number | null; words: string[] }, folded: string): boolean {
  if (text.number !== null && t.number === text.number) return true;
  return text.words.length > 0 && text.words.every((w) => folded.includes(w));
}

/** `#123` or `123` searches a number (and, for plain digits, the text too); anything else words. */
function parseText(raw: string): { number: number | null; words: string[] } | null {
  const q = raw.trim();
  if (!q) return null;
  const numberMatch = /^#?(\d{1,9})$/.exec(q);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  const words = q.startsWith('#') && number !== null ? [] : foldText(q).split(/\s+/).filter(Boolean);
  return { number, words };
}
