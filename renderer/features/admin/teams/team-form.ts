import type { Team } from '../../../../shared/schemas/user';

/** Team tiers: 1 = front line, 2 = second level, 3 = specialists. */
export const TIERS = [1, 2, 3] as const;

/** A tier as the catalog's key ('1' | '2' | '3'). */
export function tierKey(tier: number): '1' | '2' | '3' {
  return tier <= 1 ? '1' : tier === 2 ? '2' : '3';
}

export interface TeamDraft {
  name: string;
  tier: number;
  description: string;
  /** PBX queues, one per line or comma-separated as typed. */
  queues: string;
}

export function teamDraft(team: Team | null): TeamDraft {
  return { name: team?.name ?? '', tier: team?.tier ?? 1, description: team?.description ?? '', queues: (team?.queues ?? []).join(', ') };
}

/** The draft as the API takes it: queues split on commas and new lines, blanks and repeats dropped. */
export function teamInput(d: TeamDraft): { name: string; tier: number; description: string; queues: string[] } {
  const queues = [...new Set(d.queues.split(/[,\n]/).map((q) => q.trim()).filter((q) => q !== ''))];
  return { name: d.name, tier: d.tier, description: d.description, queues };
}
