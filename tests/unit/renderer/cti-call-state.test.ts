import { describe, expect, it } from 'vitest';
import type { CallState } from '../../../shared/schemas/call-event';
import { callTimes, ctiReducer, currentCall, INITIAL_CTI_STATE, otherWrapUps, phaseSeconds, RING_TIMEOUT_SECONDS, type CtiAction, type CtiState, type ScreenPop } from '../../../renderer/features/cti/call-state';

const T0 = Date.parse('2026-11-20T13:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function pop(callId: string, overrides: Partial<ScreenPop> = {}): ScreenPop {
  return { callId, ani: '11987654321', dnis: null, queue: 'atendimento', extension: '2001', ivr: {}, at: at(0), matchedBy: null, matches: [], view: null, ...overrides };
}
const match = (id: string) => ({ id, name: id }) as ScreenPop['matches'][number];
const update = (callId: string, state: CallState, seconds: number): CtiAction => ({
  type: 'update',
  update: { callId, state, customerId: null, at: at(seconds) },
  at: at(seconds),
});
const run = (actions: CtiAction[], from: CtiState = INITIAL_CTI_STATE) => actions.reduce(ctiReducer, from);

describe('call state', () => {
  it('follows a call: ringing → talking → held → talking → wrap-up, with talk and hold times', () => {
    const s = run([
      { type: 'pop', pop: pop('c1', { matches: [match('cus_1')] }), at: at(0) },
      update('c1', 'ringing', 0),
      update('c1', 'answered', 5),
      update('c1', 'held', 65),
      update('c1', 'unheld', 95),
      update('c1', 'ended', 215),
    ]);
    const call = s.calls[0];
    expect(call).toMatchObject({ callId: 'c1', phase: 'wrapUp', customerId: 'cus_1', holdSeconds: 30, endedAt: at(215) });
    expect(callTimes(call!, T0 + 260_000)).toEqual({ ringing: 0, talk: 180, hold: 30, currentHold: 0, wrapUp: 45 });
    expect(phaseSeconds(call!, T0 + 260_000)).toBe(45);
  });

  it('counts the hold running now, and the ringing wait', () => {
    const held = run([{ type: 'pop', pop: pop('c1'), at: at(0) }, update('c1', 'answered', 10), update('c1', 'held', 40)]);
    expect(callTimes(held.calls[0]!, T0 + 50_000)).toMatchObject({ talk: 30, hold: 10, currentHold: 10 });
    expect(phaseSeconds(held.calls[0]!, T0 + 50_000)).toBe(10);
    const ringing = run([{ type: 'pop', pop: pop('c2'), at: at(0) }]);
    expect(phaseSeconds(ringing.calls[0]!, T0 + 7_000)).toBe(7);
  });

  it('a hang-up before answering is a missed call, and an abandon too; neither owes a wrap-up', () => {
    const s = run([{ type: 'pop', pop: pop('a'), at: at(0) }, update('a', 'ended', 9), { type: 'pop', pop: pop('b'), at: at(10) }, update('b', 'abandoned', 12)]);
    expect(s.calls.map((c) => [c.callId, c.phase])).toEqual([
      ['b', 'missed'],
      ['a', 'missed'],
    ]);
  });

  it('a call that stops ringing here (back to the queue, or silently taken elsewhere) is not answered here', () => {
    const requeued = run([{ type: 'pop', pop: pop('c1'), at: at(0) }, update('c1', 'queued', 20)]);
    expect(requeued.calls[0]).toMatchObject({ phase: 'missed', endedAt: at(20) });
    const ringing = run([{ type: 'pop', pop: pop('c2'), at: at(0) }, { type: 'pop', pop: pop('c3'), at: at(60) }]);
    const expired = ctiReducer(ringing, { type: 'expire', now: at(RING_TIMEOUT_SECONDS) });
    expect(expired.calls.map((c) => [c.callId, c.phase])).toEqual([
      ['c3', 'ringing'],
      ['c2', 'missed'],
    ]);
    expect(ctiReducer(expired, { type: 'expire', now: at(RING_TIMEOUT_SECONDS + 1) })).toBe(expired);
    const talking = run([{ type: 'pop', pop: pop('c4'), at: at(0) }, update('c4', 'answered', 5), update('c4', 'queued', 6), { type: 'expire', now: at(500) }]);
    expect(talking.calls[0]?.phase).toBe('talking');
    // Rung here again later (round robin), or answered after the local timeout: live again.
    expect(ctiReducer(requeued, update('c1', 'ringing', 40)).calls[0]).toMatchObject({ phase: 'ringing', ringingAt: at(40), endedAt: null });
    expect(ctiReducer(expired, update('c2', 'answered', 95)).calls.find((c) => c.callId === 'c2')).toMatchObject({ phase: 'talking', answeredAt: at(95) });
  });

  it('ignores repeated and late events, and ends of calls it never saw', () => {
    const s = run([{ type: 'pop', pop: pop('c1'), at: at(0) }, update('c1', 'answered', 5), update('c1', 'answered', 8), update('c1', 'ended', 20), update('c1', 'answered', 25), update('ghost', 'ended', 30)]);
    expect(s.calls).toHaveLength(1);
    expect(s.calls[0]).toMatchObject({ phase: 'wrapUp', answeredAt: at(5), endedAt: at(20) });
  });

  it('keeps the customer the agent chose or created over the server match', () => {
    const s = run([
      { type: 'pop', pop: pop('c1', { matches: [match('x'), match('y')] }), at: at(0) },
      { type: 'choose', callId: 'c1', customerId: 'y', source: 'chosen' },
      { type: 'update', update: { callId: 'c1', state: 'answered', customerId: 'x', at: at(3) }, at: at(3) },
    ]);
    expect(s.calls[0]).toMatchObject({ customerId: 'y', customerSource: 'chosen' });
    const cleared = ctiReducer(s, { type: 'choose', callId: 'c1', customerId: null });
    expect(cleared.calls[0]).toMatchObject({ customerId: null, customerSource: 'server' });
  });

  it('brings back wrap-ups still owed after a reload, without inventing a talk time', () => {
    const s = run([{ type: 'pending', items: [{ callId: 'old', customerId: 'cus_9', endedAt: at(-60), ani: '1133334444' }], at: at(0) }]);
    expect(s.calls[0]).toMatchObject({ callId: 'old', phase: 'wrapUp', customerId: 'cus_9', ani: '1133334444', answeredAt: null, endedAt: at(-60) });
    expect(callTimes(s.calls[0]!, T0)).toMatchObject({ talk: 0, wrapUp: 60 });
  });

  it('shows a live call first, then the oldest wrap-up, then a missed call; forgets what is done', () => {
    let s = run([
      { type: 'pop', pop: pop('first'), at: at(0) },
      update('first', 'answered', 1),
      update('first', 'ended', 2),
      { type: 'pop', pop: pop('second'), at: at(3) },
      update('second', 'answered', 4),
      update('second', 'ended', 5),
      { type: 'pop', pop: pop('missed'), at: at(6) },
      update('missed', 'abandoned', 7),
      { type: 'pop', pop: pop('live'), at: at(8) },
    ]);
    expect(currentCall(s)?.callId).toBe('live');
    expect(otherWrapUps(s, currentCall(s))).toBe(2);
    s = ctiReducer(s, update('live', 'abandoned', 9));
    expect(currentCall(s)?.callId).toBe('first');
    expect(otherWrapUps(s, currentCall(s))).toBe(1);
    s = ctiReducer(ctiReducer(s, { type: 'wrappedUp', callId: 'first' }), { type: 'wrappedUp', callId: 'second' });
    expect(currentCall(s)?.callId).toBe('live');
    s = ctiReducer(ctiReducer(s, { type: 'dismiss', callId: 'live' }), { type: 'dismiss', callId: 'missed' });
    expect(currentCall(s)).toBeNull();
  });
});
