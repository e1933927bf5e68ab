import { TRPCClientError, createTRPCClient } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { createIpcHandler } from '../../../main/app/ipc/ipc-handler';
import { ipcLink } from '../../../renderer/lib/ipc-link';
import { connectFakeIpc } from './fake-ipc';
import { setupIpc } from './ipc-harness';
import { createProbe, createTestRouter, type TestRouter } from './test-router';

async function rejection(promise: Promise<unknown>): Promise<TRPCClientError<TestRouter>> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<TestRouter>;
}

describe('tRPC over IPC: queries and mutations', () => {
  it('runs a query with input', async () => {
    const { client } = setupIpc();
    await expect(client.greet.query({ name: 'Ana' })).resolves.toBe('Olá, Ana');
  });

  it('delivers plain JSON, as the HTTP transport would', async () => {
    const { client } = setupIpc();
    const result = await client.shape.query();
    expect(result).toEqual({ at: '2024-01-02T03:04:05.000Z', n: 1 });
    expect('gone' in result).toBe(false);
  });

  it('runs mutations, including ones that return nothing', async () => {
    const { client } = setupIpc();
    await expect(client.add.mutate({ a: 2, b: 40 })).resolves.toBe(42);
    await expect(client.nothing.mutate()).resolves.toBeUndefined();
  });

  it('surfaces input validation errors as BAD_REQUEST with the flattened zod error', async () => {
    const { client } = setupIpc();
    const error = await rejection(client.greet.query({ name: '' }));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.httpStatus).toBe(400);
    expect((error.data?.zodError?.fieldErrors as Record<string, string[]>).name).toHaveLength(1);
    expect(error.shape).toMatchObject({ code: -32600 });
  });

  it.each(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'CONFLICT', 'TOO_MANY_REQUESTS'] as const)(
    'keeps the code of a thrown TRPCError (%s)',
    async (code) => {
      const { client, errors } = setupIpc();
      const error = await rejection(client.fail.query({ code }));
      expect(error.message).toBe(`failed with ${code}`);
      expect(error.data?.code).toBe(code);
      expect(errors.map((e) => [e.error.code, e.path, e.type])).toEqual([[code, 'fail', 'query']]);
    },
  );

  it('turns an unexpected exception into INTERNAL_SERVER_ERROR without a stack', async () => {
    const { client } = setupIpc();
    const error = await rejection(client.crash.query());
    expect(error.data?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.data?.stack).toBeUndefined();
  });

  it('answers an unknown procedure with NOT_FOUND', async () => {
    const { ipc } = setupIpc();
    ipc.sendRaw({ id: 'x1', type: 'query', path: 'does.not.exist' });
    await vi.waitFor(() => expect(ipc.received).toHaveLength(1));
    expect(ipc.received[0]).toMatchObject({ id: 'x1', error: { data: { code: 'NOT_FOUND' } } });
  });

  it('reports an output that is not JSON as an error instead of failing silently', async () => {
    const { client } = setupIpc();
    const error = await rejection(client.bigint.query());
    expect(error.data?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('matches concurrent responses to their requests by id', async () => {
    const { client, ipc } = setupIpc();
    const results = await Promise.all([
      client.echoAfter.query({ ms: 40, value: 'slow' }),
      client.echoAfter.query({ ms: 20, value: 'medium' }),
      client.echoAfter.query({ ms: 0, value: 'fast' }),
      client.add.mutate({ a: 1, b: 1 }),
    ]);
    expect(results).toEqual(['slow', 'medium', 'fast', 2]);
    // Answers arrived out of request order, so the id matching was really exercised.
    const order = ipc.received.map((m) => ('result' in m && m.result.type === 'data' ? m.result.data : null));
    expect(order.indexOf('fast')).toBeLessThan(order.indexOf('slow'));
  });

  it('two clients on one bridge do not see each other’s answers', async () => {
    const { ipc, client } = setupIpc();
    const other = createTRPCClient<TestRouter>({ links: [ipcLink(ipc.bridge)] });
    const [a, b] = await Promise.all([client.greet.query({ name: 'A' }), other.greet.query({ name: 'B' })]);
    expect([a, b]).toEqual(['Olá, A', 'Olá, B']);
  });

  it('rejects an aborted query on the client', async () => {
    const { client } = setupIpc();
    const ac = new AbortController();
    const pending = client.echoAfter.query({ ms: 50, value: 'late' }, { signal: ac.signal });
    ac.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('tRPC over IPC: malformed messages', () => {
  it.each([
    ['null', null, null],
    ['a string', 'hello', null],
    ['no path', { id: 'm1', type: 'query' }, 'm1'],
    ['an unknown type', { id: 'm2', type: 'delete', path: 'greet' }, 'm2'],
    ['a path that is not a procedure path', { id: 'm3', type: 'query', path: '../../etc/passwd' }, 'm3'],
    ['an extra key', { id: 'm4', type: 'query', path: 'greet', input: {}, extra: true }, 'm4'],
    ['a numeric id', { id: 5, type: 'query', path: 'greet' }, null],
  ])('answers %s with BAD_REQUEST and keeps serving', async (_label, message, expectedId) => {
    const { ipc, client } = setupIpc();
    ipc.sendRaw(message);
    await vi.waitFor(() => expect(ipc.received).toHaveLength(1));
    expect(ipc.received[0]).toMatchObject({ id: expectedId, error: { code: -32600, data: { code: 'BAD_REQUEST' } } });
    await expect(client.greet.query({ name: 'still here' })).resolves.toBe('Olá, still here');
  });

  it('the preload-side check refuses garbage before it reaches the channel', () => {
    const { ipc } = setupIpc();
    expect(() => ipc.bridge.send({ nope: true } as never)).toThrow(TypeError);
  });
});

describe('tRPC over IPC: sessions', () => {
  it('gives the context factory one token holder per endpoint', async () => {
    const { client, connect, contextCalls } = setupIpc();
    const second = connect('endpoint-2');
    await client.greet.query({ name: 'a' });
    await client.greet.query({ name: 'b' });
    await second.client.greet.query({ name: 'c' });
    expect(contextCalls).toHaveLength(3);
    const [first, again, other] = contextCalls;
    expect(first?.tokenHolder).toBe(again?.tokenHolder);
    expect(first?.endpoint.id).toBe('endpoint-1');
    expect(other?.tokenHolder).not.toBe(first?.tokenHolder);
    expect(other?.endpoint.id).toBe('endpoint-2');
  });

  it('keeps a login in its own endpoint and never sends the token to the renderer', async () => {
    const { client, connect, ipc } = setupIpc();
    const second = connect('endpoint-2');
    await expect(client.secret.query()).rejects.toThrow('errors.unauthorized');
    await expect(client.login.mutate({ user: 'ana' })).resolves.toEqual({ ok: true });
    await expect(client.secret.query()).resolves.toBe('the secret');
    await expect(second.client.secret.query()).rejects.toThrow('errors.unauthorized');
    expect(JSON.stringify(ipc.received)).not.toContain('token-ana');
  });

  it('forgets the session when the endpoint closes', async () => {
    const { client, ipc, handler, contextCalls } = setupIpc();
    await client.login.mutate({ user: 'ana' });
    const holder = contextCalls[0]?.tokenHolder;
    ipc.close();
    // Same id again (a new window reusing it): a fresh, empty session.
    const reopened = connectFakeIpc(handler, 'endpoint-1');
    reopened.sendRaw({ id: 'q', type: 'query', path: 'secret' });
    await vi.waitFor(() => expect(reopened.received).toHaveLength(1));
    expect(reopened.received[0]).toMatchObject({ error: { data: { code: 'UNAUTHORIZED' } } });
    expect(contextCalls.at(-1)?.tokenHolder).not.toBe(holder);
  });

  it('answers with an error when the context factory fails', async () => {
    const handler = createIpcHandler({
      router: createTestRouter(createProbe()),
      createContext: async () => {
        throw new Error('store closed');
      },
    });
    const ipc = connectFakeIpc(handler);
    ipc.sendRaw({ id: 'c1', type: 'query', path: 'greet', input: { name: 'x' } });
    await vi.waitFor(() => expect(ipc.received).toHaveLength(1));
    expect(ipc.received[0]).toMatchObject({ id: 'c1', error: { data: { code: 'INTERNAL_SERVER_ERROR' } } });
  });
});
