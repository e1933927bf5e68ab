import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from './helpers/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => t.close());

describe('cti.onDeepLink', () => {
  it('delivers the links the desktop shell publishes to a signed-in window, and refuses without a session', async () => {
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    const stream = (await caller.cti.onDeepLink()) as AsyncIterable<unknown>;
    const received: unknown[] = [];
    const reading = (async () => {
      for await (const link of stream) {
        received.push(link);
        if (received.length === 2) break;
      }
    })();
    await new Promise((r) => setTimeout(r, 10));
    t.core.services.bus.publish('deepLink', { kind: 'dial', number: '+5511987654321', scheme: 'tel' });
    t.core.services.bus.publish('deepLink', { kind: 'ticket', ticket: { by: 'number', number: 42 } });
    await reading;
    expect(received).toEqual([
      { kind: 'dial', number: '+5511987654321', scheme: 'tel' },
      { kind: 'ticket', ticket: { by: 'number', number: 42 } },
    ]);
    await expect(t.caller(null).cti.onDeepLink()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
