import type { CallEvent } from '../../../shared/schemas/call-event';
import type { Clock } from '../../domain/shared/clock';
import { EventBus, type Listener } from '../../domain/shared/event-bus';
import { AmiCallMapper, type AmiReconcileResult } from './ami-call-mapper';
import { AmiClient, type AmiActionFailure, type AmiClientEvents, type AmiStartResult, type AmiTimers } from './ami-client';
import type { AmiConfig } from './ami-config';

export type AmiAdapterEvents = {
  /** A normalized call event, in the order the PBX reported it. */
  callEvent: CallEvent;
  /** After each login (first and every reconnect), once the channel list was compared. */
  reconciled: AmiReconcileResult;
  /** Connection life, as reported by the client (for a status light and logs). */
  status: AmiClientEvents['state'];
};

export type AmiReconcileOutcome = { ok: true; result: AmiReconcileResult } | AmiActionFailure | { ok: false; reason: 'refused'; message: string };

export interface AmiAdapterOptions {
  config: AmiConfig;
  clock: Clock;
  random?: () => number;
  timers?: AmiTimers;
}

/**
 * The Asterisk side of the screen pop: an AmiClient feeding an AmiCallMapper. After every login it
 * asks the PBX which channels are up (`CoreShowChannels`), ends the calls that vanished while
 * the link was down and reports calls already in progress, so a reconnect loses no hang-up.
 */
export class AmiAdapter {
  readonly client: AmiClient;
  readonly mapper: AmiCallMapper;
  private readonly bus = new EventBus<AmiAdapterEvents>();

  constructor(options: AmiAdapterOptions) {
    const { config } = options;
    this.client = new AmiClient({
      config,
      ...(options.random ? { random: options.random } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
    this.mapper = new AmiCallMapper({
      clock: options.clock,
      ivr: config.ivr,
      endedCallRetentionMs: config.endedCallRetentionMs,
    });
    this.client.on('event', (message) => this.publishAll(this.mapper.map(message)));
    this.client.on('state', (state) => this.bus.publish('status', state));
    this.client.on('loggedIn', () => void this.reconcile());
  }

  /** Subscribes to adapter events; returns the unsubscribe function. */
  on<K extends keyof AmiAdapterEvents>(topic: K, listener: Listener<AmiAdapterEvents[K]>): () => void {
    return this.bus.on(topic, listener);
  }

  /** Connects and logs in (see AmiClient.start); reconnects on its own afterwards. */
  start(): Promise<AmiStartResult> {
    return this.client.start();
  }

  /** Compares the calls we believe are up with the PBX's channel list and emits the differences. */
  async reconcile(): Promise<AmiReconcileOutcome> {
    const candidates = this.mapper.activeCallIds();
    const listed = await this.client.coreShowChannels();
    if (!listed.ok) return listed;
    const result = this.mapper.reconcile(listed.channels, candidates);
    this.publishAll(result.ended);
    this.publishAll(result.discovered);
    this.bus.publish('reconciled', result);
    return { ok: true, result };
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private publishAll(events: CallEvent[]): void {
    for (const event of events) this.bus.publish('callEvent', event);
  }
}
