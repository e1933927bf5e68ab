import type { AgentState, Channel, Interaction, Survey, Ticket } from '../schemas';
import type { BucketSize, LocalDate } from './civil-date';
import type { KpiId } from './kpi-catalog';
import { DEFAULT_TIME_ZONE } from './zone-calendar';

/** Business seconds between two instants in the ticket's SLA calendar. */
export type BusinessSecondsFn = (fromIso: string, toIso: string, ticket: Ticket) => number;

/** Settings the KPI figures depend on. Changing any of them needs a `rebuild`. */
export interface KpiOptions {
  /** IANA zone of the operation; days, weeks and months are calendar ones there. */
  timeZone?: string;
  /** Service level threshold T: answered within T seconds (default 20). */
  serviceLevelSeconds?: number;
  /** Calls abandoned in queue in less than this many seconds are left out (default 5). */
  shortAbandonSeconds?: number;
  /** FCR window after the solve, in days (default 7). */
  fcrWindowDays?: number;
  /** Business-hours clock for TME (digital) and TMR (business); default: calendar seconds. */
  businessSeconds?: BusinessSecondsFn;
  /** PBX queue → the team answering it: a call without a ticket (or whose ticket has no team) counts for that team. */
  queueTeams?: Readonly<Record<string, string>>;
}

export type ResolvedKpiOptions = Required<KpiOptions>;

/** Calendar time, for operations without business-hours calendars. */
export const calendarSeconds: BusinessSecondsFn = (fromIso, toIso) => Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);

/** Fills in the defaults of KPIS.md. */
export function resolveKpiOptions(options: KpiOptions = {}): ResolvedKpiOptions {
  return {
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    serviceLevelSeconds: options.serviceLevelSeconds ?? 20,
    shortAbandonSeconds: options.shortAbandonSeconds ?? 5,
    fcrWindowDays: options.fcrWindowDays ?? 7,
    businessSeconds: options.businessSeconds ?? calendarSeconds,
    queueTeams: options.queueTeams ?? {},
  };
}

/**
 * A closed stretch of time an agent spent in one state (from the agent-state history). `to` is
 * required: an open span is applied again once it ends. Replaced by `id`, or by agent + start.
 */
export interface AgentStateSpan {
  id?: string;
  agentId: string;
  state: AgentState;
  from: string;
  to: string;
}

/** Raw history, for `rebuild` and `computeFromHistory`. */
export interface KpiRecords {
  tickets: readonly Ticket[];
  interactions: readonly Interaction[];
  surveys: readonly Survey[];
  agentSpans: readonly AgentStateSpan[];
  /** Team membership of agents (for the team filter of occupancy). */
  agents?: readonly { id: string; teamIds: readonly string[] }[];
}

/**
 * The lookups the KPI engine needs from the store, so it does not depend on it. Each must
 * reflect the store *after* the write being applied.
 */
export interface KpiFacts {
  ticket(id: string): Ticket | undefined;
  /** Every interaction of the ticket (messages, notes, calls, status events), any order. */
  interactionsOfTicket(ticketId: string): readonly Interaction[];
  /** Every ticket whose requester is the customer, any order. */
  ticketsOfCustomer(customerId: string): readonly Ticket[];
  /** Current teams of an agent; read at query time for the team filter of occupancy. */
  teamsOfAgent(agentId: string): readonly string[];
}

/**
 * Restricts every KPI. A listed dimension keeps records whose value is in the list (an empty
 * list keeps nothing); an absent one keeps all. Contacts take team, category and (for digital
 * tickets) agent from their ticket; calls take the agent who answered and their queue.
 * Occupancy is agent time, not a contact: it honours `agentIds` and `teamIds` (the agents'
 * teams) only.
 */
export interface KpiFilters {
  teamIds?: readonly string[];
  agentIds?: readonly string[];
  channels?: readonly Channel[];
  queues?: readonly string[];
  categories?: readonly string[];
}

/** A period of local dates `[from, to)` in the operation's zone, as seen at `asOf`. */
export interface KpiPeriodQuery {
  from: LocalDate;
  /** Exclusive: March is `{ from: '2026-03-01', to: '2026-04-01' }`. */
  to: LocalDate;
  /** "Now" (ISO): decides provisional FCR, overdue open SLA targets and unobserved buckets. */
  asOf: string;
  filters?: KpiFilters;
}

export interface KpiSeriesQuery extends KpiPeriodQuery {
  bucket: BucketSize;
  /** The KPIs wanted; default all. */
  kpis?: readonly KpiId[];
}

/** One SLA target over a period: tickets whose target fell due in it, and those that met it. */
export interface SlaTargetResult {
  attainment: number | null;
  due: number;
  met: number;
}

/** Every KPI over a period. Rates are percentages (0–100); durations seconds; `null` = no data. */
export interface KpiSummary {
  from: LocalDate;
  to: LocalDate;
  tma: { overall: number | null; byChannel: Record<Channel, number | null>; handled: number };
  tme: { voice: number | null; digital: number | null; answeredCalls: number; repliedTickets: number };
  tmr: { business: number | null; calendar: number | null; solved: number };
  /** `provisional`: solves in the period less than one FCR window before `asOf` (may still flip). */
  fcr: { rate: number | null; solved: number; firstContact: number; provisional: number };
  csat: { score: number | null; answers: number; positive: number; sent: number; responseRate: number | null };
  nps: { score: number | null; answers: number; promoters: number; detractors: number; sent: number; responseRate: number | null };
  sla: { firstResponse: SlaTargetResult; resolution: SlaTargetResult };
  serviceLevel: { rate: number | null; thresholdSeconds: number; offered: number; answeredWithin: number };
  abandonment: { rate: number | null; offered: number; abandoned: number; shortAbandons: number };
  /**
   * Per agent, handling = in_call + wrap_up + digital work (at most the agent's available time),
   * over in_call + wrap_up + available; summed over agents with state time. Paused and offline
   * time are outside it. `handlingSeconds` is the handling counted; `availableSeconds` the raw
   * available time.
   */
  occupancy: { rate: number | null; handlingSeconds: number; availableSeconds: number };
  /** Tickets not solved/closed at the end of the period (`null` when none, or not yet observed). */
  backlog: number | null;
  /** Tickets created; breakdown keys are ids, `''` for none. `total` is `null` when none. */
  volume: { total: number | null; byChannel: Partial<Record<Channel, number>>; byTeam: Record<string, number>; byAgent: Record<string, number> };
  /** The same figures as scalar values by KPI id (for charts and tiles). */
  values: Record<KpiId, number | null>;
}

export interface KpiSeriesPoint {
  key: string;
  from: LocalDate;
  to: LocalDate;
  values: Partial<Record<KpiId, number | null>>;
  /** True when the point's FCR still counts provisional solves. */
  fcrProvisional: boolean;
}

/** One agent's row of the supervisor table. */
export interface KpiAgentRow {
  agentId: string;
  /** Contacts handled: answered calls that ended, plus solved digital tickets with tracked work. */
  handled: number;
  tma: number | null;
  fcr: number | null;
  fcrProvisional: number;
  csat: number | null;
  occupancy: number | null;
}
