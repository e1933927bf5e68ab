import { cpfDigits, isValidCpf } from '../../../shared/br/cpf';
import type { CallState } from '../../../shared/schemas/call-event';

/**
 * The call simulator's rules, pure: which buttons a simulated call allows in each phase, where
 * each one takes it, and the CallEvent (`cti.simulate` input) it sends.
 */

export type SimPhase = 'idle' | 'ringing' | 'talking' | 'held' | 'ended';
export type SimAction = Extract<CallState, 'ringing' | 'answered' | 'held' | 'unheld' | 'ended' | 'abandoned'>;

/** The buttons, in the order they show. */
export const SIM_ACTIONS: readonly SimAction[] = ['ringing', 'answered', 'held', 'unheld', 'ended', 'abandoned'];

const ALLOWED: Record<SimPhase, readonly SimAction[]> = {
  idle: ['ringing'],
  ringing: ['answered', 'ended', 'abandoned'],
  talking: ['held', 'ended'],
  held: ['unheld', 'ended'],
  // Ringing again starts a new call (a new id).
  ended: ['ringing'],
};

export function allowedActions(phase: SimPhase): ReadonlySet<SimAction> {
  return new Set(ALLOWED[phase]);
}

export function phaseAfter(phase: SimPhase, action: SimAction): SimPhase {
  if (!ALLOWED[phase].includes(action)) return phase;
  switch (action) {
    case 'ringing':
      return 'ringing';
    case 'answered':
    case 'unheld':
      return 'talking';
    case 'held':
      return 'held';
    case 'ended':
    case 'abandoned':
      return 'ended';
  }
}

export interface SimSetup {
  extension: string;
  caller: string;
  queue: string;
  dnis: string;
  ivrCpf: string;
}

export type SimField = 'extension' | 'caller' | 'ivrCpf';
export type SimErrors = Partial<Record<SimField, 'extensionRequired' | 'callerInvalid' | 'cpfInvalid'>>;

/** A caller number as a PBX may send it: digits and phone punctuation, up to 40 characters. */
const CALLER = /^\+?[\d\s().-]{3,40}$/;

export function validateSimSetup(s: SimSetup): SimErrors {
  const errors: SimErrors = {};
  if (!/^\d{2,8}$/.test(s.extension)) errors.extension = 'extensionRequired';
  if (s.caller.trim() && !CALLER.test(s.caller.trim())) errors.caller = 'callerInvalid';
  if (s.ivrCpf.trim() && !isValidCpf(s.ivrCpf)) errors.ivrCpf = 'cpfInvalid';
  return errors;
}

/** A fresh id for a simulated call (distinct from PBX Uniqueids). */
export function newSimCallId(nowMs: number, random: number = Math.random()): string {
  return `sim-${nowMs.toString(36)}-${Math.floor(random * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** The event `cti.simulate` receives for `action` on call `callId`: the whole call context, like a PBX sends. */
export function simulatedEvent(callId: string, action: SimAction, s: SimSetup, at: string) {
  const cpf = s.ivrCpf.trim() ? cpfDigits(s.ivrCpf) : '';
  const ivr: Record<string, string> = cpf ? { cpf } : {};
  return {
    callId,
    linkedId: callId,
    state: action,
    ani: s.caller.trim() || null,
    dnis: s.dnis.trim() || null,
    queue: s.queue.trim() || null,
    extension: s.extension,
    ivr,
    at,
  };
}
