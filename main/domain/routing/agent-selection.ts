import type { Channel } from '../../../shared/schemas/common';
import {
  DEFAULT_CHANNEL_CAPACITY,
  type AgentSnapshot,
  type RoundRobinPointers,
  type RoutingMode,
  type SkillRequirement,
  type TeamRoutingSettings,
} from '../../../shared/schemas/routing';
import { canReceiveWork, hasCapacity, loadRatio, type CapacityDefaults } from './agent-capacity';
import { skillMatchScore } from './skill-requirements';

/** One item of work to route to an agent of a team. */
export interface RoutingRequest {
  channel: Channel;
  /** Used in `skills_based` mode (see `requiredSkillsFor`). */
  requiredSkills?: readonly SkillRequirement[];
  /** Agents not to pick (e.g. the one who just released the ticket). */
  excludeAgentIds?: readonly string[];
}

export type RoutingFailure = 'manual_mode' | 'no_available_agent' | 'all_at_capacity' | 'no_skilled_agent';

/** The pointers are returned either way; the caller stores them (they change only on a round-robin pick). */
export type RoutingDecision =
  | { ok: true; agentId: string; mode: RoutingMode; pointers: RoundRobinPointers }
  | { ok: false; reason: RoutingFailure; pointers: RoundRobinPointers };

interface Candidate {
  agent: AgentSnapshot;
  ratio: number;
  idleSince: number;
  score: number;
}

const cmp = <T extends number | string>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);
const byId = (a: Candidate, b: Candidate) => cmp(a.agent.id, b.agent.id);

/** Lowest load ratio, then the longest idle (never assigned first), then id for a stable result. */
const leastLoaded = (a: Candidate, b: Candidate) => cmp(a.ratio, b.ratio) || cmp(a.idleSince, b.idleSince) || byId(a, b);

/** The agent after the team's pointer in id order, wrapping around; agents who left are simply skipped. */
function roundRobin(candidates: Candidate[], pointer: string | undefined): Candidate {
  const ordered = [...candidates].sort(byId);
  return (pointer === undefined ? undefined : ordered.find((c) => c.agent.id > pointer)) ?? ordered[0]!;
}

/**
 * Picks the agent of `settings.teamId` to receive one item, from a snapshot of agents. Only
 * available agents with room on the channel qualify. `round_robin` rotates over them (pointer per
 * team), `least_loaded` takes the lowest load ratio on the channel (ties: longest idle),
 * `skills_based` keeps agents meeting every required skill level and takes the best score, then the
 * least loaded. `manual` never picks. Pure: the caller applies the assignment and stores the pointers.
 */
export function selectAgent(
  request: RoutingRequest,
  agents: readonly AgentSnapshot[],
  settings: Pick<TeamRoutingSettings, 'teamId' | 'mode' | 'capacity'>,
  pointers: RoundRobinPointers = {},
  defaults: CapacityDefaults = DEFAULT_CHANNEL_CAPACITY,
): RoutingDecision {
  if (settings.mode === 'manual') return { ok: false, reason: 'manual_mode', pointers };
  const excluded = new Set(request.excludeAgentIds ?? []);
  const available = agents.filter((a) => a.teamIds.includes(settings.teamId) && !excluded.has(a.id) && canReceiveWork(a));
  if (available.length === 0) return { ok: false, reason: 'no_available_agent', pointers };

  const required = settings.mode === 'skills_based' ? (request.requiredSkills ?? []) : [];
  const skilled = available.flatMap((agent) => {
    const score = skillMatchScore(agent, required);
    return score === null ? [] : [{ agent, score }];
  });
  if (skilled.length === 0) return { ok: false, reason: 'no_skilled_agent', pointers };

  const candidates: Candidate[] = skilled
    .filter(({ agent }) => hasCapacity(agent, request.channel, settings.capacity, defaults))
    .map(({ agent, score }) => ({
      agent,
      score,
      ratio: loadRatio(agent, request.channel, settings.capacity, defaults),
      idleSince: agent.lastAssignedAt ? Date.parse(agent.lastAssignedAt) : Number.NEGATIVE_INFINITY,
    }));
  if (candidates.length === 0) return { ok: false, reason: 'all_at_capacity', pointers };

  let chosen: Candidate;
  if (settings.mode === 'round_robin') {
    chosen = roundRobin(candidates, pointers[settings.teamId]);
    return { ok: true, agentId: chosen.agent.id, mode: settings.mode, pointers: { ...pointers, [settings.teamId]: chosen.agent.id } };
  }
  if (settings.mode === 'least_loaded') chosen = [...candidates].sort(leastLoaded)[0]!;
  else chosen = [...candidates].sort((a, b) => cmp(b.score, a.score) || leastLoaded(a, b))[0]!;
  return { ok: true, agentId: chosen.agent.id, mode: settings.mode, pointers };
}
