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

/** How long a background build works before giving the event loop back (ms). */
const SLICE_MS = 8;

/** A background build in progress: commits made meanwhile are replayed onto it once it is done. */
interface Build {
  generation: number;
  queueTeams: Record<string, string>;
  pending: Map<string, CommittedChange>;
}

/**
 * The KPI engine over the store: incremental aggregates built from history and then updated from
 * the store's commit feed on every write (ticket, call, survey, agent state), so summaries and
 * series read daily sums, never raw history. Scoped by role.
 *
 * Building from history takes seconds on a large floor (about 20 s at 1M interactions), so the
 * core builds in the background (`warmUp`), in slices of a few milliseconds: the store, the queue
 * and the CTI answer at once, and KPI readers wait on `whenReady`. Writes committed during a build
 * are replayed onto it at the end, each through its incremental update. When a team's PBX queues
 * change, the figures are rebuilt the same way while the current ones keep being served.
 */
export class MetricsService {
  /** The aggregates being served; `null` until the first build is done. */
  private aggregator: KpiAggregator | null = null;
  private building: Build | null = null;
  private generation = 0;
  private readonly stop: () => void;
  private readonly firstReady: Promise<void>;
  private settleFirst!: { resolve: () => void; reject: (error: Error) => void };
  private failure: Error | null = null;
  /** Time the last full build took (ms), for the benchmark, the log and `kpi rebuild`. */
  lastRebuildMs = 0;
  /** The queue → team map of the aggregates served (calls without a ticket count for their queue's team). */
  private queueTeams: Record<string, string>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: { timeZone: string; businessSeconds?: BusinessSecondsFn },
  ) {
    this.queueTeams = this.currentQueueTeams();
    this.firstReady = new Promise<void>((resolve, reject) => {
      this.settleFirst = { resolve, reject };
    });
    // Awaited by readers; a failed build must not also surface as an unhandled rejection.
    this.firstReady.catch(() => undefined);
    this.stop = store.onCommit((changes) => this.apply(changes));
  }

  /** True once aggregates are being served. */
  isReady(): boolean {
    return this.aggregator !== null;
  }

  /** Resolves when aggregates are served (starting the build if nobody did); rejects if it failed. */
  whenReady(): Promise<void> {
    if (this.aggregator) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    if (!this.building) void this.warmUp().catch(() => undefined);
    return this.firstReady;
  }

  /** Recomputes every aggregate from the raw records in the store, at once (CLI, benchmark). */
  rebuild(): void {
    this.generation++;
    this.building = null;
    const t0 = performance.now();
    const queueTeams = this.currentQueueTeams();
    const next = new KpiAggregator(this.facts(), this.kpiOptionsWith(queueTeams));
    next.rebuild(this.records(), this.facts());
    this.serve(next, queueTeams, performance.now() - t0);
  }

  /**
   * Recomputes every aggregate from history in the background, in slices of `sliceMs`; resolves
   * with the time it took once the new aggregates are served. A later build (or `rebuild`,
   * `dispose`) supersedes this one, which then resolves with `null`.
   */
  async warmUp(sliceMs = SLICE_MS): Promise<number | null> {
    const generation = ++this.generation;
    const build: Build = { generation, queueTeams: this.currentQueueTeams(), pending: new Map() };
    this.building = build;
    const t0 = performance.now();
    try {
      const next = new KpiAggregator(this.facts(), this.kpiOptionsWith(build.queueTeams));
      // Live facts: whatever changes after this snapshot is in `pending` and replayed below.
      let sliceEnd = performance.now() + sliceMs;
      for (const _ of next.rebuildSteps(this.records(), this.facts(), 100)) {
        if (performance.now() < sliceEnd) continue;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.generation !== generation) return null;
        sliceEnd = performance.now() + sliceMs;
      }
      this.replay(next, [...build.pending.values()]);
      this.serve(next, build.queueTeams, performance.now() - t0);
      return this.lastRebuildMs;
    } catch (err) {
      if (this.generation === generation) {
        this.building = null;
        const error = err instanceof Error ? err : new Error(String(err));
        if (!this.aggregator) {
          this.failure = error;
          this.settleFirst.reject(error);
        }
      }
      throw err;
    }
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
    return this.served().summary({ from: period.from, to: period.to, asOf: this.clock.now().toISOString(), filters: this.scope(viewer, period.filters) });
  }

  series(viewer: MetricsViewer | null, period: MetricsPeriod & { bucket: BucketSize; kpis?: readonly KpiId[] }): KpiSeriesPoint[] {
    return this.served().series({
      from: period.from,
      to: period.to,
      bucket: period.bucket,
      asOf: this.clock.now().toISOString(),
      filters: this.scope(viewer, period.filters),
      ...(period.kpis ? { kpis: period.kpis } : {}),
    });
  }

  agents(viewer: MetricsViewer | null, period: MetricsPeriod): KpiAgentRow[] {
    return this.served().agents({ from: period.from, to: period.to, asOf: this.clock.now().toISOString(), filters: this.scope(viewer, period.filters) });
  }

  dispose(): void {
    this.generation++;
    this.building = null;
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
    const build = this.building;
    if (build) for (const c of changes) build.pending.set(`${c.collection}:${c.id}`, c);
    if (this.aggregator) this.replay(this.aggregator, changes);
    // A team's PBX queues changed: every call's team may move, so the aggregates are rebuilt (rare:
    // an admin's edit); the current ones are served, and kept up to date, until then.
    if (changes.some((c) => c.collection === 'teams') && JSON.stringify(this.currentQueueTeams()) !== JSON.stringify(build?.queueTeams ?? this.queueTeams)) {
      void this.warmUp().catch(() => undefined);
    }
  }

  /** Brings `aggregator` up to date with the store's current state of the changed records. */
  private replay(aggregator: KpiAggregator, changes: readonly CommittedChange[]): void {
    for (const { collection, id } of changes) {
      if (collection === 'tickets') {
        const t = this.store.tickets.get(id);
        if (t) aggregator.applyTicket(t);
        else aggregator.removeTicket(id);
      } else if (collection === 'interactions') {
        const i = this.store.interactions.get(id);
        if (i) aggregator.applyInteraction(i);
      } else if (collection === 'surveys') {
        const s = this.store.surveys.get(id);
        if (s) aggregator.applySurvey(s);
        else aggregator.removeSurvey(id);
      } else if (collection === 'agentSpans') {
        const s = this.store.agentSpans.get(id);
        if (s) aggregator.applyAgentSpan(s);
      }
    }
  }

  private serve(next: KpiAggregator, queueTeams: Record<string, string>, ms: number): void {
    const first = !this.aggregator;
    this.aggregator = next;
    this.queueTeams = queueTeams;
    this.building = null;
    this.failure = null;
    this.lastRebuildMs = ms;
    if (first) this.settleFirst.resolve();
  }

  private served(): KpiAggregator {
    if (!this.aggregator) throw new Error('KPI aggregates are still being built: await metrics.whenReady() first');
    return this.aggregator;
  }

  /** The options the served aggregates use (zone, business hours, queue teams): a reference computation must use the same. */
  kpiOptions(): KpiOptions {
    return this.kpiOptionsWith(this.queueTeams);
  }

  private kpiOptionsWith(queueTeams: Record<string, string>): KpiOptions {
    return { timeZone: this.options.timeZone, queueTeams, ...(this.options.businessSeconds ? { businessSeconds: this.options.businessSeconds } : {}) };
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
