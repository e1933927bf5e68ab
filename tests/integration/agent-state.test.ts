import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

describe('agent state', () => {
  it('is changed by the agent (pause needs a reason) and every period is recorded with its times', async () => {
    const { ana } = await workspaceFloor(t, clock);
    const me = await ana.users.setMyState({ state: 'available' });
    clock.advance(30 * 60_000);
    await ana.users.setMyState({ state: 'paused', reason: 'lunch' });
    clock.advance(60 * 60_000);
    const back = await ana.users.setMyState({ state: 'available' });
    expect(back).toMatchObject({ state: 'available', pauseReason: null, stateSince: clock.now().toISOString() });
    // @ts-expect-error a pause without a reason is refused by the procedure's schema
    await expect(ana.users.setMyState({ state: 'paused' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const spans = t.core.services.store.agentSpans.byIndex('agent', me.id).sort((a, b) => a.from.localeCompare(b.from));
    expect(spans.map((s) => [s.state, s.pauseReason, s.seconds])).toEqual([
      ['available', null, 1800],
      ['paused', 'lunch', 3600],
    ]);
    expect(spans[1]).toMatchObject({ from: '2026-11-20T13:30:00.000Z', to: '2026-11-20T14:30:00.000Z' });
  });
});
