import { describe, expect, it } from 'vitest';
import { computeFromHistory } from '../../../shared/kpi';
import { reply, statusEvent, ticketRecord } from '../../fixtures/kpi-records';

describe('status events written in the same millisecond', () => {
  it('are ordered by how their from → to chain, so a take-and-solve is not counted as a reopen', () => {
    const at = '2026-03-10T14:00:00.000Z';
    const ticket = ticketRecord({ id: 't1', createdAt: '2026-03-10T13:50:00.000Z', channel: 'email', requesterId: 'c1', status: 'solved', solvedAt: at, firstResponseAt: at, assigneeId: 'a1' });
    // Ids sort the solve before the take: a plain (time, id) order would read solved → open.
    const events = [statusEvent('e_a', 't1', at, 'open', 'solved'), statusEvent('e_b', 't1', at, 'new', 'open'), reply('r1', 't1', at, 'a1')];
    const summary = computeFromHistory({ tickets: [ticket], interactions: events, surveys: [], agentSpans: [] }, { kind: 'summary', from: '2026-03-10', to: '2026-03-11', asOf: '2026-03-30T00:00:00.000Z' });
    expect(summary.fcr).toMatchObject({ solved: 1, firstContact: 1 });
  });
});
