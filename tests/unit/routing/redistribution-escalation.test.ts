import { describe, expect, it } from 'vitest';
import { nextTierTeams } from '../../../main/domain/routing/escalation';
import { ticketsToRedistribute, type RedistributableTicket } from '../../../main/domain/routing/redistribution';
import { TeamRoutingSettingsSchema } from '../../../shared/schemas/routing';

const tickets: RedistributableTicket[] = [
  { id: 't_new', assigneeId: 'ana', status: 'new', teamId: 'team_a' },
  { id: 't_open', assigneeId: 'ana', status: 'open', teamId: 'team_a' },
  { id: 't_pending', assigneeId: 'ana', status: 'pending', teamId: 'team_a' },
  { id: 't_solved', assigneeId: 'ana', status: 'solved', teamId: 'team_a' },
  { id: 't_other', assigneeId: 'bia', status: 'open', teamId: 'team_a' },
  { id: 't_vip', assigneeId: 'ana', status: 'open', teamId: 'team_vip' },
  { id: 't_noteam', assigneeId: 'ana', status: 'open', teamId: null },
];

describe('redistribution', () => {
  it('releases an offline agent’s new and open tickets; pending stay with the agent', () => {
    expect(ticketsToRedistribute({ id: 'ana', state: 'offline' }, tickets)).toEqual(['t_new', 't_open', 't_vip', 't_noteam']);
  });

  it('lets paused agents keep what they have unless a team says otherwise', () => {
    expect(ticketsToRedistribute({ id: 'ana', state: 'paused' }, tickets)).toEqual([]);
    const vip = TeamRoutingSettingsSchema.parse({ teamId: 'team_vip', redistribution: { onPause: true, statuses: ['open', 'pending'] } });
    expect(ticketsToRedistribute({ id: 'ana', state: 'paused' }, tickets, [vip])).toEqual(['t_vip']);
  });

  it('follows per-team settings and releases nothing for working states', () => {
    const keep = TeamRoutingSettingsSchema.parse({ teamId: 'team_a', redistribution: { onOffline: false } });
    expect(ticketsToRedistribute({ id: 'ana', state: 'offline' }, tickets, [keep])).toEqual(['t_vip', 't_noteam']);
    const all = TeamRoutingSettingsSchema.parse({ teamId: 'team_a', redistribution: { statuses: ['new', 'open', 'pending', 'on_hold'] } });
    expect(ticketsToRedistribute({ id: 'ana', state: 'offline' }, tickets, [all])).toContain('t_pending');
    for (const state of ['available', 'in_call', 'wrap_up'] as const) {
      expect(ticketsToRedistribute({ id: 'ana', state }, tickets)).toEqual([]);
    }
  });
});

describe('escalation tiers', () => {
  const teams = [
    { id: 'front', tier: 1 },
    { id: 'n2_b', tier: 2 },
    { id: 'n2_a', tier: 2 },
    { id: 'specialists', tier: 3 },
  ];

  it('goes to the next tier’s teams', () => {
    expect(nextTierTeams(teams, 1)).toEqual({ ok: true, tier: 2, teams: [{ id: 'n2_a', tier: 2 }, { id: 'n2_b', tier: 2 }] });
    expect(nextTierTeams(teams, 2)).toEqual({ ok: true, tier: 3, teams: [{ id: 'specialists', tier: 3 }] });
  });

  it('skips a tier without teams and stops at the top', () => {
    expect(nextTierTeams([teams[0]!, teams[3]!], 1)).toMatchObject({ ok: true, tier: 3 });
    expect(nextTierTeams(teams, 3)).toEqual({ ok: false, reason: 'top_tier' });
    expect(nextTierTeams([teams[0]!], 1)).toEqual({ ok: false, reason: 'no_higher_tier_team' });
  });
});
