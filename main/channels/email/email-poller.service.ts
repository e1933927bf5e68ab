import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { EmailImapConfig } from './email-config.schema';
import { toInboundMessage } from './email-inbound.mapper';
import { EmailPollStateSchema, type ChannelLogger, type EmailPollState, type EmailPollStateStore, type IntakeSink } from './email-channel.types';

export interface EmailPollerOptions {
  config: EmailImapConfig;
  sink: IntakeSink;
  state: EmailPollStateStore;
  logger: ChannelLogger;
  /** Longest pause after repeated connection errors. */
  maxBackoffMs?: number;
  /**
   * Our own sending addresses: mail from them (a reply of ours copied back into the mailbox) is
   * skipped, so the channel never files its own replies as customer mail or loops on them.
   */
  ownAddresses?: readonly string[];
}

/** What one poll did. A connection or protocol error is `{ ok: false }`: nothing was lost, the next poll retries. */
export type EmailPollResult =
  | {
      ok: true;
      /** Accepted by the intake, new. */
      delivered: number;
      /** Accepted by the intake as a repeat of an earlier delivery. */
      duplicates: number;
      /** Unparsable, unmappable, too large or refused by the intake: logged, left unseen, not retried. */
      skipped: number;
      /** True when the intake threw: that message and the ones after it wait for the next poll. */
      deferred: boolean;
    }
  | { ok: false; reason: string };

type Outcome = 'delivered' | 'duplicate' | 'skipped' | 'deferred';

const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Polls one IMAP mailbox and hands each new mail to the intake, oldest first. Progress (the last
 * handled UID) is saved through `state` only after the intake took the message, and the message
 * is then flagged \Seen, so a crash at any point re-delivers rather than loses; the intake is
 * idempotent on the Message-ID. On a first run (no saved state) only UNSEEN mail is taken, so an
 * existing mailbox's history is not imported.
 */
export class EmailPoller {
  private readonly maxBackoffMs: number;
  private readonly ownAddresses: ReadonlySet<string>;
  private running: Promise<EmailPollResult> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private failures = 0;

  constructor(private readonly options: EmailPollerOptions) {
    this.maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
    this.ownAddresses = new Set((options.ownAddresses ?? []).map((a) => a.trim().toLowerCase()));
  }

  /** One poll; concurrent calls share the poll in progress. */
  pollOnce(): Promise<EmailPollResult> {
    this.running ??= this.poll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Polls now and then every `pollSeconds`; after connection errors, waits exponentially longer (capped). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Stops the loop and waits for a poll in progress to finish. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    const result = await this.pollOnce();
    if (!this.started) return;
    const base = this.options.config.pollSeconds * 1000;
    if (result.ok) {
      this.failures = 0;
      this.schedule(base);
      return;
    }
    this.failures += 1;
    const delay = Math.min(this.maxBackoffMs, base * 2 ** Math.min(this.failures, 20));
    this.options.logger.warn('email poll failed; backing off', { reason: result.reason, failures: this.failures, retryInMs: delay });
    this.schedule(delay);
  }

  private async poll(): Promise<EmailPollResult> {
    const { config, logger } = this.options;
    const client = new ImapFlow({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: { user: config.user, pass: config.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: 5 * 60_000,
    });
    // Without a listener a dropped socket would be an uncaught 'error' event; the failing command reports it.
    client.on('error', (error: unknown) => logger.warn('imap connection error', { error: describe(error) }));
    try {
      await client.connect();
    } catch (error) {
      return { ok: false, reason: `imap connect to ${config.host}:${config.port} failed: ${describe(error)}` };
    }
    try {
      const lock = await client.getMailboxLock(config.mailbox);
      try {
        return await this.processMailbox(client);
      } finally {
        lock.release();
      }
    } catch (error) {
      return { ok: false, reason: `imap: ${describe(error)}` };
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  private async processMailbox(client: ImapFlow): Promise<EmailPollResult> {
    const { config, logger } = this.options;
    const box = client.mailbox;
    if (!box) throw new Error(`mailbox ${config.mailbox} is not open`);
    const uidValidity = box.uidValidity.toString();
    // Taken before the search: anything that arrives later has a UID at or above it.
    const uidNext = box.uidNext;
    const saved = await this.loadState(uidValidity);

    const found = saved
      ? await client.search({ uid: `${saved.lastUid + 1}:*` }, { uid: true })
      : await client.search({ seen: false }, { uid: true });
    // `n:*` also matches the highest UID when it is below n, hence the filter.
    const uids = (found || []).filter((uid) => !saved || uid > saved.lastUid).sort((a, b) => a - b);

    const counts = { delivered: 0, duplicates: 0, skipped: 0 };
    for (const uid of uids) {
      const outcome = await this.handle(client, uid);
      if (outcome === 'deferred') {
        // First run: the \Seen flags of the messages taken so far are the progress; no cursor yet.
        if (saved) await this.saveState({ mailbox: config.mailbox, uidValidity, lastUid: uid - 1 });
        return { ok: true, ...counts, deferred: true };
      }
      if (outcome === 'delivered') counts.delivered += 1;
      else if (outcome === 'duplicate') counts.duplicates += 1;
      else counts.skipped += 1;
      if (saved) await this.saveState({ mailbox: config.mailbox, uidValidity, lastUid: uid });
    }
    const lastUid = Math.max(saved?.lastUid ?? 0, uids.at(-1) ?? 0, saved ? 0 : uidNext - 1);
    if (!saved || lastUid !== saved.lastUid) await this.saveState({ mailbox: config.mailbox, uidValidity, lastUid });
    if (uids.length > 0) logger.info('email poll done', { mailbox: config.mailbox, ...counts });
    return { ok: true, ...counts, deferred: false };
  }

  private async handle(client: ImapFlow, uid: number): Promise<Outcome> {
    const { config, logger, sink } = this.options;
    const head = await client.fetchOne(String(uid), { uid: true, size: true, internalDate: true }, { uid: true });
    if (!head) return 'skipped'; // expunged since the search
    if ((head.size ?? 0) > config.maxMessageBytes) {
      logger.warn('email too large; skipped', { uid, size: head.size, limit: config.maxMessageBytes });
      return 'skipped';
    }
    const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!full || !full.source) return 'skipped';
    const source = full.source;

    let mapped;
    try {
      const mail = await simpleParser(source, { keepCidLinks: true, skipTextToHtml: true });
      const receivedAt = head.internalDate ? new Date(head.internalDate) : new Date();
      mapped = toInboundMessage(mail, { fallbackMessageId: fallbackMessageId(source), receivedAt });
    } catch (error) {
      logger.warn('email could not be parsed; skipped', { uid, error: describe(error) });
      return 'skipped';
    }
    if (!mapped.ok) {
      logger.warn('email not taken; skipped', { uid, reason: mapped.reason });
      return 'skipped';
    }
    if (this.ownAddresses.has(mapped.message.sender.email?.toLowerCase() ?? '')) {
      logger.info('email sent by ourselves; skipped', { uid, externalId: mapped.message.externalId });
      return 'skipped';
    }
    for (const warning of mapped.warnings) logger.warn('email trimmed', { uid, externalId: mapped.message.externalId, warning });

    let result;
    try {
      result = await sink.receive(mapped.message);
    } catch (error) {
      logger.warn('intake failed; email kept for the next poll', { uid, externalId: mapped.message.externalId, error: describe(error) });
      return 'deferred';
    }
    if (!result.ok) {
      logger.warn('intake refused email; skipped', { uid, externalId: mapped.message.externalId, reason: result.reason });
      return 'skipped';
    }
    await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    return result.duplicate ? 'duplicate' : 'delivered';
  }

  private async loadState(uidValidity: string): Promise<EmailPollState | null> {
    const { config, logger, state } = this.options;
    const raw = await state.getState();
    if (raw === null) return null;
    const parsed = EmailPollStateSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn('email poll state unreadable; starting over with unseen mail', { error: parsed.error.message });
      return null;
    }
    if (parsed.data.mailbox !== config.mailbox || parsed.data.uidValidity !== uidValidity) {
      // UIDs of another mailbox or another UIDVALIDITY mean nothing here; unseen mail is the safe restart.
      logger.warn('email mailbox changed; starting over with unseen mail', { mailbox: config.mailbox, uidValidity });
      return null;
    }
    return parsed.data;
  }

  private async saveState(next: EmailPollState): Promise<void> {
    await this.options.state.setState(next);
  }
}

/** A stable stand-in Message-ID for mail without one: the same bytes always map to the same id. */
function fallbackMessageId(source: Buffer): string {
  return `<${createHash('sha256').update(source).digest('hex').slice(0, 40)}@no-message-id.atende.invalid>`;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const extra = (error as { responseText?: unknown }).responseText;
    return typeof extra === 'string' && extra !== '' ? `${error.message} (${extra})` : error.message;
  }
  return String(error);
}
