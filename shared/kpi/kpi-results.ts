import { CHANNELS, type Channel } from '../schemas/common';
import { CivilDate, type LocalDate } from './civil-date';
import { KPI_IDS, type KpiId } from './kpi-catalog';
import { addVector, emptyVector, parseGroupKey, vectorAt, vectorToCell, type AgentCell, type Cell, type CellVector, type KpiGroup } from './kpi-cells';
import type { KpiAgentRow, KpiPeriodQuery, KpiSeriesPoint, KpiSummary, ResolvedKpiOptions } from './kpi-types';

/**
 * The sums of one range, already filtered, whichever way they were obtained (aggregates or raw
 * history). Open SLA targets past `asOf` are already counted as due; `fcrProvisional` is filled in.
 */
export interface RangeTotals {
  from: LocalDate;
  to: LocalDate;
  /** By group key (`groupKeyOf`: channel, team, agent). Read-only: it may be the aggregates' cached day. */
  cells: ReadonlyMap<string, CellVector>;
  /** Open tickets at the end of the range. */
  backlog: number;
  /** By agent id. */
  agents: Map<string, AgentCell>;
  /** False when the range starts after `asOf`: nothing in it could be observed yet. */
  observed: boolean;
}

function avg(sum: number | undefined, count: number | undefined): number | null {
  return count ? (sum ?? 0) / count : null;
}

function pct(part: number | undefined, whole: number | undefined): number | null {
  return whole ? ((part ?? 0) / whole) * 100 : null;
}

/** A count is a KPI value only when something was counted (KPIS.md: no data is null, never 0). */
function count(n: number | undefined): number | null {
  return n ? n : null;
}

/**
 * Occupancy of one agent, in ms: handling = in_call + wrap_up + digital work, over handling +
 * available. Digital work is done while the phone state is `available`, so it is moved from
 * available to handling (not added to the denominator), at most all of the available time
 * (work logged outside it, e.g. in a back-office pause, cannot push occupancy past 100 %).
 */
function occupancyParts(a: AgentCell): { handling: number; total: number } {
  const voice = a.handlingMs ?? 0;
  const available = a.availableMs ?? 0;
  return { handling: voice + Math.min((a.digitalSeconds ?? 0) * 1000, available), total: voice + available };
}

function occupancy(a: AgentCell): number | null {
  const { handling, total } = occupancyParts(a);
  return total > 0 ? (handling / total) * 100 : null;
}

function groupBy(cells: ReadonlyMap<string, CellVector>, pick: (g: KpiGroup) => string | null): Map<string | null, Cell> {
  const sums = new Map<string | null, CellVector>();
  for (const [key, cell] of cells) {
    const group = pick(parseGroupKey(key));
    addVector(vectorAt(sums, group), cell);
  }
  return new Map([...sums].map(([group, v]) => [group, vectorToCell(v)]));
}

function volumeBy(groups: Map<string | null, Cell>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, cell] of groups) if (cell.volume) out[group ?? ''] = cell.volume;
  return out;
}

/** Every KPI of a range. */
export function summarize(t: RangeTotals, options: ResolvedKpiOptions): KpiSummary {
  const sum = emptyVector();
  for (const cell of t.cells.values()) addVector(sum, cell);
  const total = vectorToCell(sum);
  // Summed per agent first: an agent's digital work only counts against that agent's own time.
  let handlingMs = 0;
  let totalMs = 0;
  let availableMs = 0;
  for (const a of t.agents.values()) {
    const parts = occupancyParts(a);
    handlingMs += parts.handling;
    totalMs += parts.total;
    availableMs += a.availableMs ?? 0;
  }
  const channels = groupBy(t.cells, (d) => d.channel);
  const tmaByChannel = Object.fromEntries(CHANNELS.map((c) => [c, avg(channels.get(c)?.handleSum, channels.get(c)?.handleCount)])) as Record<Channel, number | null>;
  const npsScore = total.npsAnswers ? (((total.npsPromoters ?? 0) - (total.npsDetractors ?? 0)) / total.npsAnswers) * 100 : null;
  const summary: Omit<KpiSummary, 'values'> = {
    from: t.from,
    to: t.to,
    tma: { overall: avg(total.handleSum, total.handleCount), byChannel: tmaByChannel, handled: total.handleCount ?? 0 },
    tme: {
      voice: avg(total.waitVoiceSum, total.waitVoiceCount),
      digital: avg(total.waitDigitalSum, total.waitDigitalCount),
      answeredCalls: total.waitVoiceCount ?? 0,
      repliedTickets: total.waitDigitalCount ?? 0,
    },
    tmr: { business: avg(total.resolveBusinessSum, total.resolveCount), calendar: avg(total.resolveCalendarSum, total.resolveCount), solved: total.resolveCount ?? 0 },
    fcr: { rate: pct(total.fcrFirst, total.fcrSolved), solved: total.fcrSolved ?? 0, firstContact: total.fcrFirst ?? 0, provisional: total.fcrProvisional ?? 0 },
    csat: {
      score: pct(total.csatPositive, total.csatAnswers),
      answers: total.csatAnswers ?? 0,
      positive: total.csatPositive ?? 0,
      sent: total.csatSent ?? 0,
      responseRate: pct(total.csatAnswers, total.csatSent),
    },
    nps: {
      score: npsScore,
      answers: total.npsAnswers ?? 0,
      promoters: total.npsPromoters ?? 0,
      detractors: total.npsDetractors ?? 0,
      sent: total.npsSent ?? 0,
      responseRate: pct(total.npsAnswers, total.npsSent),
    },
    sla: {
      firstResponse: { attainment: pct(total.slaFirstMet, total.slaFirstDue), due: total.slaFirstDue ?? 0, met: total.slaFirstMet ?? 0 },
      resolution: { attainment: pct(total.slaResolutionMet, total.slaResolutionDue), due: total.slaResolutionDue ?? 0, met: total.slaResolutionMet ?? 0 },
    },
    serviceLevel: { rate: pct(total.answeredWithin, total.offered), thresholdSeconds: options.serviceLevelSeconds, offered: total.offered ?? 0, answeredWithin: total.answeredWithin ?? 0 },
    abandonment: { rate: pct(total.abandoned, total.offered), offered: total.offered ?? 0, abandoned: total.abandoned ?? 0, shortAbandons: total.shortAbandons ?? 0 },
    occupancy: { rate: totalMs > 0 ? (handlingMs / totalMs) * 100 : null, handlingSeconds: handlingMs / 1000, availableSeconds: availableMs / 1000 },
    backlog: t.observed ? count(t.backlog) : null,
    volume: {
      total: count(total.volume),
      byChannel: volumeBy(channels) as Partial<Record<Channel, number>>,
      byTeam: volumeBy(groupBy(t.cells, (d) => d.teamId)),
      byAgent: volumeBy(groupBy(t.cells, (d) => d.agentId)),
    },
  };
  return { ...summary, values: scalarValues(summary) };
}

function scalarValues(s: Omit<KpiSummary, 'values'>): Record<KpiId, number | null> {
  const ch = s.tma.byChannel;
  return {
    tma: s.tma.overall,
    tmaPhone: ch.phone,
    tmaEmail: ch.email,
    tmaChat: ch.chat,
    tmaWhatsapp: ch.whatsapp,
    tmaSocial: ch.social,
    tmaWeb: ch.web,
    tmeVoice: s.tme.voice,
    tmeDigital: s.tme.digital,
    tmrBusiness: s.tmr.business,
    tmrCalendar: s.tmr.calendar,
    fcr: s.fcr.rate,
    csat: s.csat.score,
    csatResponseRate: s.csat.responseRate,
    nps: s.nps.score,
    npsResponseRate: s.nps.responseRate,
    slaFirstResponse: s.sla.firstResponse.attainment,
    slaResolution: s.sla.resolution.attainment,
    serviceLevel: s.serviceLevel.rate,
    abandonment: s.abandonment.rate,
    occupancy: s.occupancy.rate,
    backlog: s.backlog,
    volume: s.volume.total,
  };
}

/** Per-agent rows of a range, by agent id; agents with nothing to show are left out. */
export function agentRows(t: RangeTotals): KpiAgentRow[] {
  const byAgent = groupBy(t.cells, (d) => d.agentId);
  const ids = new Set<string>([...t.agents.keys()]);
  for (const id of byAgent.keys()) if (id !== null) ids.add(id);
  const rows: KpiAgentRow[] = [];
  for (const agentId of [...ids].sort()) {
    const c = byAgent.get(agentId) ?? {};
    const row: KpiAgentRow = {
      agentId,
      handled: c.handleCount ?? 0,
      tma: avg(c.handleSum, c.handleCount),
      fcr: pct(c.fcrFirst, c.fcrSolved),
      fcrProvisional: c.fcrProvisional ?? 0,
      csat: pct(c.csatPositive, c.csatAnswers),
      occupancy: occupancy(t.agents.get(agentId) ?? {}),
    };
    if (row.handled > 0 || row.tma !== null || row.fcr !== null || row.csat !== null || row.occupancy !== null) rows.push(row);
  }
  return rows;
}

/** A series point from the summary of its bucket, with the KPIs asked for. */
export function seriesPoint(key: string, s: KpiSummary, kpis: readonly KpiId[] | undefined): KpiSeriesPoint {
  const values: Partial<Record<KpiId, number | null>> = {};
  for (const id of kpis ?? KPI_IDS) values[id] = s.values[id];
  return { key, from: s.from, to: s.to, values, fcrProvisional: s.fcr.provisional > 0 };
}

/** Throws on a malformed period (the API validates input; this guards direct callers). */
export function checkPeriod(q: KpiPeriodQuery): number {
  if (!CivilDate.isValid(q.from) || !CivilDate.isValid(q.to) || q.to < q.from) throw new RangeError(`bad KPI period: ${q.from} → ${q.to}`);
  const asOf = Date.parse(q.asOf);
  if (!Number.isFinite(asOf)) throw new RangeError(`bad asOf: ${q.asOf}`);
  return asOf;
}
