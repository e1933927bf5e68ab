import { signBody } from '../../cti/webhook/webhook-signature';
import type { OutboundMessage } from '../../../shared/schemas';

export interface WebhookSenderOptions {
  url: string;
  secret: string;
  /** Attempts before giving up (with exponential backoff between them). */
  attempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type SendResult = { ok: true; status: number; attempts: number } | { ok: false; reason: string; attempts: number };

/**
 * Sends agent replies to the channel connector (chat, WhatsApp, social, web form): a JSON POST
 * signed like inbound messages (`X-Atende-Signature: sha256=<hex>`), retried on network errors
 * and 5xx answers. 4xx answers are final (the connector refused the message).
 */
export class WebhookSender {
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly timeoutMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly opts: WebhookSenderOptions) {
    this.attempts = opts.attempts ?? 4;
    this.baseDelayMs = opts.baseDelayMs ?? 500;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.fetchFn = opts.fetch ?? fetch;
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const body = JSON.stringify({ type: 'agent_reply', message });
    let lastReason = 'not sent';
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        const res = await this.fetchFn(this.opts.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Atende-Signature': signBody(this.opts.secret, body) },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (res.ok) return { ok: true, status: res.status, attempts: attempt };
        lastReason = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) return { ok: false, reason: lastReason, attempts: attempt };
      } catch (err) {
        lastReason = (err as Error).message;
      }
      if (attempt < this.attempts) await new Promise((r) => setTimeout(r, this.baseDelayMs * 2 ** (attempt - 1)));
    }
    return { ok: false, reason: lastReason, attempts: this.attempts };
  }
}
