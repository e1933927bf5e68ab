import { describe, expect, it } from 'vitest';
import { CallEventSchema } from '../../../shared/schemas/call-event';
import { allowedActions, newSimCallId, phaseAfter, SIM_ACTIONS, simulatedEvent, validateSimSetup, type SimPhase } from '../../../renderer/features/cti/simulator';

const setup = { extension: '2001', caller: '(11) 98765-4321', queue: 'atendimento', dnis: '0800 700 1234', ivrCpf: '' };

describe('call simulator', () => {
  it('offers the buttons that make sense in each phase', () => {
    const offered = (phase: SimPhase) => SIM_ACTIONS.filter((a) => allowedActions(phase).has(a));
    expect(offered('idle')).toEqual(['ringing']);
    expect(offered('ringing')).toEqual(['answered', 'ended', 'abandoned']);
    expect(offered('talking')).toEqual(['held', 'ended']);
    expect(offered('held')).toEqual(['unheld', 'ended']);
    expect(offered('ended')).toEqual(['ringing']);
  });

  it('moves the simulated call along, and ignores buttons that do not apply', () => {
    let phase: SimPhase = 'idle';
    for (const action of ['ringing', 'answered', 'held', 'unheld', 'ended'] as const) phase = phaseAfter(phase, action);
    expect(phase).toBe('ended');
    expect(phaseAfter('idle', 'answered')).toBe('idle');
    expect(phaseAfter('ringing', 'abandoned')).toBe('ended');
  });

  it('sends a CallEvent the server accepts, with the whole call context and the IVR CPF as digits', () => {
    const event = simulatedEvent('sim-1', 'ringing', { ...setup, ivrCpf: '529.982.247-25' }, '2026-11-20T13:00:00.000Z');
    expect(event).toEqual({ callId: 'sim-1', linkedId: 'sim-1', state: 'ringing', ani: '(11) 98765-4321', dnis: '0800 700 1234', queue: 'atendimento', extension: '2001', ivr: { cpf: '52998224725' }, at: '2026-11-20T13:00:00.000Z' });
    expect(CallEventSchema.safeParse({ ...event, source: 'simulator' }).success).toBe(true);
    expect(simulatedEvent('sim-1', 'ended', { ...setup, caller: ' ', queue: '', dnis: '' }, '2026-11-20T13:00:00.000Z')).toMatchObject({ ani: null, queue: null, dnis: null, ivr: {} });
  });

  it('checks the setup before sending', () => {
    expect(validateSimSetup(setup)).toEqual({});
    expect(validateSimSetup({ ...setup, extension: '', caller: 'abc', ivrCpf: '123' })).toEqual({ extension: 'extensionRequired', caller: 'callerInvalid', ivrCpf: 'cpfInvalid' });
    expect(validateSimSetup({ ...setup, caller: '' })).toEqual({});
  });

  it('makes distinct call ids', () => {
    expect(newSimCallId(1_700_000_000_000, 0.5)).toMatch(/^sim-[0-9a-z]+-[0-9a-z]{4}$/);
    expect(newSimCallId(1, 0.1)).not.toBe(newSimCallId(1, 0.2));
  });
});
