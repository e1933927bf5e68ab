import { CHANNELS, type Channel } from '../../../../shared/schemas/common';
import type { RoutingMode, TeamRoutingSettings } from '../../../../shared/schemas/routing';
import type { TicketStatus } from '../../../../shared/schemas/ticket';

/** Statuses worth handing back to routing (solved and closed tickets are done). */
export const REDISTRIBUTABLE: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];

export interface SkillRuleDraft {
  category: string;
  channel: Channel | '';
  tag: string;
  /** `name:level, name:level` as typed. */
  skills: string;
}

/** The routing form as typed: capacities as strings (blank = the default). */
export interface RoutingDraft {
  mode: RoutingMode;
  capacity: Record<Channel, string>;
  onOffline: boolean;
  onPause: boolean;
  statuses: TicketStatus[];
  skillRules: SkillRuleDraft[];
}

export function routingDraft(s: TeamRoutingSettings): RoutingDraft {
  return {
    mode: s.mode,
    capacity: Object.fromEntries(CHANNELS.map((c) => [c, s.capacity[c] === undefined ? '' : String(s.capacity[c])])) as Record<Channel, string>,
    onOffline: s.redistribution.onOffline,
    onPause: s.redistribution.onPause,
    statuses: [...s.redistribution.statuses],
    skillRules: s.skillRules.map((r) => ({ category: r.category ?? '', channel: r.channel ?? '', tag: r.tag ?? '', skills: r.skills.map((k) => `${k.name}:${k.minLevel}`).join(', ') })),
  };
}

/** `financeiro:3, ingles` → [{financeiro, 3}, {ingles, 1}]; a level that is not a number goes as NaN, for the server to refuse. */
export function parseSkillList(text: string): { name: string; minLevel: number }[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf(':');
      if (at === -1) return { name: part, minLevel: 1 };
      const level = part.slice(at + 1).trim();
      return { name: part.slice(0, at).trim(), minLevel: /^\d+$/.test(level) ? Number(level) : Number.NaN };
    });
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * `routing.save` input; the server validates it (RoutingService.saveSettings). A capacity that is
 * not a number is sent as NaN, which JSON turns into null and the server refuses on that field.
 */
export function toRoutingInput(teamId: string, d: RoutingDraft) {
  const capacity: Partial<Record<Channel, number>> = {};
  for (const c of CHANNELS) if (d.capacity[c].trim() !== '') capacity[c] = Number(d.capacity[c].trim());
  return {
    teamId,
    mode: d.mode,
    capacity,
    skillRules: d.skillRules.map((r) => ({ category: orNull(r.category), channel: r.channel === '' ? null : r.channel, tag: orNull(r.tag), skills: parseSkillList(r.skills) })),
    redistribution: { onOffline: d.onOffline, onPause: d.onPause, statuses: d.statuses },
  };
}
