import { z } from 'zod';
import { EmailChannelConfigSchema } from '../channels/email/email-config.schema';
import { AmiConfigSchema } from './ami-config.schema';

/**
 * The validated configuration. Sources, lowest to highest precedence: defaults, the machine-wide
 * file (IT), the user's file in the data dir (`config.json`), `ATENDE_*` environment variables,
 * command-line flags. Unknown keys are errors, so a typo never silently does nothing.
 */
export const ConfigSchema = z
  .object({
    /** Where the store and the config file live. */
    dataDir: z.string().min(1),
    /** Headless server listen address and port (0 = pick a free port). */
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4317),
    /** Start on a fresh demo floor (agents, supervisor, tickets) when the store is empty. */
    demo: z.boolean().default(false),
    language: z.enum(['pt-BR', 'en']).default('pt-BR'),
    /** IANA time zone of the operation: KPI buckets, business hours. */
    timeZone: z.string().min(1).default('America/Sao_Paulo'),
    /** The operation's area code (DDD), for caller numbers the PBX delivers without one. */
    defaultDdd: z.string().regex(/^[1-9]\d$/, 'a two-digit DDD, e.g. "11"').optional(),
    /** fsync every store write (turn off only for throwaway data). */
    fsync: z.boolean().default(true),
    /** Session lifetime in hours. */
    sessionHours: z.number().int().min(1).max(24 * 30).default(12),
    /** Password for the first-run `admin` user; generated and printed once when absent. */
    adminPassword: z.string().min(8).optional(),
    /** Path of the built renderer served at `/` (headless mode). */
    rendererDir: z.string().optional(),
    /** Shared secret of the channel connectors: signs `POST /channels/inbound` and outbound replies. */
    channelSecret: z.string().min(16, 'use at least 16 characters').optional(),
    /** Where agent replies on chat/WhatsApp/social/web tickets are POSTed (the connector's URL). */
    connectorUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Shared secret of cloud PBXs posting call events to `POST /cti/events`. */
    ctiSecret: z.string().min(16, 'use at least 16 characters').optional(),
    /** Asterisk AMI connection (config file only). */
    ami: AmiConfigSchema.optional(),
    /** E-mail channel: IMAP mailbox polled for customer mail, SMTP for agent replies (config file only). */
    email: EmailChannelConfigSchema.optional(),
    /** Desktop: check this HTTPS folder (IT-hosted electron-builder `latest*.yml` + installers) for updates. */
    updateUrl: z.url({ protocol: /^https$/, error: 'an https:// URL' }).optional(),
    /** Desktop: download updates from `updateUrl` and install them on quit (IT can lock it off). */
    autoUpdate: z.boolean().default(true),
  })
  .strict();

export type AppConfig = z.infer<typeof ConfigSchema>;

/** The subset a config file may set (dataDir comes from the environment, not from inside itself). */
export const ConfigFileSchema = ConfigSchema.omit({ dataDir: true }).partial().strict();

/** A setting the machine-wide file can lock. */
export const LockableKeySchema = ConfigFileSchema.keyof();
export type LockableKey = z.infer<typeof LockableKeySchema>;

/**
 * The machine-wide file (IT): the same settings, plus `locked`, the keys the user's `config.json`,
 * `ATENDE_*` variables and flags cannot change.
 */
export const MachineConfigFileSchema = ConfigFileSchema.extend({ locked: z.array(LockableKeySchema).optional() }).strict();
