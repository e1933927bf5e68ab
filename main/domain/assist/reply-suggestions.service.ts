import MiniSearch from 'minisearch';
import { foldAccents, processSearchTerm, splitWords } from '../../../shared/kb/text';
import type { Macro, PublicUser, Ticket } from '../../../shared/schemas';
import type { CommittedChange, Store } from '../../store/store';
import { plainBody, resolutionReply, ticketQueryText } from '../kb/ticket-text';
import { renderMacroBody } from '../macros/macros.service';

export interface ReplySuggestion {
  kind: 'reply' | 'macro';
  /** The text to put in the composer (macros already filled for this ticket). */
  text: string;
  /** 0…1, relative to the best match of this request. */
  score: number;
  /** Solved tickets whose resolving reply this was (most similar first). */
  sources: { ticketId: string; number: number; subject: string }[];
  macroId: string | null;
  macroName: string | null;
}

/** How many similar solved tickets are read per request. */
const NEIGHBOURS = 40;
/** Neighbours scoring below this share of the best one are left out. */
const MIN_RELATIVE_SIMILARITY = 0.05;
/** The best macro scores this against the best past reply (1): what solved similar tickets comes first. */
const MACRO_WEIGHT = 0.8;

const replyKey = (text: string) => foldAccents(text).replace(/\s+/g, ' ').trim().slice(0, 240);

/**
 * Suggested replies for an open ticket, offline: the replies that solved the most similar solved
 * tickets (text similarity of subject, category and customer messages over the local history),
 * grouped when the same reply solved several, plus the macros whose name and text match, ranked
 * together. The index of solved tickets is built on first use and then follows the store.
 */
export class ReplySuggestionsService {
  private index: MiniSearch<{ id: string; text: string }> | null = null;
  private readonly stop: () => void;

  constructor(private readonly store: Store) {
    this.stop = store.onCommit((changes) => this.onCommit(changes));
  }

  dispose(): void {
    this.stop();
  }

  private solvedWithReply(t: Ticket | undefined): t is Ticket {
    return Boolean(t && (t.status === 'solved' || t.status === 'closed') && !t.mergedInto && resolutionReply(this.store, t));
  }

  private build(): MiniSearch<{ id: string; text: string }> {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: splitWords, processTerm: processSearchTerm });
    const docs = [];
    for (const t of this.store.tickets.values()) if (this.solvedWithReply(t)) docs.push({ id: t.id, text: ticketQueryText(this.store, t) });
    mini.addAll(docs);
    return mini;
  }

  private onCommit(changes: readonly CommittedChange[]): void {
    if (!this.index) return;
    const touched = new Set<string>();
    for (const { collection, id } of changes) {
      if (collection === 'tickets') touched.add(id);
      else if (collection === 'interactions') {
        const ticketId = this.store.interactions.get(id)?.ticketId;
        if (ticketId) touched.add(ticketId);
      }
    }
    for (const id of touched) {
      const t = this.store.tickets.get(id);
      if (this.index.has(id)) this.index.discard(id);
      if (this.solvedWithReply(t)) this.index.add({ id, text: ticketQueryText(this.store, t) });
    }
  }

  /** Ranked suggestions for `ticketId` (null when the ticket does not exist). */
  suggest(ticketId: string, agent: Pick<PublicUser, 'displayName' | 'teamIds' | 'role'>, limit = 6): ReplySuggestion[] | null {
    const ticket = this.store.tickets.get(ticketId);
    if (!ticket) return null;
    this.index ??= this.build();
    const query = ticketQueryText(this.store, ticket);
    const found = this.index.search(query, { combineWith: 'OR' }).filter((r) => r.id !== ticketId);
    const top = found[0]?.score ?? 0;
    // A ticket that shares a word or two with this one is not similar: keep the close ones.
    const neighbours = found.filter((r) => r.score >= MIN_RELATIVE_SIMILARITY * top).slice(0, NEIGHBOURS);
    const groups = new Map<string, ReplySuggestion & { weight: number }>();
    for (const n of neighbours) {
      const t = this.store.tickets.get(n.id as string);
      const reply = t ? resolutionReply(this.store, t) : undefined;
      if (!t || !reply) continue;
      const text = plainBody(reply).trim();
      if (!text) continue;
      const key = replyKey(text);
      const group = groups.get(key) ?? { kind: 'reply' as const, text, score: 0, weight: 0, sources: [], macroId: null, macroName: null };
      // The best match counts fully; each further ticket the same reply solved adds a little.
      group.weight = group.weight === 0 ? n.score / top : group.weight + (0.15 * n.score) / top;
      if (group.sources.length < 5) group.sources.push({ ticketId: t.id, number: t.number, subject: t.subject });
      groups.set(key, group);
    }
    const best = Math.max(0, ...[...groups.values()].map((g) => g.weight));
    const replies = [...groups.values()].map(({ weight, ...s }) => ({ ...s, score: weight / best }));
    const macros = this.macroMatches(ticket, query, agent).filter((m) => !groups.has(replyKey(m.text)));
    return [...replies, ...macros].sort((a, b) => b.score - a.score || a.text.localeCompare(b.text)).slice(0, limit);
  }

  private macroMatches(ticket: Ticket, query: string, agent: Pick<PublicUser, 'displayName' | 'teamIds' | 'role'>): ReplySuggestion[] {
    const all = agent.role === 'agent';
    const macros = [...this.store.macros.values()].filter((m) => m.active && (!all || m.teamIds.length === 0 || m.teamIds.some((t) => agent.teamIds.includes(t))));
    if (macros.length === 0) return [];
    const mini = new MiniSearch<Macro>({ fields: ['name', 'body'], tokenize: splitWords, processTerm: processSearchTerm, searchOptions: { boost: { name: 2 } } });
    mini.addAll(macros.map((m) => ({ ...m, body: m.body.replace(/\{\{[^}]*\}\}/g, ' ') })));
    const hits = mini.search(query, { combineWith: 'OR' });
    const best = hits[0]?.score ?? 0;
    const customer = this.store.customers.get(ticket.requesterId);
    return hits.slice(0, 3).flatMap((h) => {
      const m = this.store.macros.get(h.id as string);
      if (!m) return [];
      return [{ kind: 'macro' as const, text: renderMacroBody(m.body, { ticket, customer, agent }), score: (MACRO_WEIGHT * h.score) / best, sources: [], macroId: m.id, macroName: m.name }];
    });
  }
}
