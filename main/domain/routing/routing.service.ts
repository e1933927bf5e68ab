import { DEFAULT_CHANNEL_CAPACITY, TeamRoutingSettingsSchema, type AgentSnapshot, type ChannelCounts, type RoundRobinPointers, type TeamRoutingSettings, type TeamRoutingSettingsInput } from '../../../shared/schemas/routing';
import { OPEN_STATUSES, type Ticket } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { compareQueue } from '../tickets/tickets.service';
import { selectAgent } from './agent-selection';
import { ticketsToRedistribute } from './redistribution';
import { requiredSkillsFor } from './skill-requirements';

export const ROUTING_TEAMS_SETTING = 'routing.teams';
export const ROUTING_POINTERS_SETTING = 'routing.pointers';

const open: ReadonlySet<string> = new Set(OPEN_STATUSES);

/**
 * Assigns new work to agents by each team's mode (manual, round-robin, least-loaded,
 * skills-based), respecting per-channel capacity and availability. Runs inside the transaction that
 * stores the ticket, so the assignment and the round-robin pointer land with it.
 */
export class RoutingService {
  /** When each agent last received work from routing (for least-loaded tie-breaks). */
  private readonly lastAssigned = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  settings(): TeamRoutingSettings[] {
    return this.store.getSetting<TeamRoutingSettings[]>(ROUTING_TEAMS_SETTING) ?? [];
  }

  settingsOf(teamId: string): TeamRoutingSettings {
    return this.settings().find((s) => s.teamId === teamId) ?? TeamRoutingSettingsSchema.parse({ teamId, mode: 'manual' });
  }

  async saveSettings(input: TeamRoutingSettingsInput, actor: Actor): Promise<{ ok: true; settings: TeamRoutingSettings } | { ok: false; issues: { path: string; message: string }[] }> {
    const parsed = TeamRoutingSettingsSchema.safeParse(input);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    if (!this.store.teams.get(parsed.data.teamId)) return { ok: false, issues: [{ path: 'teamId', message: 'unknown team' }] };
    const next = [...this.settings().filter((s) => s.teamId !== parsed.data.teamId), parsed.data];
    await this.store.write((tx) => {
      tx.setSetting(ROUTING_TEAMS_SETTING, next);
      this.audit.record(tx, { actor, action: 'routing.settings_save', entity: 'team', entityId: parsed.data.teamId, changes: { mode: [null, parsed.data.mode] } });
    });
    return { ok: true, settings: parsed.data };
  }

  /**
   * The ticket with an agent chosen when it is unassigned, open and in a routed team; unchanged
   * otherwise (manual teams, nobody available, everyone at capacity: it waits in the team queue).
   */
  route(ticket: Ticket, tx: WriteTx): Ticket {
    if (ticket.assigneeId || !ticket.teamId || !open.has(ticket.status)) return ticket;
    const settings = this.settingsOf(ticket.teamId);
    if (settings.mode === 'manual') return ticket;
    const pointers = this.store.getSetting<RoundRobinPointers>(ROUTING_POINTERS_SETTING) ?? {};
    const request = { channel: ticket.channel, requiredSkills: requiredSkillsFor(ticket, settings.skillRules) };
    const decision = selectAgent(request, this.snapshots(ticket.teamId, ticket.id), settings, pointers, DEFAULT_CHANNEL_CAPACITY);
    if (!decision.ok) return ticket;
    if (decision.pointers !== pointers) tx.setSetting(ROUTING_POINTERS_SETTING, decision.pointers);
    this.lastAssigned.set(decision.agentId, this.clock.now().toISOString());
    return { ...ticket, assigneeId: decision.agentId };
  }

  /** Agents of a team as routing sees them now: state, skills, open work per channel. */
  snapshots(teamId: string, excludeTicketId?: string): AgentSnapshot[] {
    const out: AgentSnapshot[] = [];
    for (const u of this.store.users.values()) {
      if (u.role !== 'agent' || !u.active || !u.teamIds.includes(teamId)) continue;
      const load: ChannelCounts = {};
      for (const t of this.store.tickets.byIndex('assignee', u.id)) {
        if (t.id === excludeTicketId || !open.has(t.status) || t.status === 'pending' || t.status === 'on_hold') continue;
        load[t.channel] = (load[t.channel] ?? 0) + 1;
      }
      out.push({ id: u.id, state: u.state, teamIds: u.teamIds, skills: u.skills, load, lastAssignedAt: this.lastAssigned.get(u.id) ?? null });
    }
    return out;
  }

  /**
   * After an agent's state changed: going offline (or pausing, if the team says so) hands their
   * new/open tickets back to routing; becoming available pulls waiting unassigned tickets of their
   * routed teams, oldest SLA first, while they have capacity. Returns the tickets that moved.
   */
  async rebalance(agentId: string): Promise<Ticket[]> {
    const agent = this.store.users.get(agentId);
    if (!agent || agent.role !== 'agent') return [];
    const moved: Ticket[] = [];
    if (agent.state === 'offline' || agent.state === 'paused') {
      const ids = ticketsToRedistribute(agent, this.store.tickets.byIndex('assignee', agentId), this.settings());
      for (const id of ids) {
        const t = await this.reassign(id, agentId);
        if (t) moved.push(t);
      }
      return moved;
    }
    if (agent.state !== 'available') return [];
    for (const teamId of agent.teamIds) {
      if (this.settingsOf(teamId).mode === 'manual') continue;
      const waiting = this.store.tickets.byIndex('openByTeam', teamId).filter((t) => !t.assigneeId && (t.status === 'new' || t.status === 'open')).sort(compareQueue);
      for (const t of waiting) {
        const assigned = await this.reassign(t.id, null);
        if (!assigned) break; // nobody (left) with capacity in this team
        moved.push(assigned);
      }
    }
    return moved;
  }

  /** Routes one ticket again (releasing it from `fromAgentId`); null when nothing changed. */
  private async reassign(ticketId: string, fromAgentId: string | null): Promise<Ticket | null> {
    const current = this.store.tickets.get(ticketId);
    if (!current) return null;
    const now = this.clock.now().toISOString();
    return this.store.write((tx) => {
      const released = { ...current, assigneeId: null };
      const routed = this.route(released, tx);
      if (routed.assigneeId === current.assigneeId) return null;
      if (!routed.assigneeId && !fromAgentId) return null;
      const saved = tx.put('tickets', { ...routed, updatedAt: now }, current.version);
      this.audit.record(tx, { actor: { id: null, name: 'routing' }, action: 'ticket.route', entity: 'ticket', entityId: ticketId, changes: { assigneeId: [current.assigneeId, routed.assigneeId] }, reason: fromAgentId ? 'agent unavailable' : 'agent available' });
      return saved;
    });
  }
}
