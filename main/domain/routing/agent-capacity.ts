import type { Channel } from '../../../shared/schemas/common';
import { DEFAULT_CHANNEL_CAPACITY, type AgentSnapshot, type ChannelCounts } from '../../../shared/schemas/routing';

/** Capacity per channel that applies when neither the agent nor the team sets one. */
export type CapacityDefaults = Readonly<Record<Channel, number>>;

/** An agent's capacity on a channel: the agent's own, else the team's, else the default. */
export function capacityFor(
  agent: Pick<AgentSnapshot, 'capacity'>,
  channel: Channel,
  teamCapacity: ChannelCounts = {},
  defaults: CapacityDefaults = DEFAULT_CHANNEL_CAPACITY,
): number {
  return agent.capacity?.[channel] ?? teamCapacity[channel] ?? defaults[channel];
}

/** Share of the channel's capacity in use (1 = full; Infinity when the capacity is 0). */
export function loadRatio(
  agent: Pick<AgentSnapshot, 'capacity' | 'load'>,
  channel: Channel,
  teamCapacity: ChannelCounts = {},
  defaults: CapacityDefaults = DEFAULT_CHANNEL_CAPACITY,
): number {
  const capacity = capacityFor(agent, channel, teamCapacity, defaults);
  const load = agent.load[channel] ?? 0;
  return capacity === 0 ? Number.POSITIVE_INFINITY : load / capacity;
}

/** Whether the agent can take one more item on the channel. */
export function hasCapacity(
  agent: Pick<AgentSnapshot, 'capacity' | 'load'>,
  channel: Channel,
  teamCapacity: ChannelCounts = {},
  defaults: CapacityDefaults = DEFAULT_CHANNEL_CAPACITY,
): boolean {
  return (agent.load[channel] ?? 0) < capacityFor(agent, channel, teamCapacity, defaults);
}

/** Only available agents receive new work; paused, in a call, in wrap-up or offline never do. */
export function canReceiveWork(agent: Pick<AgentSnapshot, 'state'>): boolean {
  return agent.state === 'available';
}
