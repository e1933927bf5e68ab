import type { RouterOutputs } from '../../lib/trpc';

/** What a subscription yields (its output type is the async iterable). */
type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;

/** What `cti.onScreenPop` yields: the caller's 360° or the choices (typed from the router, as the renderer may). */
export type ScreenPop = Yielded<RouterOutputs['cti']['onScreenPop']>;
import type { CallState } from '../../../shared/schemas/call-event';


/**
 * Where one of the agent's calls stands, as the panel and the call bar show it: ringing (the
 * pop), talking, on hold, waiting for its wrap-up, or gone without one (missed, abandoned).
 */
export type CallPhase = 'ringing' | 'talking' | 'held' | 'wrapUp' | 'missed';
export type CustomerSource = 'server' | 'chosen' | 'created';

export interface CallRecord {
  callId: string;
  phase: CallPhase;
  ani: string | null;
  queue: string | null;
  /** The screen pop, when it reached us (not after a reload). */
  pop: ScreenPop | null;
  /** The customer the server matched (one match) or the agent chose / created. */
  customerId: string | null;
  /** Who decided the customer: the server's match, or the agent here (chooser, quick-create). */
  customerSource: CustomerSource;
  ringingAt: string;
  answeredAt: string | null;
  holdStartedAt: string | null;
  /** Closed hold periods, in seconds. */
  holdSeconds: number;
  endedAt: string | null;
}

export interface CtiState {
  /** Newest first. */
  calls: CallRecord[];
}

export interface CallUpdate {
  callId: string;
  state: CallState;
  customerId: string | null;
  at: string;
}

export interface PendingWrapUp {
  callId: string;
  customerId: string | null;
  endedAt: string | null;
  ani: string | null;
}

/**
 * `at` on live actions is when this screen learned of it (the agent's clock), not the PBX's
 * time: timers then run right even when the workstation's clock and the server's disagree.
 */
export type CtiAction =
  | { type: 'pop'; pop: ScreenPop; at: string }
  | { type: 'update'; update: CallUpdate; at: string }
  | { type: 'pending'; items: PendingWrapUp[]; at: string }
  | { type: 'choose'; callId: string; customerId: string | null; source?: Exclude<CustomerSource, 'server'> }
  | { type: 'expire'; now: string }
  | { type: 'wrappedUp'; callId: string }
  | { type: 'dismiss'; callId: string };

export const INITIAL_CTI_STATE: CtiState = { calls: [] };

const LIVE: ReadonlySet<CallPhase> = new Set(['ringing', 'talking', 'held']);
export const isLive = (call: CallRecord) => LIVE.has(call.phase);

/** A call still ringing here after this long was taken elsewhere or gave up: shown as not answered. */
export const RING_TIMEOUT_SECONDS = 90;

/** At most this many finished calls are remembered (missed calls the agent never dismissed). */
const MAX_CALLS = 20;

function blank(callId: string, at: string): CallRecord {
  return { callId, phase: 'ringing', ani: null, queue: null, pop: null, customerId: null, customerSource: 'server', ringingAt: at, answeredAt: null, holdStartedAt: null, holdSeconds: 0, endedAt: null };
}

const secondsBetween = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** The call after one update; events that do not fit the call's phase (late, repeated) change nothing. */
export function applyUpdate(call: CallRecord, update: CallUpdate, at: string): CallRecord {
  const customerId = call.customerSource !== 'server' ? call.customerId : (update.customerId ?? call.customerId);
  const next: CallRecord = { ...call, customerId };
  if (call.phase === 'wrapUp') return next;
  // Not answered here, yet the call comes back (rung again, or answered after the local timeout):
  // the server sends nothing after a real end, so anything that follows is live again.
  if (call.phase === 'missed') {
    if (update.state === 'ringing' || update.state === 'transferred') return { ...next, phase: 'ringing', ringingAt: at, endedAt: null };
    if (update.state === 'answered') return { ...next, phase: 'talking', answeredAt: at, endedAt: null };
    return next;
  }
  switch (update.state) {
    case 'queued':
      // Back in the queue while ringing here: it stopped ringing at this extension (no answer).
      return call.phase === 'ringing' ? { ...next, phase: 'missed', endedAt: at } : next;
    case 'ringing':
    case 'transferred':
      return next;
    case 'answered':
      return call.phase === 'ringing' ? { ...next, phase: 'talking', answeredAt: call.answeredAt ?? at } : next;
    case 'held':
      return call.phase === 'talking' ? { ...next, phase: 'held', holdStartedAt: at } : next;
    case 'unheld':
      return call.phase === 'held' ? { ...next, phase: 'talking', holdStartedAt: null, holdSeconds: call.holdSeconds + closedHold(call, at) } : next;
    case 'ended':
      return call.answeredAt
        ? { ...next, phase: 'wrapUp', holdStartedAt: null, holdSeconds: call.holdSeconds + closedHold(call, at), endedAt: at }
        : { ...next, phase: 'missed', endedAt: at };
    case 'abandoned':
      return { ...next, phase: 'missed', endedAt: at };
  }
}

const closedHold = (call: CallRecord, at: string) => (call.holdStartedAt ? secondsBetween(call.holdStartedAt, at) : 0);

function upsert(state: CtiState, callId: string, at: string, change: (call: CallRecord) => CallRecord): CtiState {
  const existing = state.calls.find((c) => c.callId === callId);
  if (existing) return { calls: state.calls.map((c) => (c === existing ? change(c) : c)) };
  return { calls: [change(blank(callId, at)), ...state.calls].slice(0, MAX_CALLS) };
}

export function ctiReducer(state: CtiState, action: CtiAction): CtiState {
  switch (action.type) {
    case 'pop':
      return upsert(state, action.pop.callId, action.at, (call) => ({
        ...call,
        ...(call.phase === 'missed' ? { phase: 'ringing' as const, ringingAt: action.at, endedAt: null } : {}),
        pop: action.pop,
        ani: action.pop.ani ?? call.ani,
        queue: action.pop.queue ?? call.queue,
        customerId: call.customerSource !== 'server' ? call.customerId : action.pop.matches.length === 1 ? (action.pop.matches[0]?.id ?? null) : call.customerId,
      }));
    case 'update': {
      const { update } = action;
      const known = state.calls.some((c) => c.callId === update.callId);
      // An update for a call we never saw ringing (opened mid-call): only worth showing while live.
      if (!known && (update.state === 'ended' || update.state === 'abandoned')) return state;
      return upsert(state, update.callId, action.at, (call) => applyUpdate(call, update, action.at));
    }
    case 'pending': {
      // After a reload or a reconnect: the server's list of calls still needing a wrap-up wins.
      let next = state;
      for (const item of action.items) {
        next = upsert(next, item.callId, item.endedAt ?? action.at, (call) => ({
          ...call,
          phase: 'wrapUp',
          ani: call.ani ?? item.ani,
          customerId: call.customerSource !== 'server' ? call.customerId : (call.customerId ?? item.customerId),
          // Unknown after a reload (the talk time is then not shown): only the hang-up time comes back.
          answeredAt: call.answeredAt,
          holdStartedAt: null,
          endedAt: call.endedAt ?? item.endedAt ?? action.at,
        }));
      }
      return next;
    }
    case 'choose':
      return {
        calls: state.calls.map((c) =>
          c.callId === action.callId ? { ...c, customerId: action.customerId, customerSource: action.customerId === null ? 'server' : (action.source ?? 'chosen') } : c,
        ),
      };
    case 'expire': {
      // A call that rang here and then went to someone else sends nothing more to this agent.
      const stale = state.calls.filter((c) => c.phase === 'ringing' && secondsBetween(c.ringingAt, action.now) >= RING_TIMEOUT_SECONDS);
      if (stale.length === 0) return state;
      return { calls: state.calls.map((c) => (stale.includes(c) ? { ...c, phase: 'missed', endedAt: action.now } : c)) };
    }
    case 'wrappedUp':
    case 'dismiss':
      return { calls: state.calls.filter((c) => c.callId !== action.callId) };
  }
}

/**
 * The call the panel is about: a live one first (the newest), else the oldest call waiting for
 * its wrap-up, else the newest missed call.
 */
export function currentCall(state: CtiState): CallRecord | null {
  const live = state.calls.find(isLive);
  if (live) return live;
  const wrapUps = state.calls.filter((c) => c.phase === 'wrapUp');
  if (wrapUps.length > 0) return wrapUps[wrapUps.length - 1] ?? null;
  return state.calls.find((c) => c.phase === 'missed') ?? null;
}

/** Calls waiting for a wrap-up besides `call`. */
export function otherWrapUps(state: CtiState, call: CallRecord | null): number {
  return state.calls.filter((c) => c.phase === 'wrapUp' && c !== call).length;
}

export interface CallTimes {
  /** Seconds since it started ringing (ringing) — the caller's wait on our side. */
  ringing: number;
  /** Talk time so far (hold excluded). */
  talk: number;
  /** Hold time so far, the current hold included. */
  hold: number;
  /** The current hold alone (0 when not on hold). */
  currentHold: number;
  /** After-call work so far (wrap-up phase). */
  wrapUp: number;
}

/** The running times of a call at `nowMs` (never negative). */
export function callTimes(call: CallRecord, nowMs: number): CallTimes {
  const now = new Date(nowMs).toISOString();
  const end = call.endedAt ?? now;
  const currentHold = call.holdStartedAt && !call.endedAt ? secondsBetween(call.holdStartedAt, now) : 0;
  const hold = call.holdSeconds + currentHold;
  const talk = call.answeredAt ? Math.max(0, secondsBetween(call.answeredAt, end) - hold) : 0;
  return {
    ringing: call.phase === 'ringing' ? secondsBetween(call.ringingAt, now) : 0,
    talk,
    hold,
    currentHold,
    wrapUp: call.phase === 'wrapUp' && call.endedAt ? secondsBetween(call.endedAt, now) : 0,
  };
}

/** The number the call bar and the panel's timer show for the phase. */
export function phaseSeconds(call: CallRecord, nowMs: number): number {
  const times = callTimes(call, nowMs);
  switch (call.phase) {
    case 'ringing':
      return times.ringing;
    case 'talking':
      return times.talk;
    case 'held':
      return times.currentHold;
    case 'wrapUp':
      return times.wrapUp;
    case 'missed':
      return 0;
  }
}
