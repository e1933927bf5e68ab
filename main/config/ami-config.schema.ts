import { z } from 'zod';

/** No CR/LF: a credential is written into an AMI packet, where a line break would start a new field. */
const singleLine = z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks');

export const AmiReconnectSchema = z
  .object({
    /** Delay before the first retry; each further retry multiplies it by `factor`, up to `maxDelayMs`. */
    initialDelayMs: z.number().int().min(1).default(1_000),
    maxDelayMs: z.number().int().min(1).default(30_000),
    factor: z.number().min(1).max(10).default(2),
    /** Fraction of the delay taken off at random, so many desktops do not reconnect in lockstep. */
    jitter: z.number().min(0).max(1).default(0.3),
  })
  .strict();

export const AmiPingSchema = z
  .object({
    /** How often an idle link is probed with `Action: Ping`. */
    intervalMs: z.number().int().min(1).default(15_000),
    /** No answer within this → the connection is declared dead and re-established. */
    timeoutMs: z.number().int().min(1).default(5_000),
  })
  .strict();

/**
 * Settings of the Asterisk AMI adapter. The `manager.conf` user needs `read = call,agent,dialplan`
 * (channel, queue and VarSet events) and `write = reporting` (CoreShowChannels); nothing more.
 */
export const AmiConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(1).max(65_535).default(5038),
    username: singleLine.max(80).default(''),
    secret: singleLine.max(200).default(''),
    /** TCP connect + greeting + login must finish within this. */
    connectTimeoutMs: z.number().int().min(1).default(10_000),
    /** Answer deadline of other actions (e.g. the CoreShowChannels list). */
    actionTimeoutMs: z.number().int().min(1).default(10_000),
    reconnect: AmiReconnectSchema.prefault({}),
    ping: AmiPingSchema.prefault({}),
    ivr: z
      .object({
        /** Channel variables copied into `CallEvent.ivr` (matched case-insensitively, keys lower-cased). */
        variables: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)).max(20).default(['CPF', 'PROTOCOLO']),
        /** Any variable with this prefix is copied too, without the prefix (`ATENDE_PEDIDO` → `pedido`); '' turns it off. */
        prefix: z.string().regex(/^[A-Za-z0-9_]{0,20}$/).default('ATENDE_'),
      })
      .strict()
      .prefault({}),
    /** How long an ended call is remembered, so its late or repeated events are recognized and dropped. */
    endedCallRetentionMs: z.number().int().min(0).default(60_000),
  })
  .strict()
  .refine((c) => !c.enabled || (c.username !== '' && c.secret !== ''), {
    message: 'username and secret are required when the AMI adapter is enabled',
    path: ['username'],
  });

export type AmiConfig = z.infer<typeof AmiConfigSchema>;
export type AmiReconnectConfig = z.infer<typeof AmiReconnectSchema>;
