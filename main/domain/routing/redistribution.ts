import type { Ticket } from '../../../shared/schemas/ticket';
import {
  RedistributionSettingsSchema,
  type AgentSnapshot,
  type RedistributionSettings,
  type TeamRoutingSettings,
} from '../../../shared/schemas/routing';

export const DEFAULT_REDISTRIBUTION: RedistributionSettings = RedistributionSettingsSchema.parse({});

export type RedistributableTicket = Pick<Ticket, 'id' | 'assigneeId' | 'status' | 'teamId'>;

/**
 * Ids of the agent's tickets to hand back to routing after the agent changed state: on going
 * offline (by default, new and open tickets) or on pausing (by default none: paused agents keep
 * what they have). Each ticket follows its team's settings; tickets of a team without settings
 * follow `fallback`. Other states (available, in a call, wrap-up) release nothing.
 */
export function ticketsToRedistribute(
  agent: Pick<AgentSnapshot, 'id' | 'state'>,
  tickets: readonly RedistributableTicket[],
  teamSettings: readonly Pick<TeamRoutingSettings, 'teamId' | 'redistribution'>[] = [],
  fallback: RedistributionSettings = DEFAULT_REDISTRIBUTION,
): string[] {
  if (agent.state !== 'offline' && agent.state !== 'paused') return [];
  const byTeam = new Map(teamSettings.map((s) => [s.teamId, s.redistribution]));
  return tickets
    .filter((t) => {
      if (t.assigneeId !== agent.id) return false;
      const settings = (t.teamId && byTeam.get(t.teamId)) || fallback;
      const applies = agent.state === 'offline' ? settings.onOffline : settings.onPause;
      return applies && settings.statuses.includes(t.status);
    })
    .map((t) => t.id);
}
