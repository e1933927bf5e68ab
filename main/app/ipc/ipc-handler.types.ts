import type { AnyTRPCRouter, TRPCError, TRPCProcedureType, inferRouterContext } from '@trpc/server';
import type { IpcResponse } from '../../../shared/ipc/protocol';

/** One renderer (in Electron: one webContents) talking to the handler. */
export interface IpcEndpoint {
  /** Stable for the endpoint's whole life; keys its session and subscriptions. */
  readonly id: string;
  send(msg: IpcResponse): void;
  /** Registers the callback run once when the endpoint goes away for good. */
  onClose(cb: () => void): void;
}

/** Holds one endpoint's session token in the main process; the renderer never sees it. */
export interface IpcTokenHolder {
  get(): string | null;
  set(token: string | null): void;
}

/** What the context factory learns about a call. */
export interface IpcContextOptions {
  endpoint: IpcEndpoint;
  /** The same holder for every call of one endpoint, a different one per endpoint. */
  tokenHolder: IpcTokenHolder;
}

/** Reported for every error sent back, for logging. */
export interface IpcErrorInfo {
  error: TRPCError;
  endpointId: string;
  type: TRPCProcedureType | 'unknown';
  path: string | undefined;
}

export interface CreateIpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** Called once per call (not per endpoint), so a login takes effect on the next call. */
  createContext(opts: IpcContextOptions): inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  onError?(info: IpcErrorInfo): void;
  /** Guards main against a runaway renderer; 256 by default. */
  maxSubscriptionsPerEndpoint?: number;
}

/** The transport-agnostic tRPC IPC server. */
export interface IpcHandler {
  /**
   * Validates and runs one incoming message. Never rejects: every failure becomes an error
   * response. Resolves once a query/mutation is answered or a subscription has started.
   */
  handleMessage(endpoint: IpcEndpoint, msg: unknown): Promise<void>;
  /** Stops an endpoint's subscriptions but keeps its session (the page reloaded). */
  stopSubscriptions(endpointId: string): void;
  /** Stops every subscription of every endpoint and forgets all sessions (app quit). */
  close(): void;
}
