import { z } from 'zod';
import { ChannelSchema, IdSchema, RecordMetaSchema } from './common';

export const InteractionKindSchema = z.enum(['message', 'note', 'call', 'event']);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;
export const DirectionSchema = z.enum(['inbound', 'outbound', 'internal']);

export const AttachmentMetaSchema = z.object({
  name: z.string().max(255),
  contentType: z.string().max(120),
  size: z.number().int().nonnegative(),
  url: z.string().max(2000).nullable().default(null),
});

/** Times of a call (voice interaction); all ISO instants or null when the phase never happened. */
export const CallTimesSchema = z.object({
  callId: z.string().max(200),
  queue: z.string().max(80).nullable(),
  ani: z.string().max(40).nullable(),
  dnis: z.string().max(40).nullable(),
  extension: z.string().max(20).nullable(),
  queuedAt: z.iso.datetime().nullable(),
  ringingAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  abandonedAt: z.iso.datetime().nullable(),
  /** Total seconds on hold. */
  holdSeconds: z.number().nonnegative(),
  holdStartedAt: z.iso.datetime().nullable(),
  wrapUp: z
    .object({
      endedAt: z.iso.datetime(),
      seconds: z.number().nonnegative(),
      disposition: z.string().max(80),
      notes: z.string().max(10_000),
      resolvedOnCall: z.boolean(),
    })
    .nullable(),
});
export type CallTimes = z.infer<typeof CallTimesSchema>;

/** Sentiment of a customer message: score −1 (very negative) … 1 (very positive) and its band. */
export const SentimentSchema = z.object({ score: z.number().min(-1).max(1), label: z.enum(['negative', 'neutral', 'positive']) });
export type Sentiment = z.infer<typeof SentimentSchema>;

export const InteractionSchema = RecordMetaSchema.extend({
  kind: InteractionKindSchema,
  direction: DirectionSchema,
  channel: ChannelSchema,
  ticketId: IdSchema.nullable(),
  customerId: IdSchema.nullable(),
  /** User id for agents; null for customer-authored or system entries. */
  authorId: IdSchema.nullable(),
  authorName: z.string().max(200),
  /** Plain text or (for e-mail) HTML as received: always sanitized before display. */
  body: z.string().max(200_000),
  bodyFormat: z.enum(['text', 'html']),
  attachments: z.array(AttachmentMetaSchema).max(50),
  /** Channel message id, for idempotent intake and e-mail threading. */
  externalId: z.string().max(500).nullable(),
  /** Seconds of tracked agent work on this interaction (digital TMA); 0 for customer messages. */
  workSeconds: z.number().nonnegative(),
  call: CallTimesSchema.nullable(),
  /** For kind=event: what changed (status, priority, assignment...). */
  event: z.object({ type: z.string().max(60), from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  /** Inbound customer messages: lexicon sentiment, set at intake (absent on older records). */
  sentiment: SentimentSchema.nullable().optional(),
});
export type Interaction = z.infer<typeof InteractionSchema>;
