import { z } from 'zod';

/** No CR/LF: credentials and names end up in IMAP commands and SMTP headers, where a line break would start a new one. */
const singleLine = z.string().regex(/^[^\r\n]*$/, 'must not contain line breaks');
const port = z.number().int().min(1).max(65_535);

export const EmailImapConfigSchema = z
  .object({
    host: singleLine.min(1),
    port: port.default(993),
    /** Implicit TLS (port 993). When false, STARTTLS is still used if the server offers it. */
    secure: z.boolean().default(true),
    user: singleLine.min(1).max(320),
    password: singleLine.max(500),
    mailbox: singleLine.min(1).max(200).default('INBOX'),
    /** Pause between polls; connection errors stretch it (exponential backoff, capped). */
    pollSeconds: z.number().int().min(5).max(3_600).default(60),
    /** Messages larger than this are not downloaded: logged and skipped. */
    maxMessageBytes: z.number().int().min(1_024).default(25 * 1024 * 1024),
  })
  .strict();

export const EmailSmtpConfigSchema = z
  .object({
    host: singleLine.min(1),
    port: port.default(587),
    /** Implicit TLS (port 465). When false, STARTTLS is used if the server offers it. */
    secure: z.boolean().default(false),
    /** Empty user: no AUTH (a relay that trusts the host). */
    user: singleLine.max(320).default(''),
    password: singleLine.max(500).default(''),
    from: z
      .object({
        address: z.email().max(254),
        name: singleLine.max(200).default(''),
      })
      .strict(),
  })
  .strict();

/** Settings of the e-mail channel: one IMAP mailbox polled for customer mail, one SMTP relay for replies. */
export const EmailChannelConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    imap: EmailImapConfigSchema,
    smtp: EmailSmtpConfigSchema,
  })
  .strict();

export type EmailChannelConfig = z.infer<typeof EmailChannelConfigSchema>;
export type EmailChannelConfigInput = z.input<typeof EmailChannelConfigSchema>;
export type EmailImapConfig = z.infer<typeof EmailImapConfigSchema>;
export type EmailSmtpConfig = z.infer<typeof EmailSmtpConfigSchema>;
