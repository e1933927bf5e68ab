import type { AgentSpan } from '../../../shared/schemas';
import { DAY, MINUTE, type DemoUser } from './floor-types';
import type { Prng } from './prng';

/** São Paulo (UTC−3): a 09:00–17:00 local shift is 12:00–20:00 UTC. */
const SHIFT_START_UTC_HOUR = 12;
const SHIFT_HOURS = 8;

/**
 * Agent-state history of the demo floor: Monday to Saturday shifts cycling through available,
 * in call and wrap-up, with a lunch and a short break, so occupancy and the wallboard have data.
 */
export function generateAgentSpans(rng: Prng, agents: readonly DemoUser[], nowMs: number, days: number): AgentSpan[] {
  const spans: AgentSpan[] = [];
  const firstDay = Math.floor((nowMs - days * DAY) / DAY) * DAY;
  for (let day = firstDay; day < nowMs; day += DAY) {
    if (new Date(day).getUTCDay() === 0) continue; // closed on Sundays
    for (const agent of agents) {
      if (rng.chance(0.08)) continue; // day off
      let t = day + SHIFT_START_UTC_HOUR * 3_600_000 + rng.int(-10, 10) * MINUTE;
      const end = t + SHIFT_HOURS * 3_600_000;
      const lunchAt = t + 3 * 3_600_000;
      const breakAt = t + 6 * 3_600_000;
      let lunched = false;
      let rested = false;
      const push = (state: AgentSpan['state'], seconds: number, pauseReason: AgentSpan['pauseReason'] = null) => {
        const to = Math.min(end, t + seconds * 1000, nowMs);
        if (to > t) {
          const from = new Date(t).toISOString();
          spans.push({ id: rng.id('spn'), createdAt: new Date(to).toISOString(), updatedAt: new Date(to).toISOString(), version: 0, agentId: agent.id, state, pauseReason, from, to: new Date(to).toISOString(), seconds: (to - t) / 1000 });
        }
        t = to;
      };
      while (t < end && t < nowMs) {
        if (!lunched && t >= lunchAt) {
          push('paused', 60 * 60, 'lunch');
          lunched = true;
          continue;
        }
        if (!rested && t >= breakAt) {
          push('paused', 15 * 60, 'break');
          rested = true;
          continue;
        }
        push('available', rng.duration(150, 0.7));
        push('in_call', rng.duration(330, 0.5));
        push('wrap_up', rng.duration(45, 0.5));
      }
    }
  }
  return spans;
}
