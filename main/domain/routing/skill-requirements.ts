import type { Ticket } from '../../../shared/schemas/ticket';
import type { AgentSnapshot, SkillRequirement, SkillRule } from '../../../shared/schemas/routing';

const key = (name: string) => name.trim().toLowerCase();

/** Skills a ticket needs under a team's skill rules: every matching rule, the highest level per skill. */
export function requiredSkillsFor(ticket: Pick<Ticket, 'category' | 'channel' | 'tags'>, rules: readonly SkillRule[]): SkillRequirement[] {
  const needed = new Map<string, SkillRequirement>();
  for (const rule of rules) {
    const matches =
      (rule.category === null || rule.category === ticket.category) &&
      (rule.channel === null || rule.channel === ticket.channel) &&
      (rule.tag === null || ticket.tags.includes(rule.tag));
    if (!matches) continue;
    for (const s of rule.skills) {
      const current = needed.get(key(s.name));
      if (!current || current.minLevel < s.minLevel) needed.set(key(s.name), s);
    }
  }
  return [...needed.values()];
}

/**
 * How well an agent fits the required skills: the sum of the agent's levels in them (higher is
 * better), or null when a skill is missing or below its minimum level. No requirement scores 0.
 */
export function skillMatchScore(agent: Pick<AgentSnapshot, 'skills'>, required: readonly SkillRequirement[]): number | null {
  let score = 0;
  for (const r of required) {
    const skill = agent.skills.find((s) => key(s.name) === key(r.name));
    if (!skill || skill.level < r.minLevel) return null;
    score += skill.level;
  }
  return score;
}
