import { describe, expect, it } from 'vitest';
import { handleCtiWebhook, WEBHOOK_MAX_BODY_BYTES } from '../../../main/cti/webhook/cti-webhook.handler';
import { signBody, verifySignature } from '../../../main/cti/webhook/webhook-signature';

const SECRET = 'whsec_4f9a1c';
const EVENT = {
  callId: 'c-123',
  linkedId: 'c-123',
  state: 'ringing',
  ani: '+5511987654321',
  dnis: '+551140040000',
  queue: 'suporte',
  extension: '2001',
  ivr: { cpf: '52998224725' },
  at: '2026-03-02T13:00:00.000Z',
  eventId: 'evt-1',
};

/** Posts `body` signed correctly, unless a signature (or null for none) is given. */
function post(body: unknown, signature?: string | null) {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  return handleCtiWebhook({ rawBody, signature: signature === undefined ? signBody(SECRET, rawBody) : signature, secret: SECRET });
}

describe('webhook signature', () => {
  it('signs as sha256=<hex> and verifies with or without the prefix, in any hex case', () => {
    const sig = signBody(SECRET, 'hello');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, 'hello', sig)).toBe(true);
    expect(verifySignature(SECRET, 'hello', sig.slice(7))).toBe(true);
    expect(verifySignature(SECRET, 'hello', sig.toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
    expect(verifySignature(SECRET, Buffer.from('hello'), sig)).toBe(true);
  });

  it('rejects another body, another secret, a truncated or non-hex signature', () => {
    const sig = signBody(SECRET, 'hello');
    expect(verifySignature(SECRET, 'hello!', sig)).toBe(false);
    expect(verifySignature('other', 'hello', sig)).toBe(false);
    expect(verifySignature(SECRET, 'hello', sig.slice(0, -2))).toBe(false);
    expect(verifySignature(SECRET, 'hello', `sha256=${'z'.repeat(64)}`)).toBe(false);
    expect(verifySignature(SECRET, 'hello', 'md5=abc')).toBe(false);
  });
});

describe('handleCtiWebhook', () => {
  it('accepts one signed event, sets its source to webhook', () => {
    const result = post(EVENT);
    expect(result).toEqual({ ok: true, events: [{ ...EVENT, source: 'webhook' }] });
  });

  it('accepts an array of events, defaulting ivr to {}', () => {
    const { ivr: _ivr, ...noIvr } = EVENT;
    const result = post([EVENT, { ...noIvr, state: 'answered', eventId: 'evt-2' }]);
    expect(result.ok && result.events.map((e) => [e.state, e.ivr])).toEqual([
      ['ringing', { cpf: '52998224725' }],
      ['answered', {}],
    ]);
  });

  it('answers 401 without a signature or with a wrong one, before looking at the body', () => {
    expect(post(EVENT, null)).toEqual({ ok: false, status: 401, reason: 'missing_signature' });
    expect(post(EVENT, signBody('wrong-secret', JSON.stringify(EVENT)))).toEqual({ ok: false, status: 401, reason: 'bad_signature' });
    expect(post('{not json', signBody('wrong-secret', '{not json'))).toMatchObject({ status: 401 });
  });

  it('answers 400 with a reason for bad JSON, an invalid event, an empty list or a foreign source', () => {
    expect(post('{not json')).toMatchObject({ ok: false, status: 400, reason: 'invalid_json' });
    expect(post({ ...EVENT, state: 'exploded' })).toMatchObject({ ok: false, status: 400, reason: 'invalid_event', detail: expect.stringMatching(/^state: /) });
    expect(post([EVENT, { ...EVENT, at: 'yesterday' }])).toMatchObject({ status: 400, reason: 'invalid_event', detail: expect.stringMatching(/^\[1\]\.at: /) });
    expect(post([])).toMatchObject({ status: 400, reason: 'no_events' });
    expect(post({ ...EVENT, source: 'ami' })).toMatchObject({ status: 400, reason: 'invalid_event' });
    expect(post(Array.from({ length: 501 }, () => EVENT))).toMatchObject({ status: 400, reason: 'too_many_events' });
  });

  it('refuses an oversized body and a missing secret', () => {
    expect(post('x'.repeat(WEBHOOK_MAX_BODY_BYTES + 1))).toMatchObject({ status: 400, reason: 'body_too_large' });
    expect(() => handleCtiWebhook({ rawBody: '{}', signature: 'sha256=00', secret: '' })).toThrow(/secret/);
  });

  it('verifies the raw bytes it was given', () => {
    const raw = Buffer.from(JSON.stringify(EVENT));
    expect(handleCtiWebhook({ rawBody: raw, signature: signBody(SECRET, raw), secret: SECRET }).ok).toBe(true);
    const respaced = JSON.stringify(EVENT, null, 2);
    expect(handleCtiWebhook({ rawBody: respaced, signature: signBody(SECRET, raw), secret: SECRET })).toMatchObject({ status: 401 });
  });
});
