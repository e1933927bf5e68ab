import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmiClient, type AmiClientEvents } from '../../../main/cti/ami/ami-client';
import { amiField } from '../../../main/cti/ami/ami-message';
import { FakePbx } from '../../fixtures/fake-pbx';
import { amiConfigFor, next, record } from './cti-test-helpers';

let pbx: FakePbx;
const clients: AmiClient[] = [];

beforeEach(async () => {
  pbx = await FakePbx.start();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await pbx.close();
});

function client(overrides: Parameters<typeof amiConfigFor>[1] = {}): AmiClient {
  const c = new AmiClient({ config: amiConfigFor(pbx, overrides) });
  clients.push(c);
  return c;
}

const on =
  <K extends keyof AmiClientEvents>(c: AmiClient, topic: K) =>
  (listener: (v: AmiClientEvents[K]) => void) =>
    c.on(topic, listener);

describe('AmiClient against a fake Asterisk over TCP', () => {
  it('logs in with its credentials and events on, then is ready', async () => {
    const c = client();
    const loggedIn = next(on(c, 'loggedIn'));
    expect(await c.start()).toEqual({ ok: true });
    expect(await loggedIn).toEqual({ reconnected: false, version: '5.0.2' });
    expect(c.state).toBe('ready');
    const login = pbx.actions[0] ?? {};
    expect({ ...login, ActionID: undefined }).toEqual({ Action: 'Login', Username: 'atende', Secret: 'atende-secret', Events: 'on', ActionID: undefined });
  });

  it('reports a refused login as a value and does not retry it', async () => {
    const c = client({ secret: 'wrong' });
    const failed = next(on(c, 'loginFailed'));
    const reconnecting = record(on(c, 'reconnecting'));
    expect(await c.start()).toEqual({ ok: false, reason: 'login_failed', message: 'Authentication failed' });
    expect(await failed).toEqual({ message: 'Authentication failed' });
    expect(c.state).toBe('failed');
    expect(reconnecting.values).toEqual([]);
    expect(pbx.connectionCount).toBe(1);
  });

  it('delivers events that arrive in the same packet as the login answer', async () => {
    const c = client();
    const booted = next(on(c, 'event'), (e) => amiField(e, 'Event') === 'FullyBooted');
    await c.start();
    expect(await booted).toMatchObject({ Status: 'Fully Booted' });
  });

  it('reassembles events written in tiny partial packets and in bursts, and survives garbage', async () => {
    const c = client();
    const events = record(on(c, 'event'));
    const errors = record(on(c, 'protocolError'));
    await c.start();
    await events.until((v) => v.length === 1); // FullyBooted
    pbx.chunkSizes = [1, 2, 3, 5, 7, 11];
    await pbx.sendEvent({ Event: 'VarSet', Uniqueid: '1.1', Variable: 'CPF', Value: 'São Paulo: 52998224725' });
    await pbx.sendRaw('this is not AMI\r\n\r\n');
    pbx.chunkSizes = null;
    await pbx.burst(async () => {
      for (let i = 0; i < 200; i++) await pbx.sendEvent({ Event: 'Newstate', Uniqueid: `2.${i}`, ChannelState: '5' });
    });
    const got = await events.until((v) => v.length === 202);
    expect(got[1]).toMatchObject({ Event: 'VarSet', Value: 'São Paulo: 52998224725' });
    expect(got.slice(2).map((e) => e.Uniqueid)).toEqual(Array.from({ length: 200 }, (_, i) => `2.${i}`));
    expect(errors.values).toEqual([{ reason: 'malformed_line', detail: 'this is not AMI' }]);
  });

  it('lists the PBX channels with CoreShowChannels, without repeating the list items as events', async () => {
    const c = client();
    const events = record(on(c, 'event'));
    await c.start();
    await pbx.ringAgent({ callId: '1700000000.1', ani: '11987654321', extension: '2001', queue: 'suporte' });
    await events.until((v) => v.some((e) => e.Event === 'Newstate' && e.ChannelState === '5'));
    const seen = events.values.length;
    const listed = await c.coreShowChannels();
    expect(listed.ok && listed.channels.map((ch) => [ch.Channel, ch.Linkedid, ch.ChannelState])).toEqual([
      [expect.stringMatching(/^PJSIP\/operadora-/), '1700000000.1', '6'],
      [expect.stringMatching(/^PJSIP\/2001-/), '1700000000.1', '5'],
    ]);
    expect(events.values.length).toBe(seen);
  });

  it('answers a Ping, and declares the link dead when the PBX stops answering, then reconnects', async () => {
    const c = client({ ping: { intervalMs: 20, timeoutMs: 150 } });
    await c.start();
    await pbx.waitForAction('Ping');
    await pbx.waitForAction('Ping'); // a second ping means the first was answered in time
    expect(c.state).toBe('ready');
    pbx.answerPings = false;
    const disconnected = await next(on(c, 'disconnected'));
    expect(disconnected.reason).toBe('ping_timeout');
    pbx.answerPings = true;
    expect(await next(on(c, 'loggedIn'))).toMatchObject({ reconnected: true });
    expect(pbx.loginCount).toBe(2);
  });

  it('reconnects after a dropped connection with capped exponential backoff, resetting it after a login', async () => {
    const c = client();
    const reconnecting = record(on(c, 'reconnecting'));
    await c.start();
    pbx.refuseConnections = true;
    await pbx.dropConnections();
    await reconnecting.until((v) => v.length === 6);
    expect(reconnecting.values.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 10],
      [2, 20],
      [3, 40],
      [4, 80],
      [5, 80],
      [6, 80],
    ]);
    pbx.refuseConnections = false;
    await next(on(c, 'loggedIn'));
    await pbx.dropConnections();
    await reconnecting.until((v) => v.length >= 7);
    expect(reconnecting.values[6]).toEqual({ attempt: 1, delayMs: 10 });
    await next(on(c, 'loggedIn'));
    expect(c.state).toBe('ready');
  });

  it('keeps retrying while nothing listens, and close() ends it all (start resolves as closed)', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const c = client({ port });
    const disconnected = next(on(c, 'disconnected'));
    const started = c.start();
    expect((await disconnected).reason).toBe('connect_failed');
    await next(on(c, 'reconnecting'), (r) => r.attempt >= 2);
    await c.close();
    expect(await started).toEqual({ ok: false, reason: 'closed' });
    expect(c.state).toBe('closed');
    expect(await c.sendAction({ Action: 'Ping' })).toEqual({ ok: false, reason: 'not_connected' });
  });

  it('fails pending actions when the connection drops, as values', async () => {
    const c = client();
    await c.start();
    pbx.answerPings = false;
    const pending = c.sendAction({ Action: 'Ping' });
    await pbx.waitForAction('Ping');
    await pbx.dropConnections();
    expect(await pending).toEqual({ ok: false, reason: 'disconnected' });
  });
});
