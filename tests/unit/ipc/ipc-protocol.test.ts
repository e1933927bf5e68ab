import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_KEY, looksLikeIpcRequest } from '../../../shared/ipc/bridge';
import { IpcRequestSchema, IpcResponseSchema } from '../../../shared/ipc/protocol';
import { getIpcBridge } from '../../../renderer/lib/ipc-link';

describe('IPC message schemas', () => {
  it('accepts the requests the link sends', () => {
    for (const msg of [
      { id: 'a1', type: 'query', path: 'tickets.list', input: { page: 1 } },
      { id: 'a2', type: 'mutation', path: 'auth.login', input: { username: 'ana', password: 'x' } },
      { id: 'a3', type: 'subscription', path: 'queue.onChange' },
      { id: 'a3', type: 'subscription.stop' },
    ]) {
      expect(IpcRequestSchema.safeParse(msg).success).toBe(true);
    }
  });

  it('refuses requests that are not ours', () => {
    for (const msg of [
      { id: '', type: 'query', path: 'x' },
      { id: 'a', type: 'query', path: 'a..b' },
      { id: 'a', type: 'query', path: '__proto__.x y' },
      { id: 'a', type: 'subscription.stop', path: 'x' },
      { id: 'x'.repeat(129), type: 'query', path: 'x' },
      { id: 'a', type: 'query', path: 'x', ctx: { user: 'admin' } },
    ]) {
      expect(IpcRequestSchema.safeParse(msg).success, JSON.stringify(msg)).toBe(false);
    }
  });

  it('accepts results and errors, with or without an id for the error', () => {
    for (const msg of [
      { id: 'a', result: { type: 'data', data: [1] } },
      { id: 'a', result: { type: 'data' } },
      { id: 'a', result: { type: 'data', id: 'evt', data: { id: 'evt', data: 1 } } },
      { id: 'a', result: { type: 'started' } },
      { id: 'a', result: { type: 'stopped' } },
      { id: 'a', error: { code: -32600, message: 'bad', data: { code: 'BAD_REQUEST', zodError: null } } },
      { id: null, error: { code: -32600, message: 'bad', data: {} } },
    ]) {
      expect(IpcResponseSchema.safeParse(msg).success, JSON.stringify(msg)).toBe(true);
    }
    expect(IpcResponseSchema.safeParse({ id: 'a', error: { code: 'BAD_REQUEST', message: 'x' } }).success).toBe(false);
    expect(IpcResponseSchema.safeParse({ id: null, result: { type: 'started' } }).success).toBe(false);
  });

  it('the preload check agrees with the schema on the obvious cases', () => {
    expect(looksLikeIpcRequest({ id: 'a', type: 'query', path: 'x' })).toBe(true);
    expect(looksLikeIpcRequest({ id: 'a', type: 'subscription.stop' })).toBe(true);
    expect(looksLikeIpcRequest({ id: 'a', type: 'query' })).toBe(false);
    expect(looksLikeIpcRequest({ id: 1, type: 'query', path: 'x' })).toBe(false);
    expect(looksLikeIpcRequest({ id: 'a', type: 'exec', path: 'x' })).toBe(false);
    expect(looksLikeIpcRequest(null)).toBe(false);
    expect(looksLikeIpcRequest('query')).toBe(false);
  });
});

describe('getIpcBridge', () => {
  const global = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete global[BRIDGE_KEY];
  });

  it('is null in a plain browser', () => {
    expect(getIpcBridge()).toBeNull();
  });

  it('returns the trpc pipe the preload exposed', () => {
    const trpc = { send: () => undefined, onMessage: () => () => undefined };
    global[BRIDGE_KEY] = { platform: 'electron', trpc };
    expect(getIpcBridge()).toBe(trpc);
  });

  it('ignores something else squatting on the name', () => {
    global[BRIDGE_KEY] = { platform: 'electron', trpc: { send: 'nope' } };
    expect(getIpcBridge()).toBeNull();
    global[BRIDGE_KEY] = { platform: 'web', trpc: { send: () => undefined, onMessage: () => () => undefined } };
    expect(getIpcBridge()).toBeNull();
  });
});
