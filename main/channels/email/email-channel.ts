import type { EmailChannelConfig } from './email-config.schema';
import type { ChannelLogger, EmailPollStateStore, IntakeSink } from './email-channel.types';
import { EmailPoller } from './email-poller.service';
import { EmailSender } from './email-sender.service';

export interface EmailChannelDeps {
  config: EmailChannelConfig;
  /** The core's intake (e.g. the same service `POST /channels/inbound` calls). */
  sink: IntakeSink;
  /** Where the poll cursor is kept between restarts (data dir or store). */
  state: EmailPollStateStore;
  logger: ChannelLogger;
}

/** The e-mail channel as the app wires it: a poller feeding the intake and a sender for replies. */
export interface EmailChannel {
  readonly poller: EmailPoller;
  readonly sender: EmailSender;
  /** Starts polling (no-op when the channel is disabled). */
  start(): void;
  /** Stops polling, waits for a poll in progress, closes SMTP connections. */
  stop(): Promise<void>;
}

/**
 * Builds the e-mail channel from its validated config. Our own From address is excluded from
 * intake, so a copy of an agent's reply in the support mailbox never becomes a customer message.
 */
export function createEmailChannel(deps: EmailChannelDeps): EmailChannel {
  const { config, sink, state, logger } = deps;
  const poller = new EmailPoller({ config: config.imap, sink, state, logger, ownAddresses: [config.smtp.from.address] });
  const sender = new EmailSender({ config: config.smtp, logger });
  return {
    poller,
    sender,
    start() {
      if (config.enabled) poller.start();
    },
    async stop() {
      await poller.stop();
      sender.close();
    },
  };
}
