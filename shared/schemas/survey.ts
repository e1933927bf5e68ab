import { z } from 'zod';
import { IdSchema, RecordMetaSchema } from './common';

export const SurveyKindSchema = z.enum(['csat', 'nps']);

export const SurveySchema = RecordMetaSchema.extend({
  kind: SurveyKindSchema,
  ticketId: IdSchema.nullable(),
  customerId: IdSchema,
  agentId: IdSchema.nullable(),
  /** SHA-256 of the unguessable token sent to the customer. */
  tokenHash: z.string(),
  sentAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  /** CSAT 1–5 or NPS 0–10. */
  score: z.number().int().min(0).max(10).nullable(),
  comment: z.string().max(5000).nullable(),
});
export type Survey = z.infer<typeof SurveySchema>;

/** A customer's answer (through `POST /surveys/:token`). The scale is checked against the survey's kind. */
export const SurveyAnswerSchema = z.object({
  score: z.coerce.number().int().min(0).max(10),
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((c) => (c ? c : null)),
});
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/** The scale of each kind: CSAT 1–5, NPS 0–10. */
export const SURVEY_SCALES = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

/** Low scores (CSAT ≤ 2, NPS ≤ 6, a detractor) get a supervisor follow-up. */
export function isLowScore(kind: Survey['kind'], score: number): boolean {
  return kind === 'csat' ? score <= 2 : score <= 6;
}

/** Survey settings (store setting `surveys.settings`), edited by admins. */
export const SurveySettingsSchema = z.object({
  /** Create a CSAT survey when a ticket is solved. */
  csatOnSolve: z.boolean().default(true),
  /** NPS at most once per this many days per customer (0: never ask NPS). */
  npsCadenceDays: z.number().int().min(0).max(3650).default(90),
  /** Days a survey link stays valid. */
  expiryDays: z.number().int().min(1).max(90).default(7),
  /** Public base URL customers reach the survey page at (e.g. https://atende.empresa.com.br); null: not published. */
  publicUrl: z.url({ protocol: /^https?$/ }).nullable().default(null),
});
export type SurveySettings = z.infer<typeof SurveySettingsSchema>;
