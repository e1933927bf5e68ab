import { ZoneCalendar, type BucketSize, type KpiOptions, type LocalDate } from '../../../shared/kpi';
import { CHANNELS, roleAtLeast, type Channel } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Clock } from '../shared/clock';
import { drillDown, drillRange, type DrillableKpi, type DrillRow } from './kpi-drilldown';
import type { MetricsPeriod, MetricsService, MetricsViewer } from './metrics.service';

/** What the report filters can choose from, as the viewer may see it. */
export interface ReportOptions {
  timeZone: string;
  /** The operation's local date now (presets: today, 7 days, this month). */
  today: LocalDate;
  teams: { id: string; name: string }[];
  agents: { id: string; name: string; teamIds: string[] }[];
  channels: Channel[];
  queues: string[];
  categories: string[];
}

export interface VolumePoint {
  key: string;
  from: LocalDate;
  to: LocalDate;
  byChannel: Record<Channel, number>;
  total: number;
}

export interface DrilldownResult {
  kpi: DrillableKpi;
  /** Instants of the range the rows were taken from (ISO, end exclusive). */
  start: string;
  end: string;
  total: number;
  /** At most `limit` rows, in time order; `total` says how many there are. */
  rows: DrillRow[];
}

/**
 * Historical reports beside the KPI series: filter choices, volume by channel per bucket and the
 * drill-down from a chart point to its records. Scoped like the metrics (supervisors: their teams).
 */
export class ReportsService {
  private queues: Set<string> | null = null;
  private categories: Set<string> | null = null;
  private readonly calendar: ZoneCalendar;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    /** The same KPI options as the metrics service's (zone, business-hours clock), so drill-downs match its figures. */
    private readonly options: KpiOptions & { timeZone: string },
  ) {
    this.calendar = new ZoneCalendar(options.timeZone);
    store.onCommit((changes) => {
      if (!this.queues || !this.categories) return;
      for (const c of changes) {
        if (c.collection === 'tickets') {
          const category = store.tickets.get(c.id)?.category;
          if (category) this.categories.add(category);
        } else if (c.collection === 'interactions') {
          const queue = store.interactions.get(c.id)?.call?.queue;
          if (queue) this.queues.add(queue);
        }
      }
    });
  }

  filterOptions(viewer: MetricsViewer): ReportOptions {
    if (!this.queues || !this.categories) {
      // Collected once on first use, then kept up to date from the commit feed.
      this.queues = new Set();
      this.categories = new Set();
      for (const t of this.store.tickets.values()) if (t.category) this.categories.add(t.category);
      for (const i of this.store.interactions.values()) if (i.call?.queue) this.queues.add(i.call.queue);
    }
    const admin = roleAtLeast(viewer.role, 'admin');
    const mine = new Set(viewer.teamIds);
    const lead = roleAtLeast(viewer.role, 'supervisor');
    const teams = [...this.store.teams.values()].filter((t) => admin || mine.has(t.id)).map((t) => ({ id: t.id, name: t.name }));
    const agents = [...this.store.users.values()]
      .filter((u) => u.role === 'agent' && (admin || (lead ? u.teamIds.some((t) => mine.has(t)) : u.id === viewer.id)))
      .map((u) => ({ id: u.id, name: u.displayName, teamIds: [...u.teamIds] }));
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'pt-BR');
    return {
      timeZone: this.options.timeZone,
      today: this.calendar.dateOf(this.clock.now().getTime()),
      teams: teams.sort(byName),
      agents: agents.sort(byName),
      channels: [...CHANNELS],
      queues: [...this.queues].sort(),
      categories: [...this.categories].sort((a, b) => a.localeCompare(b, 'pt-BR')),
    };
  }

  /** Contacts created per bucket, by channel (the stacked volume chart). */
  volume(viewer: MetricsViewer, period: MetricsPeriod & { bucket: BucketSize }): VolumePoint[] {
    return this.calendar.buckets(period.from, period.to, period.bucket).map((b) => {
      const s = this.metrics.summary(viewer, { from: b.from, to: b.to, ...(period.filters ? { filters: period.filters } : {}) });
      const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, s.volume.byChannel[c] ?? 0])) as Record<Channel, number>;
      return { key: b.key, from: b.from, to: b.to, byChannel, total: s.volume.total ?? 0 };
    });
  }

  /**
   * The tickets, calls or surveys behind a KPI over a period, or over one bucket of its series
   * (`bucketKey` as the series gave it). `null` when the bucket is not in the period.
   */
  drilldown(viewer: MetricsViewer, input: MetricsPeriod & { kpi: DrillableKpi; bucketKey?: string; limit?: number }): DrilldownResult | null {
    const range = drillRange(this.options.timeZone, input.from, input.to, input.bucketKey);
    if (!range) return null;
    const rows = drillDown(this.store, {
      kpi: input.kpi,
      ...range,
      asOf: this.clock.now().getTime(),
      filters: this.metrics.scope(viewer, input.filters),
      // The metrics service's current options (zone, business hours, queue teams), so rows match its figures.
      options: { ...this.options, ...this.metrics.kpiOptions() },
    });
    return { kpi: input.kpi, start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString(), total: rows.length, rows: rows.slice(0, input.limit ?? 500) };
  }
}
