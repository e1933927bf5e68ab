import { CivilDate, resolveKpiOptions, ZoneCalendar, type KpiId, type LocalDate } from '../../../shared/kpi';
import { roleAtLeast, type AgentState, type Channel, type PauseReason, type Priority, type PublicUser, type Ticket } from '../../../shared/schemas';
import type { KpiTargets } from '../../../shared/schemas/kpi-targets';
import type { Store } from '../../store/store';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { KpiTargetsService } from './kpi-targets.service';
import type { MetricsService } from './metrics.service';
import { slaRisk } from './sla-risk';
import { pace } from './update-pacer';
import { WaitingCalls } from './waiting-calls';

/** Who watches: supervisors see their teams' agents and tickets, admins everything. */
export type WallboardViewer = Pick<PublicUser, 'id' | 'role' | 'teamIds'>;

/** The KPIs of today the wallboard shows, in tile order. */
export const WALLBOARD_KPIS = ['tma', 'tmeVoice', 'fcr', 'csat', 'serviceLevel', 'abandonment'] as const satisfies readonly KpiId[];
export type WallboardKpi = (typeof WALLBOARD_KPIS)[number];

const QUEUE_KPIS: ReadonlySet<WallboardKpi> = new Set(['tmeVoice', 'serviceLevel', 'abandonment']);

export const AGENT_STATES: readonly AgentState[] = ['available', 'in_call', 'wrap_up', 'paused', 'offline'];

export interface WallboardAgent {
  id: string;
  name: string;
  state: AgentState;
  pauseReason: PauseReason | null;
  /** When the agent entered the state (ISO). */
  since: string;
  teamIds: string[];
}

export interface WallboardCall {
  callId: string;
  queue: string | null;
  /** Last four digits of the caller's number (the wallboard hangs on the floor: no full numbers). */
  aniTail: string | null;
  queuedAt: string;
  waitSeconds: number;
  ringing: boolean;
}

export interface WallboardSlaTicket {
  id: string;
  number: number;
  subject: string;
  channel: Channel;
  priority: Priority;
  teamName: string | null;
  assigneeName: string | null;
  dueAt: string;
  /** Share of the target elapsed (≥ 0.75 at risk; ≥ 1 breached). */
  share: number | null;
  state: 'at_risk' | 'breached';
}

export interface WallboardSnapshot {
  generatedAt: string;
  timeZone: string;
  /** The operation's local date the KPIs are for. */
  today: LocalDate;
  agents: WallboardAgent[];
  agentCounts: Record<AgentState, number>;
  calls: { waiting: number; longestWaitSeconds: number | null; list: WallboardCall[] };
  sla: { open: number; atRisk: number; breached: number; tickets: WallboardSlaTicket[] };
  kpis: {
    values: Record<WallboardKpi, number | null>;
    /**
     * What the values are over: handled contacts, calls offered, answered calls, solved tickets, CSAT
     * answers, tickets opened. TMA, FCR and CSAT are the viewer's teams'; TME, service level and
     * abandonment the whole phone queue's.
     */
    counts: { handled: number; offered: number; answered: number; solved: number; csatAnswers: number; created: number };
    serviceLevelSeconds: number;
    /** False for the few seconds after start-up while the aggregates are built: values are then `null`. */
    ready: boolean;
  };
  targets: KpiTargets;
}

export interface WallboardOptions {
  timeZone: string;
  /** Calls waiting longer than this are treated as lost (their hang-up never arrived). */
  maxWaitMs?: number;
  /** Rows of the calls and SLA lists. */
  listSize?: number;
}

const STATE_ORDER: Record<AgentState, number> = { in_call: 0, wrap_up: 1, available: 2, paused: 3, offline: 4 };

/**
 * The live floor: agents by state with time in state, calls waiting and the longest wait, open
 * tickets at SLA risk or breached, today's KPIs against targets. Reads only in-memory state
 * maintained incrementally (users, the waiting-calls set, the open-by-team index, KPI aggregates).
 */
export class WallboardService {
  private readonly waiting: WaitingCalls;
  private readonly calendar: ZoneCalendar;
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private generation = 0;
  private readonly cache = new Map<string, { generation: number; at: number; snapshot: WallboardSnapshot }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    bus: EventBus<DomainEvents>,
    private readonly metrics: MetricsService,
    private readonly targets: KpiTargetsService,
    private readonly options: WallboardOptions,
  ) {
    this.waiting = new WaitingCalls(store);
    this.calendar = new ZoneCalendar(options.timeZone);
    const changed = () => this.changed();
    this.offs.push(bus.on('ticketChanged', changed), bus.on('userChanged', changed), bus.on('callsChanged', changed), targets.onChange(changed));
  }

  /** The floor as `viewer` may see it, now. Snapshots of one scope are shared for 250 ms while nothing changes. */
  snapshot(viewer: WallboardViewer): WallboardSnapshot {
    const nowMs = this.clock.now().getTime();
    const key = scopeKey(viewer);
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && nowMs >= hit.at && nowMs - hit.at < 250) return hit.snapshot;
    const snapshot = this.build(viewer, nowMs);
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(key, { generation: this.generation, at: nowMs, snapshot });
    return snapshot;
  }

  /**
   * Ticks for a live subscription: soon after a change (ticket, agent, call, targets), at most
   * every `minIntervalMs`, and at least every `maxIntervalMs`.
   */
  updates(opts: { signal?: AbortSignal; minIntervalMs?: number; maxIntervalMs?: number } = {}): AsyncGenerator<void, void, unknown> {
    return pace((listener) => this.onChange(listener), {
      minIntervalMs: opts.minIntervalMs ?? 500,
      maxIntervalMs: opts.maxIntervalMs ?? 1000,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  }

  /** Called after anything the wallboard shows may have changed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const off of this.offs) off();
    this.waiting.dispose();
  }

  private changed(): void {
    this.generation++;
    for (const listener of [...this.listeners]) listener();
  }

  private build(viewer: WallboardViewer, nowMs: number): WallboardSnapshot {
    const admin = roleAtLeast(viewer.role, 'admin');
    const myTeams = new Set(viewer.teamIds);
    const listSize = this.options.listSize ?? 8;

    const agents: WallboardAgent[] = [];
    const agentCounts: Record<AgentState, number> = { available: 0, in_call: 0, wrap_up: 0, paused: 0, offline: 0 };
    for (const u of this.store.users.values()) {
      if (!u.active || u.role !== 'agent') continue;
      if (!admin && !u.teamIds.some((t) => myTeams.has(t))) continue;
      agents.push({ id: u.id, name: u.displayName, state: u.state, pauseReason: u.state === 'paused' ? u.pauseReason : null, since: u.stateSince, teamIds: [...u.teamIds] });
      agentCounts[u.state]++;
    }
    agents.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.since < b.since ? -1 : a.since > b.since ? 1 : a.name.localeCompare(b.name, 'pt-BR')));

    // Queues are not owned by teams: every supervisor sees the whole phone queue.
    const waiting = this.waiting.list(nowMs, this.options.maxWaitMs ?? 12 * 3_600_000);
    const calls = {
      waiting: waiting.length,
      longestWaitSeconds: waiting[0] ? Math.max(0, Math.floor((nowMs - waiting[0].queuedAt) / 1000)) : null,
      list: waiting.slice(0, listSize).map((w) => ({
        callId: w.callId,
        queue: w.queue,
        aniTail: w.ani ? w.ani.replace(/\D/g, '').slice(-4) || null : null,
        queuedAt: new Date(w.queuedAt).toISOString(),
        waitSeconds: Math.max(0, Math.floor((nowMs - w.queuedAt) / 1000)),
        ringing: w.ringing,
      })),
    };

    const sla = { open: 0, atRisk: 0, breached: 0, tickets: [] as WallboardSlaTicket[] };
    const flagged: { ticket: Ticket; dueAt: string; share: number | null; state: 'at_risk' | 'breached' }[] = [];
    // Supervisors: their teams' tickets and the general queue (tickets without a team).
    const teamKeys = admin ? [...this.store.tickets.indexKeys('openByTeam')] : [...myTeams, 'none'];
    for (const team of teamKeys) {
      for (const t of this.store.tickets.byIndex('openByTeam', team)) {
        if (t.mergedInto) continue;
        sla.open++;
        const risk = slaRisk(t, nowMs);
        if (risk.state === 'breached') sla.breached++;
        else if (risk.state === 'at_risk') sla.atRisk++;
        else continue;
        flagged.push({ ticket: t, dueAt: risk.dueAt as string, share: risk.share, state: risk.state });
      }
    }
    // Most urgent first: the longest overdue, then the closest to falling due.
    flagged.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.ticket.number - b.ticket.number));
    sla.tickets = flagged.slice(0, listSize).map(({ ticket: t, dueAt, share, state }) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      channel: t.channel,
      priority: t.priority,
      teamName: t.teamId ? (this.store.teams.get(t.teamId)?.name ?? null) : null,
      assigneeName: t.assigneeId ? (this.store.users.get(t.assigneeId)?.displayName ?? null) : null,
      dueAt,
      share,
      state,
    }));

    const today = this.calendar.dateOf(nowMs);
    const base = { generatedAt: new Date(nowMs).toISOString(), timeZone: this.options.timeZone, today, agents, agentCounts, calls, sla, targets: this.targets.get() };
    if (!this.metrics.isReady()) {
      // The floor itself is live at once; today's KPIs follow when the aggregates are built.
      void this.metrics.whenReady().catch(() => undefined);
      const values = Object.fromEntries(WALLBOARD_KPIS.map((k) => [k, null])) as Record<WallboardKpi, number | null>;
      const counts = { handled: 0, offered: 0, answered: 0, solved: 0, csatAnswers: 0, created: 0 };
      return { ...base, kpis: { values, counts, serviceLevelSeconds: resolveKpiOptions(this.metrics.kpiOptions()).serviceLevelSeconds, ready: false } };
    }
    const period = { from: today, to: CivilDate.addDays(today, 1) };
    const summary = this.metrics.summary(viewer, period);
    // Queue figures (TME, service level, abandonment) are the phone queue's, floor-wide like the
    // calls waiting: a call in queue belongs to no team (abandoned ones never get one).
    const queue = admin ? summary : this.metrics.summary(null, period);
    const values = Object.fromEntries(WALLBOARD_KPIS.map((k) => [k, (QUEUE_KPIS.has(k) ? queue : summary).values[k]])) as Record<WallboardKpi, number | null>;
    return {
      ...base,
      kpis: {
        values,
        counts: {
          handled: summary.tma.handled,
          offered: queue.serviceLevel.offered,
          answered: queue.tme.answeredCalls,
          solved: summary.tmr.solved,
          csatAnswers: summary.csat.answers,
          created: summary.volume.total ?? 0,
        },
        serviceLevelSeconds: summary.serviceLevel.thresholdSeconds,
        ready: true,
      },
    };
  }
}

function scopeKey(viewer: WallboardViewer): string {
  return roleAtLeast(viewer.role, 'admin') ? 'admin' : `${viewer.role}:${[...viewer.teamIds].sort().join(',')}`;
}
