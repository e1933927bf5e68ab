import { z } from 'zod';
import { isValidCpf, cpfDigits } from '../br/cpf';
import { normalizePhone } from '../br/phone';
import { RecordMetaSchema, TagSchema } from './common';

/** A CPF, accepted formatted or not, stored as 11 digits. */
export const CpfSchema = z
  .string()
  .trim()
  .refine(isValidCpf, { message: 'invalid CPF' })
  .transform(cpfDigits);

/** A phone in any common format, stored as E.164. */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const e164 = normalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'invalid phone number' });
      return z.NEVER;
    }
    return e164;
  });

export const EmailSchema = z.email().trim().toLowerCase().max(254);

export const ConsentSchema = z.object({
  /** LGPD: may we contact the customer for marketing. */
  marketing: z.boolean().default(false),
  /** May we send satisfaction surveys. */
  surveys: z.boolean().default(true),
  /** May calls be recorded. */
  recording: z.boolean().default(true),
  updatedAt: z.iso.datetime().nullable().default(null),
});

export const CustomerSchema = RecordMetaSchema.extend({
  name: z.string().trim().min(1).max(200),
  cpf: z.string().regex(/^\d{11}$/).nullable(),
  phones: z.array(z.string().regex(/^\+\d{8,15}$/)).max(20),
  emails: z.array(z.string().max(254)).max(20),
  /** Social/chat handles the customer wrote from (e.g. `instagram:@cliente`). */
  handles: z.array(z.string().max(120)).max(20).default([]),
  tags: z.array(TagSchema).max(50),
  notes: z.string().max(10_000),
  consent: ConsentSchema,
  /** Set when this customer was merged into another one. */
  mergedInto: z.string().nullable().default(null),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** Input to create or edit a customer; normalizes CPF, phones and e-mails. */
export const CustomerInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  cpf: CpfSchema.nullable().optional(),
  phones: z.array(PhoneSchema).max(20).default([]),
  emails: z.array(EmailSchema).max(20).default([]),
  handles: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
  tags: z.array(TagSchema).max(50).default([]),
  notes: z.string().max(10_000).default(''),
  consent: ConsentSchema.partial().optional(),
});
export type CustomerInput = z.input<typeof CustomerInputSchema>;

/**
 * A profile edit: only the fields sent change. No defaults here (a `.partial()` of the input
 * schema would fill absent lists with [] and wipe phones or e-mails the agent did not touch).
 */
export const CustomerPatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    cpf: CpfSchema.nullable(),
    phones: z.array(PhoneSchema).max(20),
    emails: z.array(EmailSchema).max(20),
    handles: z.array(z.string().trim().min(1).max(120)).max(20),
    tags: z.array(TagSchema).max(50),
    notes: z.string().max(10_000),
    consent: ConsentSchema.partial(),
  })
  .partial()
  .strict();
export type CustomerPatch = z.infer<typeof CustomerPatchSchema>;
