import type { Interaction, Sentiment } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { DomainEvents } from '../events';
import { plainBody } from '../kb/ticket-text';
import type { EventBus } from '../shared/event-bus';
import { sentimentOf } from './sentiment';

export interface SentimentHooks {
  /**
   * Called once the score is stored on the message, e.g. to run the `customer_replied`
   * automation rules, which read the latest score (`sentiment_score` conditions).
   */
  onScored?(ticketId: string, interactionId: string, sentiment: Sentiment): Promise<void> | void;
}

/**
 * Scores every inbound customer message when it arrives (the bus's `customerMessage`) with the
 * offline lexicon scorer (./sentiment.ts) and stores the score on the interaction (the ticket
 * screen's badge, the automation's `sentiment_score`).
 */
export class SentimentService {
  private readonly stop: () => void;
  /** Resolves when the messages received so far are scored (and their hooks done). */
  idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    bus: EventBus<DomainEvents>,
    private readonly hooks: SentimentHooks = {},
  ) {
    // Scored at once, in memory, before the listeners registered after this one (the automation
    // runner's `customer_replied`) read the message: rules see its `sentiment_score`.
    this.stop = bus.on('customerMessage', ({ ticketId, interactionId }) => {
      const scored = this.score(ticketId, interactionId);
      this.idle = this.idle.then(() => scored).catch((err: unknown) => console.error('[atende] sentiment scoring failed', err));
    });
  }

  dispose(): void {
    this.stop();
  }

  /** Sentiment of each scored customer message of a ticket, oldest first. */
  forTicket(ticketId: string): { interactionId: string; at: string; sentiment: Sentiment }[] {
    return this.store.interactions
      .byIndex('ticket', ticketId)
      .filter((i) => i.sentiment)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((i) => ({ interactionId: i.id, at: i.createdAt, sentiment: i.sentiment as Sentiment }));
  }

  /** Stores the score (in memory synchronously: `Store.write` applies at call); resolves once durable. */
  private score(ticketId: string, interactionId: string): Promise<void> {
    const interaction = this.store.interactions.get(interactionId);
    if (!interaction || interaction.direction !== 'inbound' || interaction.kind !== 'message' || interaction.sentiment) return Promise.resolve();
    const sentiment = sentimentOf(plainBody(interaction));
    try {
      return this.store.write((tx) => tx.put('interactions', { ...interaction, sentiment } satisfies Interaction)).then(() => this.hooks.onScored?.(ticketId, interactionId, sentiment));
    } catch (err) {
      return Promise.reject(err);
    }
  }
}
