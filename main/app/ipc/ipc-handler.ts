import {
  TRPCError,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  isTrackedEnvelope,
  type AnyTRPCRouter,
  type TRPCProcedureType,
} from '@trpc/server';
import { isObservable, observableToAsyncIterable } from '@trpc/server/observable';
import {
  IpcRequestSchema,
  type IpcCallRequest,
  type IpcErrorShape,
  type IpcResponse,
  type IpcResult,
} from '../../../shared/ipc/protocol';
import type { CreateIpcHandlerOptions, IpcEndpoint, IpcHandler, IpcTokenHolder } from './ipc-handler.types';
import { pumpSubscription } from './pump-subscription';

export type * from './ipc-handler.types';

interface EndpointState {
  endpoint: IpcEndpoint;
  tokenHolder: IpcTokenHolder;
  subscriptions: Map<string, AbortController>;
  /** Aborted when the endpoint closes; passed to queries and mutations as their signal. */
  lifetime: AbortController;
}

interface CallInfo {
  type: TRPCProcedureType | 'unknown';
  path: string | undefined;
  input: unknown;
  ctx: unknown;
}

/** The errorFormatter could itself produce something unserializable; this never is. */
const INTERNAL_ERROR_SHAPE: IpcErrorShape = {
  code: -32603,
  message: 'Internal server error',
  data: { code: 'INTERNAL_SERVER_ERROR' },
};

/**
 * Creates the tRPC v11 IPC handler: queries, mutations and subscriptions (async iterables or
 * observables) over {@link IpcEndpoint}s, with the router's errorFormatter shaping errors.
 *
 * Everything sent is round-tripped through JSON first so desktop sees exactly what the HTTP and
 * WebSocket transports deliver (dates as strings, `undefined` dropped).
 */
export function createIpcHandler<TRouter extends AnyTRPCRouter>(opts: CreateIpcHandlerOptions<TRouter>): IpcHandler {
  const { router } = opts;
  const maxSubscriptions = opts.maxSubscriptionsPerEndpoint ?? 256;
  const endpoints = new Map<string, EndpointState>();

  function stateOf(endpoint: IpcEndpoint): EndpointState {
    const known = endpoints.get(endpoint.id);
    if (known) return known;
    const state: EndpointState = {
      endpoint,
      tokenHolder: createTokenHolder(),
      subscriptions: new Map(),
      lifetime: new AbortController(),
    };
    endpoints.set(endpoint.id, state);
    endpoint.onClose(() => forget(state));
    return state;
  }

  function forget(state: EndpointState): void {
    if (endpoints.get(state.endpoint.id) === state) endpoints.delete(state.endpoint.id);
    state.lifetime.abort();
    abortSubscriptions(state);
  }

  function abortSubscriptions(state: EndpointState): void {
    for (const controller of state.subscriptions.values()) controller.abort();
    state.subscriptions.clear();
  }

  /** Sends one message; false when it could not be delivered. */
  function send(state: EndpointState, msg: IpcResponse): boolean {
    if (state.lifetime.signal.aborted) return false;
    let wire: IpcResponse;
    try {
      wire = JSON.parse(JSON.stringify(msg)) as IpcResponse;
    } catch (cause) {
      // A BigInt or a cycle in a procedure's output: tell the caller instead of going silent.
      const error = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Response is not JSON', cause });
      wire = errorResponse(state, msg.id, error, { type: 'unknown', path: undefined, input: undefined, ctx: undefined });
      deliver(state, wire);
      return false;
    }
    return deliver(state, wire);
  }

  function deliver(state: EndpointState, wire: IpcResponse): boolean {
    try {
      state.endpoint.send(wire);
      return true;
    } catch {
      // The receiver vanished between our check and the send; its onClose will clean up.
      return false;
    }
  }

  function errorResponse(state: EndpointState, id: string | null, cause: unknown, info: CallInfo): IpcResponse {
    const error = getTRPCErrorFromUnknown(cause);
    opts.onError?.({ error, endpointId: state.endpoint.id, type: info.type, path: info.path });
    let shape: IpcErrorShape;
    try {
      shape = JSON.parse(
        JSON.stringify(getTRPCErrorShape({ config: router._def._config, error, ...info, ctx: info.ctx as never })),
      ) as IpcErrorShape;
    } catch {
      shape = INTERNAL_ERROR_SHAPE;
    }
    return { id, error: shape };
  }

  async function runCall(state: EndpointState, msg: IpcCallRequest): Promise<void> {
    const info: CallInfo = { type: msg.type, path: msg.path, input: msg.input, ctx: undefined };
    try {
      info.ctx = await opts.createContext({ endpoint: state.endpoint, tokenHolder: state.tokenHolder });
      const data: unknown = await callTRPCProcedure({
        router,
        path: msg.path,
        type: msg.type,
        getRawInput: async () => msg.input,
        ctx: info.ctx,
        signal: state.lifetime.signal,
        batchIndex: 0,
      });
      if (isAsyncIterable(data) || isObservable(data)) {
        throw new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `Cannot return a stream from a ${msg.type} over IPC; use a subscription`,
        });
      }
      send(state, { id: msg.id, result: { type: 'data', data } });
    } catch (cause) {
      send(state, errorResponse(state, msg.id, cause, info));
    }
  }

  async function startSubscription(state: EndpointState, msg: IpcCallRequest): Promise<void> {
    const info: CallInfo = { type: 'subscription', path: msg.path, input: msg.input, ctx: undefined };
    if (state.subscriptions.has(msg.id)) {
      const error = new TRPCError({ code: 'BAD_REQUEST', message: `Duplicate subscription id ${msg.id}` });
      send(state, errorResponse(state, msg.id, error, info));
      return;
    }
    if (state.subscriptions.size >= maxSubscriptions) {
      const error = new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many open subscriptions' });
      send(state, errorResponse(state, msg.id, error, info));
      return;
    }
    // Registered before the procedure runs, so a stop that overtakes a slow start still counts.
    const controller = new AbortController();
    state.subscriptions.set(msg.id, controller);
    const release = () => {
      if (state.subscriptions.get(msg.id) === controller) state.subscriptions.delete(msg.id);
      controller.abort();
    };

    let iterable: AsyncIterable<unknown>;
    try {
      info.ctx = await opts.createContext({ endpoint: state.endpoint, tokenHolder: state.tokenHolder });
      const result: unknown = await callTRPCProcedure({
        router,
        path: msg.path,
        type: 'subscription',
        getRawInput: async () => msg.input,
        ctx: info.ctx,
        signal: controller.signal,
        batchIndex: 0,
      });
      if (isObservable(result)) iterable = observableToAsyncIterable(result, controller.signal);
      else if (isAsyncIterable(result)) iterable = result;
      else {
        throw new TRPCError({
          code: 'INTERNAL_SERVER_ERROR',
          message: `Subscription ${msg.path} did not return an observable or an async iterable`,
        });
      }
    } catch (cause) {
      release();
      send(state, errorResponse(state, msg.id, cause, info));
      return;
    }

    // Stopped while starting: the pump ends the untouched iterable and reports 'stopped'.
    if (!controller.signal.aborted && !send(state, { id: msg.id, result: { type: 'started' } })) controller.abort();
    void pumpSubscription({
      iterable,
      signal: controller.signal,
      emit: (value) => send(state, { id: msg.id, result: dataResult(value) }),
    }).then((outcome) => {
      release();
      if (typeof outcome === 'object') send(state, errorResponse(state, msg.id, outcome.error, info));
      else send(state, { id: msg.id, result: { type: 'stopped' } });
    });
  }

  return {
    async handleMessage(endpoint, raw) {
      const state = stateOf(endpoint);
      const parsed = IpcRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
        const error = new TRPCError({
          code: 'BAD_REQUEST',
          message: `Malformed IPC message${where}: ${issue?.message ?? 'invalid'}`,
        });
        const info: CallInfo = { type: 'unknown', path: undefined, input: undefined, ctx: undefined };
        send(state, errorResponse(state, idOf(raw), error, info));
        return;
      }
      const msg = parsed.data;
      if (msg.type === 'subscription.stop') {
        state.subscriptions.get(msg.id)?.abort();
        return;
      }
      if (msg.type === 'subscription') await startSubscription(state, msg);
      else await runCall(state, msg);
    },
    stopSubscriptions(endpointId) {
      const state = endpoints.get(endpointId);
      if (state) abortSubscriptions(state);
    },
    close() {
      for (const state of [...endpoints.values()]) forget(state);
    },
  };
}

function createTokenHolder(): IpcTokenHolder {
  let token: string | null = null;
  return {
    get: () => token,
    set: (next) => {
      token = next;
    },
  };
}

function dataResult(value: unknown): IpcResult {
  if (isTrackedEnvelope(value)) {
    // Same shape as tRPC's WebSocket adapter: the client sees `{ id, data }`.
    const [id, data] = value;
    return { type: 'data', id, data: { id, data } };
  }
  return { type: 'data', data: value };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Salvages the id of a malformed request so the caller's pending call can still be failed. */
function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id } = raw as { id?: unknown };
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
}
