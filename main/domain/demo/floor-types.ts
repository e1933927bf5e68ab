import type { AgentSpan, Customer, Interaction, KbArticle, KbUse, Macro, Survey, Team, Ticket, User } from '../../../shared/schemas';

/** A demo user before its password is hashed (the loader hashes it). */
export type DemoUser = Omit<User, 'passwordHash'>;

export interface Floor {
  teams: Team[];
  users: DemoUser[];
  customers: Customer[];
  tickets: Ticket[];
  interactions: Interaction[];
  surveys: Survey[];
  macros: Macro[];
  /** Knowledge-base articles, and their uses on solved tickets (usefulness). */
  kbArticles: KbArticle[];
  kbUses: KbUse[];
  /** Past agent-state periods (shifts), for occupancy and the wallboard. */
  agentSpans: AgentSpan[];
  /** Store settings the floor needs (e.g. which team receives each channel's new tickets). */
  settings: Record<string, unknown>;
}

export interface FloorOptions {
  customers: number;
  tickets: number;
  /** Tickets are spread over the `days` before `now`. */
  days: number;
  seed: number;
  now: Date;
  /** Agents to create (`agente1`…); default 12. */
  agents?: number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
