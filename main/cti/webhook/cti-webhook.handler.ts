import { z } from 'zod';
import { CallEventSchema, type CallEvent } from '../../../shared/schemas/call-event';
import { verifySignature } from './webhook-signature';

/** Most bytes and events one request may carry; a cloud PBX batches at most a few seconds of calls. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;
export const WEBHOOK_MAX_EVENTS = 500;

export type CtiWebhookFailure =
  | { ok: false; status: 401; reason: 'missing_signature' | 'bad_signature' }
  | { ok: false; status: 400; reason: 'body_too_large' | 'invalid_json' | 'no_events' | 'too_many_events' | 'invalid_event'; detail?: string };
export type CtiWebhookResult = { ok: true; events: CallEvent[] } | CtiWebhookFailure;

export interface CtiWebhookRequest {
  /** The body exactly as received: the signature covers these bytes, not a re-serialization. */
  rawBody: string | Uint8Array;
  /** The signature header (e.g. `X-Atende-Signature`), absent when not sent. */
  signature: string | null | undefined;
  /** The shared secret configured on both sides. */
  secret: string;
}

/** What the webhook accepts: a CallEvent whose `source`, if sent at all, is `webhook`. */
const WebhookEventsSchema = z.array(CallEventSchema.extend({ source: z.literal('webhook').default('webhook') }));

/**
 * `POST /cti/events` from a cloud PBX: checks the size, then the HMAC signature (nothing unsigned
 * is even parsed), then validates one CallEvent or an array of them. HTTP wiring is the caller's job:
 * answer `status` on failure, 204 on success.
 * @throws if `secret` is empty — a misconfiguration, never a request's fault.
 */
export function handleCtiWebhook(request: CtiWebhookRequest): CtiWebhookResult {
  if (!request.secret) throw new Error('CTI webhook secret is not configured');
  const { rawBody } = request;
  // Before the HMAC, so an oversized body costs nothing to refuse.
  const size = typeof rawBody === 'string' ? Buffer.byteLength(rawBody) : rawBody.byteLength;
  if (size > WEBHOOK_MAX_BODY_BYTES) return { ok: false, status: 400, reason: 'body_too_large' };
  if (!request.signature) return { ok: false, status: 401, reason: 'missing_signature' };
  if (!verifySignature(request.secret, rawBody, request.signature)) return { ok: false, status: 401, reason: 'bad_signature' };
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (err) {
    return { ok: false, status: 400, reason: 'invalid_json', detail: (err as Error).message };
  }
  const items = Array.isArray(payload) ? payload : [payload];
  if (items.length === 0) return { ok: false, status: 400, reason: 'no_events' };
  if (items.length > WEBHOOK_MAX_EVENTS) return { ok: false, status: 400, reason: 'too_many_events' };
  const parsed = WebhookEventsSchema.safeParse(items);
  if (!parsed.success) return { ok: false, status: 400, reason: 'invalid_event', detail: describeIssue(parsed.error, Array.isArray(payload)) };
  return { ok: true, events: parsed.data };
}

/** `[2].state: Invalid option...` — enough for the PBX vendor to fix their payload. */
function describeIssue(error: z.ZodError, isArray: boolean): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid event';
  const [index, ...rest] = issue.path;
  const where = [isArray ? `[${String(index)}]` : '', ...rest.map(String)].filter(Boolean).join('.');
  return `${where || '(event)'}: ${issue.message}`;
}
