import type { AuditEvent } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { foldText } from '../customers/customers.service';

/** What `AuditLog.search` filters on; every field narrows the result. */
export interface AuditQuery {
  entity?: string;
  entityId?: string;
  /** An exact action (`ticket.update`), or a prefix ending in "." (`customer.`). */
  action?: string;
  actorId?: string;
  /** ISO datetimes, both inclusive. */
  from?: string;
  to?: string;
  /** Matched against entity id, actor name and reason, ignoring case and accents. */
  text?: string;
  /** Position after which to continue (from a previous page's `nextCursor`). */
  after?: AuditPosition;
  limit: number;
}

/** A place in the newest-first order: the `at` and id of the last event of a page. */
export interface AuditPosition {
  at: string;
  id: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Where the next page starts, or null when this page reached the oldest match. */
  next: AuditPosition | null;
}

/** Total order of events: by `at`, ties by id (ISO strings of one clock compare as text). */
function compare(a: AuditPosition, b: AuditPosition): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The audit collection kept in time order, for paged searches newest first. Built on the first
 * search (not at start-up) and then kept up to date from the commit feed: events are appended in
 * time order, so a new one is nearly always pushed at the end; anything else (a deleted or
 * rewritten event) drops the order and the next search rebuilds it.
 */
export class AuditLog {
  /** Oldest first; null until needed or after a change that is not an append. */
  private sorted: AuditEvent[] | null = null;
  private actionCounts: Map<string, number> | null = null;
  private readonly stop: () => void;

  constructor(private readonly store: Store) {
    this.stop = store.onCommit((changes) => {
      for (const c of changes) if (c.collection === 'audit') this.onChange(c.id);
    });
  }

  dispose(): void {
    this.stop();
  }

  /** One page of events matching `query`, newest first; walks back from the cursor, never sorts. */
  search(query: AuditQuery): AuditPage {
    const sorted = this.ordered();
    const text = query.text ? foldText(query.text.trim()) : '';
    const prefix = query.action?.endsWith('.') ? query.action : null;
    // Start just below the cursor (or at the newest event) and skip everything newer than `to`.
    let i = query.after ? this.lowerBound(query.after) - 1 : sorted.length - 1;
    if (query.to) i = Math.min(i, this.lowerBound({ at: query.to, id: '\uffff' }) - 1);
    const events: AuditEvent[] = [];
    for (; i >= 0; i--) {
      const e = sorted[i] as AuditEvent;
      if (query.from && e.at < query.from) break;
      if (query.entity && e.entity !== query.entity) continue;
      if (query.entityId && e.entityId !== query.entityId) continue;
      if (query.actorId && e.actorId !== query.actorId) continue;
      if (query.action && (prefix ? !e.action.startsWith(prefix) : e.action !== query.action)) continue;
      if (text && !matchesText(e, text)) continue;
      if (events.length === query.limit) return { events, next: positionOf(events[events.length - 1] as AuditEvent) };
      events.push(e);
    }
    return { events, next: null };
  }

  /** Distinct action names present in the log, sorted. */
  actions(): string[] {
    if (!this.actionCounts) {
      const counts = new Map<string, number>();
      for (const e of this.store.audit.values()) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
      this.actionCounts = counts;
    }
    return [...this.actionCounts.keys()].sort();
  }

  private ordered(): AuditEvent[] {
    if (!this.sorted) this.sorted = [...this.store.audit.values()].sort(compare);
    return this.sorted;
  }

  /** First index whose event does not sort before `p`. */
  private lowerBound(p: AuditPosition): number {
    const sorted = this.ordered();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(sorted[mid] as AuditEvent, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private onChange(id: string): void {
    const event = this.store.audit.get(id);
    const sorted = this.sorted;
    const last = sorted?.[sorted.length - 1];
    if (sorted && event && (!last || compare(last, event) < 0)) sorted.push(event);
    else this.sorted = null;
    // An append only adds to the counts; anything else recounts when next asked.
    if (this.actionCounts && event && sorted && sorted[sorted.length - 1] === event) {
      this.actionCounts.set(event.action, (this.actionCounts.get(event.action) ?? 0) + 1);
    } else {
      this.actionCounts = null;
    }
  }
}

function positionOf(e: AuditEvent): AuditPosition {
  return { at: e.at, id: e.id };
}

function matchesText(e: AuditEvent, folded: string): boolean {
  return (
    (e.entityId !== null && foldText(e.entityId).includes(folded)) || foldText(e.actorName).includes(folded) || (e.reason !== null && foldText(e.reason).includes(folded))
  );
}
