import { KpiAggregator, type BucketSize, type BusinessSecondsFn, type KpiOptions, type KpiAgentRow, type KpiFacts, type KpiFilters, type KpiId, type KpiRecords, type KpiSeriesPoint, type KpiSummary, type LocalDate } from '../../../shared/kpi';
import { roleAtLeast, type PublicUser } from '../../../shared/schemas';
import type { CommittedChange, Store } from '../../store/store';
import type { Clock } from '../shared/clock';

/** Who asks: agents get their own figures, supervisors their teams', admins everything. */
export type MetricsViewer = Pick<PublicUser, 'id' | 'role' | 'teamIds'>;

export interface MetricsPeriod {
  from: LocalDate;
  /** Exclusive. */
  to: LocalDate;
  filters?: KpiFilters;
}

/**
 * The KPI engine over the store: incremental aggregates built once at start from history and then
 * updated from the store's commit feed on every write (ticket, call, survey, agent state), so
 * summaries and series read daily sums, never raw history. Scoped by role.
 */
export class MetricsService {
  private aggregator: KpiAggregator;
  private readonly stop: () => void;
  /** Time the last full rebuild took (ms), for the benchmark and `kpi rebuild`. */
  lastRebuildMs = 0;
  /** The queue → team map the aggregates were built with (calls without a ticket count for their queue's team). */
  private queueTeams: Record<string, string> = {};

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: { timeZone: string; businessSeconds?: BusinessSecondsFn },
  ) {
    this.aggregator = new KpiAggregator(this.facts(), this.kpiOptions());
    this.rebuild();
    this.stop = store.onCommit((changes) => this.apply(changes));
  }

  /** Recomputes every aggregate from the raw records in the store. */
  rebuild(): void {
    const t0 = performance.now();
    this.queueTeams = this.currentQueueTeams();
    const next = new KpiAggregator(this.facts(), this.kpiOptions());
    next.rebuild(this.records());
    this.aggregator = next;
    this.lastRebuildMs = performance.now() - t0;
  }

  /** The raw history the KPIs derive from (for `rebuild` and reference computations). */
  records(): KpiRecords {
    return {
      tickets: [...this.store.tickets.values()],
      interactions: [...this.store.interactions.values()],
      surveys: [...this.store.surveys.values()],
      agentSpans: [...this.store.agentSpans.values()],
      agents: [...this.store.users.values()].map((u) => ({ id: u.id, teamIds: u.teamIds })),
    };
  }

  summary(viewer: MetricsViewer | null, period: MetricsPeriod): KpiSummary {
    return this.aggregator.summary({ from: period.from, to: period.to, asOf: this.clock.now().toISOString(), filters: this.scope(viewer, period.filters) });
  }

  series(viewer: MetricsViewer | null, period: MetricsPeriod & { bucket: BucketSize; kpis?: readonly KpiId[] }): KpiSeriesPoint[] {
    return this.aggregator.series({
      from: period.from,
      to: period.to,
      bucket: period.bucket,
      asOf: this.clock.now().toISOString(),
      filters: this.scope(viewer, period.filters),
      ...(period.kpis ? { kpis: period.kpis } : {}),
    });
  }

  agents(viewer: MetricsViewer | null, period: MetricsPeriod): KpiAgentRow[] {
    return this.aggregator.agents({ from: period.from, to: period.to, asOf: this.clock.now().toISOString(), filters: this.scope(viewer, period.filters) });
  }

  dispose(): void {
    this.stop();
  }

  /**
   * Narrows filters to what the viewer may see: an agent is pinned to themself, a supervisor to
   * their teams (a requested team outside them yields nothing), an admin (or the CLI, `null`) to
   * what was asked.
   */
  scope(viewer: MetricsViewer | null, filters: KpiFilters = {}): KpiFilters {
    if (!viewer || roleAtLeast(viewer.role, 'admin')) return filters;
    if (roleAtLeast(viewer.role, 'supervisor')) {
      const allowed = new Set(viewer.teamIds);
      return { ...filters, teamIds: filters.teamIds ? filters.teamIds.filter((t) => allowed.has(t)) : [...allowed] };
    }
    const wantsOthers = filters.agentIds && !filters.agentIds.includes(viewer.id);
    return { ...filters, agentIds: wantsOthers ? [] : [viewer.id] };
  }

  private apply(changes: readonly CommittedChange[]): void {
    // A team's PBX queues changed: every call's team may move, so the aggregates are rebuilt (rare: an admin's edit).
    if (changes.some((c) => c.collection === 'teams') && JSON.stringify(this.currentQueueTeams()) !== JSON.stringify(this.queueTeams)) {
      this.rebuild();
      return;
    }
    for (const { collection, id } of changes) {
      if (collection === 'tickets') {
        const t = this.store.tickets.get(id);
        if (t) this.aggregator.applyTicket(t);
        else this.aggregator.removeTicket(id);
      } else if (collection === 'interactions') {
        const i = this.store.interactions.get(id);
        if (i) this.aggregator.applyInteraction(i);
      } else if (collection === 'surveys') {
        const s = this.store.surveys.get(id);
        if (s) this.aggregator.applySurvey(s);
        else this.aggregator.removeSurvey(id);
      } else if (collection === 'agentSpans') {
        const s = this.store.agentSpans.get(id);
        if (s) this.aggregator.applyAgentSpan(s);
      }
    }
  }

  /** The options the aggregates use (zone, business hours, queue teams): a reference computation must use the same. */
  kpiOptions(): KpiOptions {
    return { timeZone: this.options.timeZone, queueTeams: this.queueTeams, ...(this.options.businessSeconds ? { businessSeconds: this.options.businessSeconds } : {}) };
  }

  private currentQueueTeams(): Record<string, string> {
    const map: Record<string, string> = {};
    const teams = [...this.store.teams.values()].sort((a, b) => a.id.localeCompare(b.id));
    for (const team of teams) for (const queue of team.queues ?? []) if (!Object.hasOwn(map, queue)) map[queue] = team.id;
    return map;
  }

  private facts(): KpiFacts {
    const { store } = this;
    return {
      ticket: (id) => store.tickets.get(id),
      interactionsOfTicket: (ticketId) => store.interactions.byIndex('ticket', ticketId),
      ticketsOfCustomer: (customerId) => store.tickets.byIndex('requester', customerId),
      teamsOfAgent: (agentId) => store.users.get(agentId)?.teamIds ?? [],
    };
  }
}
