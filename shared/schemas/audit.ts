import { z } from 'zod';
import { IdSchema, RecordMetaSchema } from './common';

/** One audited change: who did what to which record, with the changed fields. */
export const AuditEventSchema = RecordMetaSchema.extend({
  at: z.iso.datetime(),
  actorId: IdSchema.nullable(),
  actorName: z.string().max(200),
  action: z.string().max(80),
  entity: z.string().max(40),
  entityId: z.string().max(64).nullable(),
  /** Changed fields as {field: [before, after]}; never passwords or tokens. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().max(2000).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
