import { randomBytes } from 'node:crypto';
import type { AgentState, PauseReason, PublicUser, Role, Team, User } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit.service';
import type { EventBus } from '../shared/event-bus';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { hashPassword } from '../auth/password';
import { toPublicUser } from './public-user';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  extension?: string | null;
  teamIds?: string[];
}

export type UserPatch = Partial<Pick<User, 'displayName' | 'role' | 'extension' | 'teamIds' | 'skills' | 'active' | 'language'>>;

export type UserResult = { ok: true; user: PublicUser } | { ok: false; reason: 'username_taken' | 'extension_taken' | 'not_found' | 'unknown_team' | 'version_conflict' };

/** Users, teams and agent state. */
export class UsersService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
  ) {}

  list(): PublicUser[] {
    return [...this.store.users.values()].map(toPublicUser).sort((a, b) => a.displayName.localeCompare(b.displayName, 'pt-BR'));
  }

  teams(): Team[] {
    return [...this.store.teams.values()].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name, 'pt-BR'));
  }

  /**
   * First run: creates `admin` when no admin exists. Returns the password it generated when none
   * was given, so the caller can print it once.
   */
  async ensureAdmin(password: string | undefined): Promise<{ created: boolean; generatedPassword?: string }> {
    if ([...this.store.users.values()].some((u) => u.role === 'admin')) return { created: false };
    const generated = password ? undefined : randomBytes(12).toString('base64url');
    const result = await this.create(
      { username: 'admin', displayName: 'Administrador', role: 'admin', password: password ?? (generated as string) },
      { id: null, name: 'system' },
    );
    if (!result.ok) throw new Error(`cannot create admin: ${result.reason}`);
    return { created: true, ...(generated ? { generatedPassword: generated } : {}) };
  }

  async create(input: NewUser, actor: Actor): Promise<UserResult> {
    const username = input.username.trim().toLowerCase();
    if (this.store.users.countByIndex('username', username) > 0) return { ok: false, reason: 'username_taken' };
    if (input.extension && this.store.users.countByIndex('extension', input.extension) > 0) return { ok: false, reason: 'extension_taken' };
    if ((input.teamIds ?? []).some((t) => !this.store.teams.get(t))) return { ok: false, reason: 'unknown_team' };
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now().toISOString();
    const user = await this.store.write((tx) => {
      const u = tx.put('users', {
        id: newId('usr'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        username,
        displayName: input.displayName.trim(),
        role: input.role,
        passwordHash,
        extension: input.extension ?? null,
        teamIds: input.teamIds ?? [],
        skills: [],
        state: 'offline',
        pauseReason: null,
        stateSince: now,
        active: true,
        language: null,
      });
      this.audit.record(tx, { actor, action: 'user.create', entity: 'user', entityId: u.id, changes: { username: [null, username], role: [null, input.role] } });
      return u;
    });
    this.bus.publish('userChanged', { userId: user.id });
    return { ok: true, user: toPublicUser(user) };
  }

  async update(id: string, patch: UserPatch, actor: Actor, expectedVersion?: number): Promise<UserResult> {
    const current = this.store.users.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (expectedVersion !== undefined && current.version !== expectedVersion) return { ok: false, reason: 'version_conflict' };
    if (patch.extension && this.store.users.byIndex('extension', patch.extension).some((u) => u.id !== id)) {
      return { ok: false, reason: 'extension_taken' };
    }
    if ((patch.teamIds ?? []).some((t) => !this.store.teams.get(t))) return { ok: false, reason: 'unknown_team' };
    const next: User = { ...current, ...patch, updatedAt: this.clock.now().toISOString() };
    const saved = await this.store.write((tx) => {
      const u = tx.put('users', next, current.version);
      const changes = diffFields(current, next, ['displayName', 'role', 'extension', 'teamIds', 'skills', 'active', 'language']);
      this.audit.record(tx, { actor, action: 'user.update', entity: 'user', entityId: id, changes });
      return u;
    });
    this.bus.publish('userChanged', { userId: id });
    return { ok: true, user: toPublicUser(saved) };
  }

  async setPassword(id: string, password: string, actor: Actor): Promise<UserResult> {
    const current = this.store.users.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    const passwordHash = await hashPassword(password);
    const saved = await this.store.write((tx) => {
      const u = tx.put('users', { ...current, passwordHash, updatedAt: this.clock.now().toISOString() });
      this.audit.record(tx, { actor, action: 'user.password', entity: 'user', entityId: id });
      return u;
    });
    return { ok: true, user: toPublicUser(saved) };
  }

  /** Changes an agent's state (available, paused with reason, ...), recording when it started. */
  async setState(id: string, state: AgentState, pauseReason: PauseReason | null, actor: Actor): Promise<UserResult> {
    const current = this.store.users.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    const now = this.clock.now().toISOString();
    const next: User = { ...current, state, pauseReason: state === 'paused' ? pauseReason : null, stateSince: now, updatedAt: now };
    const saved = await this.store.write((tx) => {
      const u = tx.put('users', next);
      // The period just ended, for the wallboard history and occupancy.
      const seconds = Math.max(0, (Date.parse(now) - Date.parse(current.stateSince)) / 1000);
      if (seconds > 0 && current.state !== 'offline') {
        tx.put('agentSpans', { id: newId('spn'), createdAt: now, updatedAt: now, version: 0, agentId: id, state: current.state, pauseReason: current.pauseReason, from: current.stateSince, to: now, seconds });
      }
      this.audit.record(tx, { actor, action: 'user.state', entity: 'user', entityId: id, changes: { state: [current.state, state], pauseReason: [current.pauseReason, next.pauseReason] } });
      return u;
    });
    this.bus.publish('userChanged', { userId: id });
    return { ok: true, user: toPublicUser(saved) };
  }

  /** Creates (`id` null) or renames/re-tiers a team; names are unique (case-insensitive). */
  async saveTeam(
    id: string | null,
    input: { name: string; tier: number; description: string; queues?: readonly string[] },
    actor: Actor,
  ): Promise<{ ok: true; team: Team } | { ok: false; reason: 'not_found' | 'name_taken' | 'queue_taken' }> {
    const current = id ? this.store.teams.get(id) : undefined;
    if (id && !current) return { ok: false, reason: 'not_found' };
    const name = input.name.trim();
    if ([...this.store.teams.values()].some((t) => t.id !== id && t.name.toLocaleLowerCase('pt-BR') === name.toLocaleLowerCase('pt-BR'))) return { ok: false, reason: 'name_taken' };
    // A PBX queue is answered by one team: its calls without a ticket count for that team.
    const queues = [...new Set((input.queues ?? current?.queues ?? []).map((q) => q.trim()).filter((q) => q !== ''))];
    if ([...this.store.teams.values()].some((t) => t.id !== id && (t.queues ?? []).some((q) => queues.includes(q)))) return { ok: false, reason: 'queue_taken' };
    const now = this.clock.now().toISOString();
    const team = await this.store.write((tx) => {
      const t = tx.put('teams', { id: current?.id ?? newId('team'), createdAt: current?.createdAt ?? now, updatedAt: now, version: current?.version ?? 0, name, tier: input.tier, description: input.description, queues });
      this.audit.record(tx, {
        actor,
        action: current ? 'team.update' : 'team.create',
        entity: 'team',
        entityId: t.id,
        changes: { name: [current?.name ?? null, name], tier: [current?.tier ?? null, input.tier], queues: [current?.queues ?? null, queues] },
      });
      return t;
    });
    return { ok: true, team };
  }
}
