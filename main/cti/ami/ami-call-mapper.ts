import type { CallEvent, CallState } from '../../../shared/schemas/call-event';
import type { Clock } from '../../domain/shared/clock';
import { CHANNEL_STATE_RINGING, CHANNEL_STATE_UP, extensionFromChannel, phoneField } from './ami-channel';
import { ivrVariableKey, MAX_IVR_VALUE_LENGTH, type IvrVariableRules } from './ami-ivr';
import { amiField, type AmiMessage } from './ami-message';
import { CallTable, type TrackedCall } from './call-table';

export interface AmiCallMapperOptions {
  clock: Clock;
  ivr?: IvrVariableRules;
  /** How long an ended call is remembered to drop its late events. Default 60 s. */
  endedCallRetentionMs?: number;
  /** A call silent this long is forgotten (missed hang-up). Default 12 h. */
  idleCallTtlMs?: number;
  /** Most calls tracked at once. Default 5000. */
  maxCalls?: number;
}

/** What reconciling against the PBX's channel list found. */
export interface AmiReconcileResult {
  /** Calls we thought were up but the PBX no longer has: emitted as ended. */
  ended: CallEvent[];
  /** Calls up on the PBX we did not know (e.g. after a restart), as their current state. */
  discovered: CallEvent[];
  /** Call ids the PBX has up. */
  active: string[];
}

/** Events that may introduce a call we have not seen; the others (Hangup, DialEnd...) only act on known calls. */
const OPENING_EVENTS = new Set([
  'Newchannel', 'Newstate', 'DialBegin', 'AgentCalled', 'AgentConnect', 'QueueCallerJoin',
  'QueueCallerAbandon', 'BridgeEnter', 'Hold', 'Unhold', 'VarSet',
]);

/**
 * Turns the Asterisk AMI event stream into normalized CallEvents, one call per Linkedid. It
 * remembers each call's caller, dialled number, queue and IVR answers so every event carries
 * them, emits a state only when it changes (the same fact often arrives as AgentCalled, DialBegin
 * and Newstate), ignores a call's events after it ended, and forgets calls so memory stays bounded.
 */
export class AmiCallMapper {
  private readonly clock: Clock;
  private readonly ivr: IvrVariableRules;
  private readonly table: CallTable;
  /** Bridge id → the call whose caller sits in it, and the agents in it (to follow transfers). */
  private readonly bridges = new Map<string, { callId: string | null; agents: Set<string> }>();
  private readonly maxBridges: number;
  private sequence = 0;

  constructor(options: AmiCallMapperOptions) {
    this.clock = options.clock;
    this.ivr = options.ivr ?? { variables: ['CPF'], prefix: 'ATENDE_' };
    const maxCalls = options.maxCalls ?? 5000;
    this.maxBridges = maxCalls * 2;
    this.table = new CallTable({
      retentionMs: options.endedCallRetentionMs ?? 60_000,
      idleTtlMs: options.idleCallTtlMs ?? 12 * 3600_000,
      maxCalls,
    });
  }

  /** Calls tracked right now, ended ones still remembered included. */
  get trackedCalls(): number {
    return this.table.size;
  }

  /** Ids of the calls believed up; snapshot it before asking the PBX for its channel list (see reconcile). */
  activeCallIds(): string[] {
    return this.table.active().map((c) => c.callId);
  }

  /** Maps one AMI event; returns the CallEvents it causes (often none). */
  map(message: AmiMessage): CallEvent[] {
    const name = amiField(message, 'Event');
    const uniqueId = amiField(message, 'Uniqueid');
    if (!name || !uniqueId) return [];
    const now = this.clock.now().getTime();
    this.table.sweep(now);
    const linkedId = amiField(message, 'Linkedid') || uniqueId;
    const primary = uniqueId === linkedId;
    const bridgeCall = name === 'BridgeEnter' && !primary ? this.bridges.get(amiField(message, 'BridgeUniqueid') ?? '')?.callId : null;
    const callId = bridgeCall ?? linkedId;
    const known = this.table.get(callId);
    if (known?.terminalAt != null || (!known && !OPENING_EVENTS.has(name))) return [];
    const call = this.table.touch(callId, now);
    const out: CallEvent[] = [];
    if (primary) this.learn(call, message);
    this.apply(name, call, message, primary, out);
    return out;
  }

  /**
   * Squares our view with the PBX's channel list (`CoreShowChannel` events). `candidates` are the
   * ids from activeCallIds() taken before the list was requested: a call that began meanwhile is
   * not in the list yet must not be ended.
   */
  reconcile(channels: readonly AmiMessage[], candidates: Iterable<string>): AmiReconcileResult {
    const now = this.clock.now().getTime();
    const groups = new Map<string, AmiMessage[]>();
    for (const ch of channels) {
      const uniqueId = amiField(ch, 'Uniqueid');
      if (!uniqueId) continue;
      const linkedId = amiField(ch, 'Linkedid') || uniqueId;
      const legs = groups.get(linkedId);
      if (legs) legs.push(ch);
      else groups.set(linkedId, [ch]);
    }
    const ended: CallEvent[] = [];
    for (const callId of candidates) {
      const call = this.table.get(callId);
      if (call && call.terminalAt === null && !groups.has(callId)) this.emit(call, 'ended', call.extension, ended);
    }
    const discovered: CallEvent[] = [];
    for (const [callId, legs] of groups) {
      if (this.table.get(callId)) continue;
      const call = this.table.touch(callId, now);
      const caller = legs.find((l) => amiField(l, 'Uniqueid') === callId);
      if (caller) this.learn(call, caller);
      const agentLegs = legs.filter((l) => l !== caller);
      const up = agentLegs.find((l) => amiField(l, 'ChannelState') === CHANNEL_STATE_UP);
      const ringing = agentLegs.filter((l) => amiField(l, 'ChannelState') === CHANNEL_STATE_RINGING);
      if (up) this.answer(call, extensionFromChannel(amiField(up, 'Channel')), discovered);
      else if (ringing.length > 0) ringing.forEach((l) => this.ring(call, extensionFromChannel(amiField(l, 'Channel')), discovered));
      else if (caller && amiField(caller, 'Application') === 'Queue') {
        call.queue ??= amiField(caller, 'ApplicationData')?.split(',')[0] || null;
        this.queued(call, discovered);
      }
    }
    return { ended, discovered, active: [...groups.keys()] };
  }

  private apply(name: string, call: TrackedCall, m: AmiMessage, primary: boolean, out: CallEvent[]): void {
    const f = (key: string) => amiField(m, key);
    const agent = () => extensionFromChannel(f('Interface')) ?? extensionFromChannel(f('DestChannel'));
    switch (name) {
      case 'Newstate':
        if (primary) return;
        if (f('ChannelState') === CHANNEL_STATE_RINGING) this.ring(call, extensionFromChannel(f('Channel')), out);
        else if (f('ChannelState') === CHANNEL_STATE_UP) this.answer(call, extensionFromChannel(f('Channel')), out);
        return;
      case 'DialBegin':
        return this.ring(call, extensionFromChannel(f('DestChannel')) ?? extensionFromChannel(f('DialString')), out);
      case 'DialEnd':
        if (f('DialStatus') === 'ANSWER') return this.answer(call, extensionFromChannel(f('DestChannel')), out);
        // CANCEL: the caller hung up or another member answered; the next event says which.
        if (f('DialStatus') === 'CANCEL') return void call.ringing.delete(extensionFromChannel(f('DestChannel')) ?? '');
        return this.ringStopped(call, extensionFromChannel(f('DestChannel')), out);
      case 'AgentCalled':
        call.queue = f('Queue') || call.queue;
        return this.ring(call, agent(), out);
      case 'AgentRingNoAnswer':
        return this.ringStopped(call, agent(), out);
      case 'AgentConnect':
        return this.answer(call, agent(), out);
      case 'AgentComplete':
        if (f('Reason') === 'transfer') return this.leaveAgent(call, out);
        return this.end(call, 'ended', out);
      case 'QueueCallerJoin': {
        const queue = f('Queue') || call.queue;
        const waiting = !call.answered && (call.lastState === 'queued' || call.lastState === 'ringing');
        if (waiting && queue === call.queue) return; // a repeat: the caller is already waiting there
        this.leaveAgent(call, out);
        call.queue = queue;
        call.lastState = null; // a new queue is a new wait, even straight after another one
        return this.queued(call, out);
      }
      case 'QueueCallerAbandon':
        call.queue = f('Queue') || call.queue;
        return this.end(call, 'abandoned', out);
      case 'BridgeEnter':
        return this.bridgeEnter(call, m, primary, out);
      case 'BridgeLeave':
        this.bridges.get(f('BridgeUniqueid') ?? '')?.agents.delete(extensionFromChannel(f('Channel')) ?? '');
        return;
      case 'BridgeDestroy':
        this.bridges.delete(f('BridgeUniqueid') ?? '');
        return;
      case 'Hold':
        if (call.held) return;
        call.held = true;
        return this.emit(call, 'held', call.extension ?? extensionFromChannel(f('Channel')), out);
      case 'Unhold':
        if (!call.held) return;
        call.held = false;
        return this.emit(call, 'unheld', call.extension ?? extensionFromChannel(f('Channel')), out);
      case 'VarSet':
        return this.setIvr(call, f('Variable') ?? '', f('Value') ?? '');
      case 'Hangup':
        if (primary) return this.end(call, 'ended', out);
        return this.ringStopped(call, extensionFromChannel(f('Channel')), out);
    }
  }

  /** Caller facts come from the caller's own channel only: agent legs carry the agent's number. */
  private learn(call: TrackedCall, m: AmiMessage): void {
    call.ani = phoneField(amiField(m, 'CallerIDNum')) ?? call.ani;
    call.dnis ??= phoneField(amiField(m, 'Exten'));
    for (const pair of amiField(m, 'ChanVariable')?.split('\n') ?? []) {
      const eq = pair.indexOf('=');
      if (eq > 0) this.setIvr(call, pair.slice(0, eq), pair.slice(eq + 1));
    }
  }

  private setIvr(call: TrackedCall, name: string, value: string): void {
    const key = ivrVariableKey(name, this.ivr);
    if (!key) return;
    if (!(key in call.ivr) && Object.keys(call.ivr).length >= 20) return;
    if (value === '') delete call.ivr[key];
    else call.ivr[key] = value.slice(0, MAX_IVR_VALUE_LENGTH);
  }

  private ring(call: TrackedCall, extension: string | null, out: CallEvent[]): void {
    if (!extension || call.ringing.has(extension) || (call.answered && call.extension === extension)) return;
    call.ringing.add(extension);
    this.emit(call, 'ringing', extension, out);
  }

  /** A ring ended unanswered: if nobody else is ringing and the caller waits in a queue, it is queued again. */
  private ringStopped(call: TrackedCall, extension: string | null, out: CallEvent[]): void {
    if (!extension || !call.ringing.delete(extension)) return;
    if (!call.answered && call.ringing.size === 0 && call.queue) this.queued(call, out);
  }

  private queued(call: TrackedCall, out: CallEvent[]): void {
    if (call.lastState !== 'queued') this.emit(call, 'queued', null, out);
  }

  private answer(call: TrackedCall, extension: string | null, out: CallEvent[]): void {
    if (!extension) return;
    call.ringing.delete(extension);
    if (call.answered && call.extension === extension) return;
    this.leaveAgent(call, out);
    call.answered = true;
    call.extension = extension;
    this.emit(call, 'answered', extension, out);
  }

  /** The answering agent passes the call on (transfer, back to a queue). */
  private leaveAgent(call: TrackedCall, out: CallEvent[]): void {
    if (!call.answered) return;
    this.emit(call, 'transferred', call.extension, out);
    call.answered = false;
    call.held = false;
    call.extension = null;
  }

  private bridgeEnter(call: TrackedCall, m: AmiMessage, primary: boolean, out: CallEvent[]): void {
    const bridgeId = amiField(m, 'BridgeUniqueid');
    if (!bridgeId) return;
    let bridge = this.bridges.get(bridgeId);
    if (!bridge) {
      if (this.bridges.size >= this.maxBridges) this.bridges.delete(this.bridges.keys().next().value as string);
      this.bridges.set(bridgeId, (bridge = { callId: null, agents: new Set() }));
    }
    if (primary) {
      bridge.callId = call.callId;
      for (const agent of bridge.agents) this.answer(call, agent, out);
      return;
    }
    const extension = extensionFromChannel(amiField(m, 'Channel'));
    if (!extension) return;
    bridge.agents.add(extension);
    this.answer(call, extension, out);
  }

  private end(call: TrackedCall, state: 'ended' | 'abandoned', out: CallEvent[]): void {
    this.emit(call, state, call.extension, out);
  }

  private emit(call: TrackedCall, state: CallState, extension: string | null, out: CallEvent[]): void {
    if (call.terminalAt !== null) return;
    const at = this.clock.now();
    if (state === 'ended' || state === 'abandoned') this.table.markEnded(call, at.getTime());
    call.lastState = state;
    out.push({
      callId: call.callId,
      linkedId: call.callId,
      state,
      ani: call.ani,
      dnis: call.dnis,
      queue: call.queue,
      extension,
      ivr: { ...call.ivr },
      at: at.toISOString(),
      source: 'ami',
      sequence: ++this.sequence,
      eventId: `ami:${call.callId}:${++call.emitted}`,
    });
  }
}
