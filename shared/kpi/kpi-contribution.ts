import type { CallEval, SpanEval, SurveyEval, WorkEval } from './contact-evaluation';
import type { AgentField, Cell, KpiDims } from './kpi-cells';
import type { TicketEval } from './ticket-evaluation';

/** Any evaluated record. */
export type RecordEval = TicketEval | CallEval | SurveyEval | WorkEval | SpanEval;

/** Counters added at an instant, under a dimension combination. */
export interface ContributionPoint {
  at: number;
  dims: KpiDims;
  cell: Cell;
}

/**
 * Where a record's figures fall in time, independent of how time is bucketed: the aggregator
 * files these under local days, the reference implementation tests them against a range.
 */
export interface Contribution {
  points: ContributionPoint[];
  /** Open SLA targets: count as due (and missed) in the period holding `at`, once `at` ≤ asOf. */
  pending: { at: number; dims: KpiDims; field: 'slaFirstDue' | 'slaResolutionDue' }[];
  /** FCR-counted solves: provisional while `at` is less than one FCR window before asOf. */
  solves: { at: number; dims: KpiDims }[];
  /** Stretches unsolved (backlog). */
  open: { from: number; to: number | null; dims: KpiDims }[];
  /** Agent state time (occupancy). */
  agentTime: { agentId: string; from: number; to: number; field: Extract<AgentField, 'handlingMs' | 'availableMs'> }[];
  /** Digital work seconds credited to an agent (occupancy). */
  agentWork: { agentId: string; at: number; seconds: number }[];
}

function empty(): Contribution {
  return { points: [], pending: [], solves: [], open: [], agentTime: [], agentWork: [] };
}

function ticketContribution(t: TicketEval): Contribution {
  const c = empty();
  const { dims } = t;
  c.points.push({ at: t.createdAt, dims, cell: { volume: 1 } });
  for (const [from, to] of t.open) c.open.push({ from, to, dims });
  if (t.handle) c.points.push({ at: t.handle.at, dims, cell: { handleSum: t.handle.seconds, handleCount: 1 } });
  if (t.firstReply) c.points.push({ at: t.firstReply.at, dims, cell: { waitDigitalSum: t.firstReply.seconds, waitDigitalCount: 1 } });
  if (t.resolution) {
    const r = t.resolution;
    c.points.push({
      at: r.at,
      dims,
      cell: { resolveBusinessSum: r.business, resolveCalendarSum: r.calendar, resolveCount: 1, fcrSolved: 1, fcrFirst: r.firstContact ? 1 : 0 },
    });
    c.solves.push({ at: r.at, dims });
  }
  const targets = [
    [t.slaFirstResponse, 'slaFirstDue', 'slaFirstMet', 'slaFirstPending'],
    [t.slaResolution, 'slaResolutionDue', 'slaResolutionMet', 'slaResolutionPending'],
  ] as const;
  for (const [outcome, due, met, pending] of targets) {
    if (!outcome) continue;
    if (outcome.state === 'open') {
      c.points.push({ at: outcome.dueAt, dims, cell: { [pending]: 1 } });
      c.pending.push({ at: outcome.dueAt, dims, field: due });
    } else {
      c.points.push({ at: outcome.dueAt, dims, cell: { [due]: 1, [met]: outcome.state === 'met' ? 1 : 0 } });
    }
  }
  return c;
}

function callContribution(call: CallEval): Contribution {
  const c = empty();
  const cell: Cell = {};
  if (call.handleSeconds !== null) Object.assign(cell, { handleSum: call.handleSeconds, handleCount: 1 });
  if (call.waitSeconds !== null) Object.assign(cell, { waitVoiceSum: call.waitSeconds, waitVoiceCount: 1 });
  if (call.outcome === 'short') cell.shortAbandons = 1;
  else if (call.outcome !== null) {
    cell.offered = 1;
    if (call.outcome === 'abandoned') cell.abandoned = 1;
    if (call.answeredWithin) cell.answeredWithin = 1;
  }
  if (Object.keys(cell).length > 0) c.points.push({ at: call.at, dims: call.dims, cell });
  return c;
}

function surveyContribution(s: SurveyEval): Contribution {
  const c = empty();
  if (s.survey === 'csat') {
    c.points.push({ at: s.sentAt, dims: s.dims, cell: { csatSent: 1 } });
    if (s.answer) c.points.push({ at: s.answer.at, dims: s.dims, cell: { csatAnswers: 1, csatPositive: s.answer.score >= 4 ? 1 : 0 } });
  } else {
    c.points.push({ at: s.sentAt, dims: s.dims, cell: { npsSent: 1 } });
    if (s.answer) {
      const score = s.answer.score;
      c.points.push({ at: s.answer.at, dims: s.dims, cell: { npsAnswers: 1, npsPromoters: score >= 9 ? 1 : 0, npsDetractors: score <= 6 ? 1 : 0 } });
    }
  }
  return c;
}

/** The contribution of an evaluated record. */
export function contributionOf(e: RecordEval): Contribution {
  switch (e.kind) {
    case 'ticket':
      return ticketContribution(e);
    case 'call':
      return callContribution(e);
    case 'survey':
      return surveyContribution(e);
    case 'work': {
      const c = empty();
      c.agentWork.push({ agentId: e.agentId, at: e.at, seconds: e.seconds });
      return c;
    }
    case 'span': {
      const c = empty();
      // in_call and wrap_up are handling; paused and offline are outside occupancy altogether.
      const field = e.state === 'in_call' || e.state === 'wrap_up' ? 'handlingMs' : e.state === 'available' ? 'availableMs' : null;
      if (field && e.to > e.from) c.agentTime.push({ agentId: e.agentId, from: e.from, to: e.to, field });
      return c;
    }
  }
}
