import { InboundMessageSchema } from '../../../shared/schemas';
import { verifySignature } from '../../cti/webhook/webhook-signature';
import type { Core } from '../core';
import type { HttpRoute } from './http-server';
import { readRawBody, sendJson } from './read-body';

const MAX_INBOUND_BYTES = 1024 * 1024;
export const SIGNATURE_HEADER = 'x-atende-signature';

/**
 * `POST /channels/inbound`: one customer message from a chat/WhatsApp/social/web-form connector,
 * signed with HMAC-SHA256 of the raw body (`X-Atende-Signature: sha256=<hex>`). Answers 200 with
 * the ticket it landed on, 400 with the reason for a bad payload (nothing stored), 401 for a bad
 * signature, 503 when no channel secret is configured.
 */
export function channelRoutes(core: Core): HttpRoute[] {
  return [
    {
      method: 'POST',
      path: '/channels/inbound',
      async handle(req, res) {
        const secret = core.config.channelSecret;
        if (!secret) return sendJson(res, 503, { ok: false, reason: 'channel_secret_not_configured' });
        const body = await readRawBody(req, MAX_INBOUND_BYTES);
        if (!body) return sendJson(res, 413, { ok: false, reason: 'body_too_large' });
        const signature = req.headers[SIGNATURE_HEADER];
        if (typeof signature !== 'string' || !verifySignature(secret, body, signature)) return sendJson(res, 401, { ok: false, reason: 'bad_signature' });
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, { ok: false, reason: 'invalid_json' });
        }
        const parsed = InboundMessageSchema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return sendJson(res, 400, { ok: false, reason: 'invalid_message', detail: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
        }
        const result = await core.services.intake.receive(parsed.data);
        if (!result.ok) return sendJson(res, 400, { ok: false, reason: 'invalid_message', detail: result.reason });
        return sendJson(res, 200, result);
      },
    },
  ];
}
