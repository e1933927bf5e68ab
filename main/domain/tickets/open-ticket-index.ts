import { OPEN_STATUSES, type Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { foldText } from '../customers/customers.service';
import { compareQueue } from './tickets.service';

/**
 * An open ticket in queue order, with what queue filters test copied flat beside it (one object
 * per entry, no pointer chasing in the hot loop) and its search text folded once.
 */
export interface OpenEntry {
  ticket: Ticket;
  status: Ticket['status'];
  /** Team id, or `none` for the general queue. */
  team: string;
  /** Assignee id, or `unassigned`. */
  assignee: string;
  channel: Ticket['channel'];
  priority: Ticket['priority'];
  merged: boolean;
  /** Subject and customer name, lower-case without accents. */
  text: string;
}

const open: ReadonlySet<string> = new Set(OPEN_STATUSES);

/**
 * Every open ticket kept in queue order (SLA urgency, priority, age), maintained incrementally
 * from the store's commit feed: a change moves one entry (binary search + splice) instead of
 * re-sorting. Queue pages then walk an already ordered list.
 */
export class OpenTicketIndex {
  private readonly sorted: OpenEntry[] = [];
  private readonly byId = new Map<string, OpenEntry>();
  private readonly stop: () => void;

  constructor(private readonly store: Store) {
    for (const t of store.tickets.values()) if (open.has(t.status)) this.sorted.push(this.entry(t));
    this.sorted.sort((a, b) => compareQueue(a.ticket, b.ticket));
    for (const e of this.sorted) this.byId.set(e.ticket.id, e);
    this.stop = store.onCommit((changes) => {
      for (const c of changes) if (c.collection === 'tickets') this.refresh(c.id);
    });
  }

  /** Open tickets in queue order. Do not mutate. */
  entries(): readonly OpenEntry[] {
    return this.sorted;
  }

  get size(): number {
    return this.sorted.length;
  }

  dispose(): void {
    this.stop();
  }

  /** Re-reads one ticket from the store and moves, adds or drops its entry. */
  refresh(id: string): void {
    const previous = this.byId.get(id);
    if (previous) {
      const at = this.position(previous.ticket);
      if (this.sorted[at]?.ticket.id === id) this.sorted.splice(at, 1);
      else this.sorted.splice(this.sorted.indexOf(previous), 1); // defensive: order key changed in place
      this.byId.delete(id);
    }
    const current = this.store.tickets.get(id);
    if (!current || !open.has(current.status)) return;
    const entry = this.entry(current);
    this.sorted.splice(this.position(current), 0, entry);
    this.byId.set(id, entry);
  }

  /** First index whose ticket does not sort before `t` (compareQueue is a total order). */
  private position(t: Ticket): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareQueue((this.sorted[mid] as OpenEntry).ticket, t) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private entry(t: Ticket): OpenEntry {
    return {
      ticket: t,
      status: t.status,
      team: t.teamId ?? 'none',
      assignee: t.assigneeId ?? 'unassigned',
      channel: t.channel,
      priority: t.priority,
      merged: t.mergedInto !== null,
      text: `${foldText(t.subject)} ${foldText(this.store.customers.get(t.requesterId)?.name ?? '')}`,
    };
  }
}
