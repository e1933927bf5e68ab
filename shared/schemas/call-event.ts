import { z } from 'zod';
import { IsoDateSchema } from './common';

/**
 * Where a call stands. `ended` and `abandoned` are terminal: a call emits nothing after them.
 * `unheld` is its own state (not "back to answered") so consumers can close a hold timer.
 */
export const CallStateSchema = z.enum(['queued', 'ringing', 'answered', 'held', 'unheld', 'transferred', 'ended', 'abandoned']);
export type CallState = z.infer<typeof CallStateSchema>;
export const TERMINAL_CALL_STATES: ReadonlySet<CallState> = new Set(['ended', 'abandoned']);

/** Which adapter produced the event: Asterisk AMI, a cloud-PBX webhook, the demo simulator or a click-to-dial link. */
export const CallEventSourceSchema = z.enum(['ami', 'webhook', 'simulator', 'link']);
export type CallEventSource = z.infer<typeof CallEventSourceSchema>;

/** IVR answers collected before the call reached an agent (e.g. `{ cpf: '52998224725' }`); keys lower-case by convention. */
export const CallIvrSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'invalid IVR variable name'), z.string().max(200))
  .refine((ivr) => Object.keys(ivr).length <= 20, { message: 'at most 20 IVR variables' });

/**
 * A telephony event normalized from any PBX: what the screen pop, the call interaction and the
 * wallboard consume. Every event carries the whole call context known so far (caller, queue,
 * IVR answers), so a consumer that missed earlier events still has what it needs.
 */
export const CallEventSchema = z.object({
  /** Stable id of the call across its legs (for Asterisk: the Linkedid). */
  callId: z.string().min(1).max(200),
  /** PBX correlation id of all channels of the call; equals callId when the PBX has no such notion. */
  linkedId: z.string().min(1).max(200),
  state: CallStateSchema,
  /** Caller number as the PBX sent it (ANI); null when withheld or unknown. */
  ani: z.string().max(40).nullable(),
  /** Number the caller dialled (DNIS); null when unknown. */
  dnis: z.string().max(40).nullable(),
  queue: z.string().max(80).nullable(),
  /** Extension of the agent this event is about (ringing, answering, holding); null before one is involved. */
  extension: z.string().max(20).nullable(),
  ivr: CallIvrSchema.default({}),
  at: IsoDateSchema,
  source: CallEventSourceSchema,
  /** Monotonic per producer; lets a consumer order events and spot gaps. */
  sequence: z.number().int().nonnegative().optional(),
  /** Unique per event for idempotent intake: the same id twice is the same event. */
  eventId: z.string().min(1).max(200).optional(),
});
export type CallEvent = z.infer<typeof CallEventSchema>;
