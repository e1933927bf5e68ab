import { handleCtiWebhook, WEBHOOK_MAX_BODY_BYTES } from '../../cti/webhook/cti-webhook.handler';
import type { Core } from '../core';
import type { HttpRoute } from './http-server';
import { readRawBody, sendJson } from './read-body';

/**
 * `POST /cti/events`: call events from a cloud PBX, one CallEvent or an array, signed with
 * HMAC-SHA256 of the raw body (`X-Atende-Signature`). 503 when no CTI secret is configured.
 */
export function ctiRoutes(core: Core): HttpRoute[] {
  return [
    {
      method: 'POST',
      path: '/cti/events',
      async handle(req, res) {
        const secret = core.config.ctiSecret;
        if (!secret) return sendJson(res, 503, { ok: false, reason: 'cti_secret_not_configured' });
        const body = await readRawBody(req, WEBHOOK_MAX_BODY_BYTES);
        if (!body) return sendJson(res, 400, { ok: false, reason: 'body_too_large' });
        const header = req.headers['x-atende-signature'];
        const result = handleCtiWebhook({ rawBody: body, signature: typeof header === 'string' ? header : null, secret });
        if (!result.ok) return sendJson(res, result.status, { ok: false, reason: result.reason, ...('detail' in result && result.detail ? { detail: result.detail } : {}) });
        for (const event of result.events) {
          const r = await core.services.cti.handle(event);
          if (!r.ok) return sendJson(res, 400, { ok: false, reason: 'invalid_event', detail: r.reason });
        }
        return sendJson(res, 200, { ok: true, accepted: result.events.length });
      },
    },
  ];
}
