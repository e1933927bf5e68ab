import { describe, expect, it } from 'vitest';
import { selectAgent } from '../../../main/domain/routing/agent-selection';
import { capacityFor, hasCapacity, loadRatio } from '../../../main/domain/routing/agent-capacity';
import { requiredSkillsFor, skillMatchScore } from '../../../main/domain/routing/skill-requirements';
import { TeamRoutingSettingsSchema, type AgentSnapshot, type RoundRobinPointers, type TeamRoutingSettingsInput } from '../../../shared/schemas/routing';
import type { Channel } from '../../../shared/schemas/common';

function agent(id: string, patch: Partial<AgentSnapshot> = {}): AgentSnapshot {
  return { id, state: 'available', teamIds: ['team_a'], skills: [], load: {}, lastAssignedAt: null, ...patch };
}

const team = (input: Partial<TeamRoutingSettingsInput> = {}) => TeamRoutingSettingsSchema.parse({ teamId: 'team_a', ...input });

/** Routes `n` items one by one, applying each assignment to the snapshot as the caller would. */
function simulate(agents: AgentSnapshot[], n: number, settings = team(), channel: Channel = 'email') {
  let pointers: RoundRobinPointers = {};
  const counts: Record<string, number> = {};
  const order: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = selectAgent({ channel }, agents, settings, pointers);
    if (!r.ok) return { counts, order, stoppedWith: r.reason, pointers };
    pointers = r.pointers;
    counts[r.agentId] = (counts[r.agentId] ?? 0) + 1;
    order.push(r.agentId);
    const a = agents.find((x) => x.id === r.agentId)!;
    a.load = { ...a.load, [channel]: (a.load[channel] ?? 0) + 1 };
    a.lastAssignedAt = new Date(Date.UTC(2026, 10, 23, 12, 0, i)).toISOString();
  }
  return { counts, order, stoppedWith: null, pointers };
}

describe('round robin', () => {
  it('spreads N assignments evenly (±1) and rotates in a fixed order', () => {
    const agents = ['ana', 'bia', 'caio', 'duda'].map((id) => agent(id, { capacity: { email: 100 } }));
    const { counts, order, pointers } = simulate(agents, 49);
    const values = Object.values(counts);
    expect(values).toHaveLength(4);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(order.slice(0, 6)).toEqual(['ana', 'bia', 'caio', 'duda', 'ana', 'bia']);
    expect(pointers).toEqual({ team_a: 'ana' });
  });

  it('fills capacity and then reports all agents at capacity', () => {
    const agents = ['a1', 'a2', 'a3'].map((id) => agent(id));
    const r = simulate(agents, 31, team(), 'email');
    expect(r.counts).toEqual({ a1: 10, a2: 10, a3: 10 });
    expect(r.stoppedWith).toBe('all_at_capacity');
  });

  it('skips an agent who paused and continues from the stored pointer; pointers are per team', () => {
    const agents = [agent('a1'), agent('a2', { state: 'paused' }), agent('a3'), agent('b1', { teamIds: ['team_b'] })];
    const first = selectAgent({ channel: 'chat' }, agents, team(), { team_a: 'a1', team_b: 'b1' });
    expect(first).toMatchObject({ ok: true, agentId: 'a3', pointers: { team_a: 'a3', team_b: 'b1' } });
    // The pointer's agent left the team: rotation goes on from where it was.
    const next = selectAgent({ channel: 'chat' }, agents.filter((a) => a.id !== 'a3'), team(), { team_a: 'a3' });
    expect(next).toMatchObject({ ok: true, agentId: 'a1' });
  });
});

describe('least loaded', () => {
  it('picks the lowest load ratio on the channel, not the lowest count', () => {
    const agents = [agent('small', { load: { chat: 2 } }), agent('big', { load: { chat: 3 }, capacity: { chat: 6 } })];
    expect(loadRatio(agents[0]!, 'chat')).toBeCloseTo(2 / 3);
    expect(selectAgent({ channel: 'chat' }, agents, team({ mode: 'least_loaded' }))).toMatchObject({ ok: true, agentId: 'big' });
  });

  it('breaks ties by the longest idle, never-assigned first', () => {
    const settings = team({ mode: 'least_loaded' });
    const agents = [
      agent('recent', { lastAssignedAt: '2026-11-23T12:00:00Z', load: { email: 1 } }),
      agent('older', { lastAssignedAt: '2026-11-23T09:00:00Z', load: { email: 1 } }),
    ];
    expect(selectAgent({ channel: 'email' }, agents, settings)).toMatchObject({ agentId: 'older' });
    expect(selectAgent({ channel: 'email' }, [...agents, agent('never', { load: { email: 1 } })], settings)).toMatchObject({ agentId: 'never' });
    // Pointers are not touched outside round robin.
    expect(selectAgent({ channel: 'email' }, agents, settings, { team_a: 'x' }).pointers).toEqual({ team_a: 'x' });
  });

  it('keeps a balanced floor under a long simulation', () => {
    const agents = ['a', 'b', 'c'].map((id) => agent(id, { capacity: { chat: 50 } }));
    const { counts } = simulate(agents, 100, team({ mode: 'least_loaded' }), 'chat');
    expect(Object.values(counts).sort()).toEqual([33, 33, 34]);
  });
});

describe('skills based', () => {
  const settings = team({ mode: 'skills_based' });
  const required = [
    { name: 'espanhol', minLevel: 3 },
    { name: 'billing', minLevel: 2 },
  ];

  it('respects minimum levels and picks the best score, then the least loaded', () => {
    const agents = [
      agent('low', { skills: [{ name: 'espanhol', level: 2 }, { name: 'billing', level: 5 }] }),
      agent('good', { skills: [{ name: 'Espanhol', level: 3 }, { name: 'billing', level: 2 }] }),
      agent('best_busy', { skills: [{ name: 'espanhol', level: 5 }, { name: 'billing', level: 4 }], load: { email: 9 } }),
      agent('best_free', { skills: [{ name: 'espanhol', level: 4 }, { name: 'billing', level: 5 }], load: { email: 1 } }),
    ];
    expect(skillMatchScore(agents[0]!, required)).toBeNull();
    expect(skillMatchScore(agents[1]!, required)).toBe(5);
    expect(selectAgent({ channel: 'email', requiredSkills: required }, agents, settings)).toMatchObject({ ok: true, agentId: 'best_free' });
    expect(selectAgent({ channel: 'email', requiredSkills: required }, agents.slice(0, 1), settings)).toMatchObject({ ok: false, reason: 'no_skilled_agent' });
    // Skilled but full is a capacity problem, not a skills one.
    const full = agent('full', { skills: [{ name: 'espanhol', level: 5 }, { name: 'billing', level: 5 }], load: { email: 10 } });
    expect(selectAgent({ channel: 'email', requiredSkills: required }, [agents[0]!, full], settings)).toMatchObject({ ok: false, reason: 'all_at_capacity' });
  });

  it('without requirements behaves as least loaded; other modes ignore requirements', () => {
    const agents = [agent('a', { load: { email: 3 } }), agent('b', { load: { email: 1 } })];
    expect(selectAgent({ channel: 'email' }, agents, settings)).toMatchObject({ agentId: 'b' });
    expect(selectAgent({ channel: 'email', requiredSkills: required }, agents, team({ mode: 'least_loaded' }))).toMatchObject({ agentId: 'b' });
  });

  it('derives requirements from the team skill rules (highest level per skill)', () => {
    const rules = team({
      skillRules: [
        { category: 'billing', skills: [{ name: 'billing', minLevel: 2 }] },
        { tag: 'es', skills: [{ name: 'espanhol', minLevel: 3 }] },
        { channel: 'phone', tag: 'es', skills: [{ name: 'espanhol', minLevel: 4 }] },
        { channel: 'chat', skills: [{ name: 'chat', minLevel: 1 }] },
      ],
    }).skillRules;
    expect(requiredSkillsFor({ category: 'billing', channel: 'phone', tags: ['es'] }, rules)).toEqual([
      { name: 'billing', minLevel: 2 },
      { name: 'espanhol', minLevel: 4 },
    ]);
    expect(requiredSkillsFor({ category: null, channel: 'email', tags: [] }, rules)).toEqual([]);
  });
});

describe('capacity and availability', () => {
  it('resolves capacity agent → team → defaults', () => {
    const a = agent('a', { capacity: { chat: 5 } });
    expect(capacityFor(a, 'chat', { chat: 2 })).toBe(5);
    expect(capacityFor(a, 'email', { email: 4 })).toBe(4);
    expect(capacityFor(a, 'phone')).toBe(1);
    expect(capacityFor(a, 'email')).toBe(10);
    expect(capacityFor(a, 'email', {}, { phone: 1, chat: 3, whatsapp: 3, social: 5, web: 10, email: 2 })).toBe(2);
    expect(hasCapacity(agent('p', { load: { phone: 1 } }), 'phone')).toBe(false);
    expect(hasCapacity(agent('z', { capacity: { chat: 0 } }), 'chat')).toBe(false);
  });

  it('gives work only to available agents, however idle the others are', () => {
    const others = (['paused', 'in_call', 'wrap_up', 'offline'] as const).map((state) => agent(`x_${state}`, { state }));
    const busy = agent('busy', { load: { chat: 2 }, lastAssignedAt: '2026-11-23T12:00:00Z' });
    for (const mode of ['round_robin', 'least_loaded', 'skills_based'] as const) {
      expect(selectAgent({ channel: 'chat' }, [...others, busy], team({ mode }))).toMatchObject({ ok: true, agentId: 'busy' });
      expect(selectAgent({ channel: 'chat' }, others, team({ mode }))).toMatchObject({ ok: false, reason: 'no_available_agent' });
    }
  });

  it('uses the team capacity, honours exclusions and never assigns in manual mode', () => {
    const agents = [agent('a', { load: { chat: 1 } }), agent('b', { load: { chat: 0 } })];
    expect(selectAgent({ channel: 'chat', excludeAgentIds: ['b'] }, agents, team({ capacity: { chat: 1 } }))).toMatchObject({ ok: false, reason: 'all_at_capacity' });
    expect(selectAgent({ channel: 'chat', excludeAgentIds: ['b'] }, agents, team())).toMatchObject({ ok: true, agentId: 'a' });
    expect(selectAgent({ channel: 'chat' }, agents, team({ mode: 'manual' }))).toEqual({ ok: false, reason: 'manual_mode', pointers: {} });
    expect(selectAgent({ channel: 'chat' }, [agent('other', { teamIds: ['team_b'] })], team())).toMatchObject({ reason: 'no_available_agent' });
  });
});

describe('TeamRoutingSettingsSchema', () => {
  it('fills defaults and explains a skill rule that matches nothing', () => {
    expect(team()).toEqual({
      teamId: 'team_a',
      mode: 'round_robin',
      capacity: {},
      skillRules: [],
      redistribution: { onOffline: true, onPause: false, statuses: ['new', 'open'] },
    });
    const r = TeamRoutingSettingsSchema.safeParse({ teamId: 'team_a', mode: 'random', capacity: { fax: 1 }, skillRules: [{ skills: [] }] });
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mode: /),
        expect.stringMatching(/^capacity/),
        'skillRules.0.skills: a skill rule needs at least one skill',
      ]),
    );
  });
});
