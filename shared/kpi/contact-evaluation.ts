import type { Interaction, Survey } from '../schemas';
import { NO_DIMS, type KpiDims } from './kpi-cells';
import type { AgentStateSpan, ResolvedKpiOptions } from './kpi-types';

/**
 * What a call contributes. The call's own part is fixed by the interaction; team and category
 * come from its ticket and are re-bound (`bindCallDims`) when the ticket changes.
 */
export interface CallEval {
  kind: 'call';
  id: string;
  ticketId: string | null;
  dims: KpiDims;
  /** Team of the call's PBX queue (`queueTeams`), used when its ticket gives none. */
  queueTeamId: string | null;
  /** Arrival: queue entry, else ringing/answer/creation. Every voice figure is counted here. */
  at: number;
  /** Voice TMA: talk + hold + wrap-up, for answered calls that ended. */
  handleSeconds: number | null;
  /** Voice TME: queue → answer, for inbound answered calls that were queued. */
  waitSeconds: number | null;
  /** Inbound queued calls with an outcome; `short` = abandoned before the short-abandon limit. */
  outcome: 'answered' | 'abandoned' | 'short' | null;
  answeredWithin: boolean;
}

/** A survey; dimensions other than the agent come from its ticket (re-bound like calls). */
export interface SurveyEval {
  kind: 'survey';
  id: string;
  ticketId: string | null;
  dims: KpiDims;
  survey: 'csat' | 'nps';
  sentAt: number;
  /** Answer instant and score, when answered with a score on the survey's scale. */
  answer: { at: number; score: number } | null;
}

/** Tracked digital work of an agent (occupancy), at the interaction's time. */
export interface WorkEval {
  kind: 'work';
  id: string;
  agentId: string;
  at: number;
  seconds: number;
}

/** An agent-state span as it was applied. */
export interface SpanEval {
  kind: 'span';
  key: string;
  agentId: string;
  state: AgentStateSpan['state'];
  from: number;
  to: number;
}

function seconds(fromIso: string, toIso: string): number {
  return Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);
}

/** Team and category of a contact from its ticket's dimensions (none without a ticket; a call falls back to its queue's team). */
function fromTicket(own: KpiDims, ticket: KpiDims | null, fallbackTeamId: string | null = null): KpiDims {
  return { ...own, teamId: ticket?.teamId ?? fallbackTeamId, category: ticket?.category ?? null };
}

function teamOfQueue(queue: string | null, options: ResolvedKpiOptions): string | null {
  return queue !== null && Object.hasOwn(options.queueTeams, queue) ? (options.queueTeams[queue] ?? null) : null;
}

/** The call of an interaction (null when the interaction is not a call). */
export function evaluateCall(i: Interaction, ticketDims: KpiDims | null, options: ResolvedKpiOptions): CallEval | null {
  const c = i.call;
  if (i.kind !== 'call' || !c) return null;
  const inbound = i.direction === 'inbound';
  const handleSeconds = c.answeredAt && c.endedAt ? seconds(c.answeredAt, c.endedAt) + (c.wrapUp?.seconds ?? 0) : null;
  const waitSeconds = inbound && c.queuedAt && c.answeredAt ? seconds(c.queuedAt, c.answeredAt) : null;
  let outcome: CallEval['outcome'] = null;
  if (inbound && c.queuedAt) {
    if (c.answeredAt) outcome = 'answered';
    else if (c.abandonedAt) outcome = seconds(c.queuedAt, c.abandonedAt) < options.shortAbandonSeconds ? 'short' : 'abandoned';
  }
  return {
    kind: 'call',
    id: i.id,
    ticketId: i.ticketId,
    dims: fromTicket({ ...NO_DIMS, channel: 'phone', agentId: c.answeredAt ? i.authorId : null, queue: c.queue }, ticketDims, teamOfQueue(c.queue, options)),
    queueTeamId: teamOfQueue(c.queue, options),
    at: Date.parse(c.queuedAt ?? c.ringingAt ?? c.answeredAt ?? i.createdAt),
    handleSeconds,
    waitSeconds,
    outcome,
    answeredWithin: outcome === 'answered' && waitSeconds !== null && waitSeconds <= options.serviceLevelSeconds,
  };
}

/** Agent work on a digital interaction (null when none: customer messages, calls, events). */
export function evaluateWork(i: Interaction): WorkEval | null {
  if ((i.kind !== 'message' && i.kind !== 'note') || i.authorId === null || !(i.workSeconds > 0)) return null;
  return { kind: 'work', id: i.id, agentId: i.authorId, at: Date.parse(i.createdAt), seconds: i.workSeconds };
}

/** Re-binds a call to its ticket's (new) dimensions. */
export function bindCallDims(call: CallEval, ticketDims: KpiDims | null): CallEval {
  return { ...call, dims: fromTicket(call.dims, ticketDims, call.queueTeamId) };
}

function surveyDims(agentId: string | null, ticket: KpiDims | null): KpiDims {
  return ticket ? { ...ticket, agentId } : { ...NO_DIMS, agentId };
}

/** A survey: sent, and answered when its score is on its kind's scale (CSAT 1–5, NPS 0–10). */
export function evaluateSurvey(s: Survey, ticketDims: KpiDims | null): SurveyEval {
  const max = s.kind === 'csat' ? 5 : 10;
  const min = s.kind === 'csat' ? 1 : 0;
  const valid = s.answeredAt !== null && s.score !== null && s.score >= min && s.score <= max;
  return {
    kind: 'survey',
    id: s.id,
    ticketId: s.ticketId,
    dims: surveyDims(s.agentId, ticketDims),
    survey: s.kind,
    sentAt: Date.parse(s.sentAt),
    answer: valid && s.answeredAt !== null && s.score !== null ? { at: Date.parse(s.answeredAt), score: s.score } : null,
  };
}

/** Re-binds a survey to its ticket's (new) dimensions. */
export function bindSurveyDims(s: SurveyEval, ticketDims: KpiDims | null): SurveyEval {
  return { ...s, dims: surveyDims(s.dims.agentId, ticketDims) };
}

/** The key a span is replaced by: its id, or agent + start. */
export function spanKey(span: AgentStateSpan): string {
  return span.id ?? `${span.agentId}@${span.from}`;
}

export function evaluateSpan(span: AgentStateSpan): SpanEval {
  return { kind: 'span', key: spanKey(span), agentId: span.agentId, state: span.state, from: Date.parse(span.from), to: Date.parse(span.to) };
}
