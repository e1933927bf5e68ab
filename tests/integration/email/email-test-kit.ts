/** Shared pieces of the e-mail channel tests: a stand-in for the core's intake, state, logs, fixtures. */
import { EventEmitter, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InboundMessage, IntakeResult } from '../../../shared/schemas/intake';
import type { EmailImapConfig } from '../../../main/channels/email/email-config.schema';
import { EmailImapConfigSchema } from '../../../main/channels/email/email-config.schema';
import type { ChannelLogger, EmailPollState, EmailPollStateStore, IntakeSink } from '../../../main/channels/email/email-channel.types';

/** Raw bytes of a sample message in tests/fixtures/mail/. */
export function eml(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/mail/${name}`, import.meta.url)));
}

/**
 * Behaves like the core's intake where the connector can see it: idempotent on externalId, and
 * able to fail (throw) on demand like a store that is down.
 */
export class RecordingSink implements IntakeSink {
  /** Every message offered, including repeats and failed ones. */
  readonly offered: InboundMessage[] = [];
  /** Messages taken, once each, in order. */
  readonly accepted: InboundMessage[] = [];
  failuresLeft = 0;
  refuse: ((message: InboundMessage) => string | null) | null = null;
  private readonly events = new EventEmitter();

  async receive(message: InboundMessage): Promise<IntakeResult> {
    this.offered.push(message);
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('store unavailable');
    }
    const refusal = this.refuse?.(message);
    if (refusal) return { ok: false, reason: refusal };
    const duplicate = this.accepted.some((m) => m.externalId === message.externalId);
    if (!duplicate) this.accepted.push(message);
    this.events.emit('accepted');
    const n = this.accepted.length;
    return { ok: true, duplicate, ticketId: `t${n}`, ticketNumber: n, customerId: `c${n}`, interactionId: `i${n}`, created: !duplicate };
  }

  byId(externalId: string): InboundMessage {
    const found = this.accepted.find((m) => m.externalId === externalId);
    if (!found) throw new Error(`no accepted message ${externalId}; have ${this.accepted.map((m) => m.externalId).join(', ')}`);
    return found;
  }

  async waitForAccepted(count: number): Promise<void> {
    while (this.accepted.length < count) await once(this.events, 'accepted');
  }
}

export class MemoryPollState implements EmailPollStateStore {
  value: EmailPollState | null = null;
  getState(): EmailPollState | null {
    return this.value;
  }
  setState(state: EmailPollState): void {
    this.value = state;
  }
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  data: Record<string, unknown> | undefined;
}

/** Keeps log lines so tests can assert what was reported, and wait for a line. */
export class MemoryLogger implements ChannelLogger {
  readonly entries: LogEntry[] = [];
  private readonly events = new EventEmitter();
  info(msg: string, data?: Record<string, unknown>): void {
    this.push({ level: 'info', msg, data });
  }
  warn(msg: string, data?: Record<string, unknown>): void {
    this.push({ level: 'warn', msg, data });
  }
  error(msg: string, data?: Record<string, unknown>): void {
    this.push({ level: 'error', msg, data });
  }
  async waitFor(msg: string): Promise<LogEntry> {
    for (;;) {
      const found = this.entries.find((e) => e.msg === msg);
      if (found) return found;
      await once(this.events, 'entry');
    }
  }
  private push(entry: LogEntry): void {
    this.entries.push(entry);
    this.events.emit('entry');
  }
}

export function imapConfig(server: { host: string; port: number; user: string; password: string }, extra: Partial<EmailImapConfig> = {}): EmailImapConfig {
  return EmailImapConfigSchema.parse({ host: server.host, port: server.port, secure: false, user: server.user, password: server.password, pollSeconds: 5, ...extra });
}
