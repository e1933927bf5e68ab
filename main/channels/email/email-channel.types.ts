import { z } from 'zod';
import type { InboundMessage, IntakeResult } from '../../../shared/schemas/intake';

/**
 * The core's intake as a connector sees it. `receive` resolves `{ ok: false }` for a message it
 * will never take (the connector logs and moves on) and throws for a passing failure (store
 * down): the connector then keeps the message and offers it again on the next poll. Idempotent on
 * `externalId`, so a repeat delivery is harmless.
 */
export interface IntakeSink {
  receive(message: InboundMessage): Promise<IntakeResult>;
}

/** Same shape as the server's logger, declared here because channels must not import main/server. */
export interface ChannelLogger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/**
 * Where the poller is in the mailbox, persisted by the caller between polls and restarts. UIDs are
 * only meaningful within one UIDVALIDITY: when the server reports another, the state is discarded.
 */
export const EmailPollStateSchema = z
  .object({
    mailbox: z.string(),
    /** IMAP UIDVALIDITY as a decimal string (it is a 32-bit unsigned number, imapflow hands a bigint). */
    uidValidity: z.string().regex(/^\d+$/),
    /** Every UID up to this one was handed to the intake or deliberately skipped. */
    lastUid: z.number().int().nonnegative(),
  })
  .strict();
export type EmailPollState = z.infer<typeof EmailPollStateSchema>;

/** Load/save of the poll state; kept by the caller (data dir, store) so this module does no file I/O. */
export interface EmailPollStateStore {
  getState(): Promise<EmailPollState | null> | EmailPollState | null;
  setState(state: EmailPollState): Promise<void> | void;
}
