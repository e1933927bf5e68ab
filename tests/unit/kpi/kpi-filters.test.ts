import { describe, expect, it } from 'vitest';
import { computeFromHistory, type KpiFilters } from '../../../shared/kpi';
import { HAND_AS_OF, handFloor } from '../../fixtures/kpi-hand-floor';
import { enginesOf } from './kpi-harness';

const WEEK = { from: '2026-03-09', to: '2026-03-16', asOf: HAND_AS_OF };
const floor = handFloor();
const { incremental, rebuilt } = enginesOf(floor);
const reference = {
  summary: (q: typeof WEEK & { filters?: KpiFilters }) => computeFromHistory(floor, { kind: 'summary', ...q }),
  agents: (q: typeof WEEK & { filters?: KpiFilters }) => computeFromHistory(floor, { kind: 'agents', ...q }),
};

describe.each([
  ['incremental', incremental],
  ['rebuilt', rebuilt],
  ['computeFromHistory', reference],
])('filters and the agents table — %s', (_name, engine) => {
  const summary = (filters: KpiFilters) => engine.summary({ ...WEEK, filters });

  it('team: contacts by their ticket’s team, occupancy by the agents’ teams', () => {
    const s = summary({ teamIds: ['tA'] });
    // tA contacts: K1 390, K2 220 (calls of T1, T2), T3 420, T5 240 → 1270 / 4 = 317.5.
    // K5 has no ticket, so no team: left out.
    expect(s.tma.overall).toBe(317.5);
    expect(s.volume.total).toBe(4);
    // FCR: T1 yes, T2 no, T3 no, T5 yes → 50 %. Unsolved tA tickets at the end: none → null.
    expect(s.fcr.rate).toBe(50);
    expect(s.backlog).toBeNull();
    // Calls: K1 within 20 s, K2 not → 50 %; K4 (no ticket) is not tA's → abandonment 0 / 2.
    expect([s.serviceLevel.rate, s.abandonment.rate]).toEqual([50, 0]);
    // Occupancy of a1 and a2: (810 + 460) / (7200 + 7200) = 8.82 %
    expect(s.occupancy.rate).toBeCloseTo((1270 / 14400) * 100, 6);
  });

  it('channel', () => {
    const s = summary({ channels: ['email'] });
    // T3 420, T4 300 → 360; created T3, T4, T9 → 3; FCR T3 no, T4 no → 0 % (a real zero); T9 unsolved.
    expect([s.tma.overall, s.tma.byChannel.phone, s.volume.total, s.fcr.rate, s.backlog]).toEqual([360, null, 3, 0, 1]);
    // Occupancy is agent time, not a contact: the channel filter does not split it.
    expect(s.occupancy.rate).toBeCloseTo((1730 / 23400) * 100, 6);
  });

  it('queue: calls by their queue, tickets by the queue of their first call', () => {
    const s = summary({ queues: ['support'] });
    // K1 (15 s) and K5 (10 s) answered within 20 s; K3 a short abandon → 2 / 2 = 100 %, abandonment 0 %.
    expect(s.serviceLevel).toMatchObject({ rate: 100, offered: 2 });
    expect(s.abandonment).toMatchObject({ rate: 0, shortAbandons: 1 });
    // TMA (390 + 100) / 2 = 245; T1 (first call K1 in support) is the only ticket → volume 1, FCR 100 %.
    expect([s.tma.overall, s.volume.total, s.fcr.rate]).toEqual([245, 1, 100]);
  });

  it('category, surveys by their ticket’s category', () => {
    const s = summary({ categories: ['billing'] });
    // T2, T3, T7 and K2 (T2's call): TMA (220 + 420) / 2 = 320. CSAT: S2 (T3) = 2 → 0 %; NPS: S5 (T2) = 10 → 100.
    expect([s.tma.overall, s.volume.total, s.csat.score, s.csat.responseRate, s.nps.score]).toEqual([320, 3, 0, 100, 100]);
  });

  it('agent: calls by who answered, tickets by assignee, surveys by their agent', () => {
    const s = summary({ agentIds: ['a3'] });
    // K5 100 + T4 300 → 200; T4, T7 assigned → 2; occupancy 460 / 9000; CSAT: S3 sent, unanswered → rate 0 %.
    expect([s.tma.overall, s.volume.total, s.csat.score, s.csat.responseRate]).toEqual([200, 2, null, 0]);
    expect(s.occupancy.rate).toBeCloseTo((460 / 9000) * 100, 6);
  });

  it('combined filters, and empty lists', () => {
    const s = summary({ teamIds: ['tB'], channels: ['phone'] });
    expect([s.tma.overall, s.volume.total, s.serviceLevel.rate]).toEqual([null, null, null]);
    expect(s.occupancy.rate).toBeCloseTo((460 / 9000) * 100, 6);
    const none = summary({ teamIds: [] });
    expect(Object.values(none.values).every((v) => v === null)).toBe(true);
  });

  it('per-agent rows', () => {
    expect(engine.agents(WEEK)).toEqual([
      // a1: K1 390 + T3 420 → 405; FCR T1 yes, T3 no; CSAT S1 5, S2 2; occupancy 810 / 7200.
      { agentId: 'a1', handled: 2, tma: 405, fcr: 50, fcrProvisional: 0, csat: 50, occupancy: 11.25 },
      // a2: K2 220 + T5 240 → 230; FCR T2 no, T5 yes (provisional); S4 answered next week → null.
      { agentId: 'a2', handled: 2, tma: 230, fcr: 50, fcrProvisional: 1, csat: null, occupancy: (460 / 7200) * 100 },
      // a3: K5 100 + T4 300 → 200; FCR T4 no (provisional); no CSAT answer; occupancy 460 / 9000.
      { agentId: 'a3', handled: 2, tma: 200, fcr: 0, fcrProvisional: 1, csat: null, occupancy: (460 / 9000) * 100 },
    ]);
    // A team filter keeps that team's agents.
    expect(engine.agents({ ...WEEK, filters: { teamIds: ['tA'] } }).map((r) => r.agentId)).toEqual(['a1', 'a2']);
    expect(engine.agents({ ...WEEK, filters: { agentIds: ['a2'] } }).map((r) => r.agentId)).toEqual(['a2']);
    // A day with nothing: no rows.
    expect(engine.agents({ ...WEEK, from: '2026-03-01', to: '2026-03-02' })).toEqual([]);
  });
});
