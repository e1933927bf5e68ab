import { connect, type Socket } from 'node:net';
import { EventBus, type Listener } from '../../domain/shared/event-bus';
import type { AmiConfig } from './ami-config';
import { amiField, formatAmiMessage, type AmiMessage } from './ami-message';
import { AmiParser, type AmiParseErrorReason } from './ami-parser';
import { backoffDelay } from './backoff';

export type AmiClientState = 'idle' | 'connecting' | 'ready' | 'waiting' | 'failed' | 'closed';
export type AmiDisconnectReason = 'connect_failed' | 'connect_timeout' | 'ping_timeout' | 'socket_error' | 'socket_closed';

/** What an AmiClient reports; subscribe with `client.on(topic, listener)`. */
export type AmiClientEvents = {
  state: AmiClientState;
  loggedIn: { reconnected: boolean; version: string | null };
  loginFailed: { message: string };
  disconnected: { reason: AmiDisconnectReason; detail: string | null };
  reconnecting: { attempt: number; delayMs: number };
  /** Every unsolicited event (`Event: ...`) after login; list items of our own actions are not repeated here. */
  event: AmiMessage;
  protocolError: { reason: AmiParseErrorReason; detail: string };
};

export type AmiStartResult = { ok: true } | { ok: false; reason: 'login_failed'; message: string } | { ok: false; reason: 'closed' };
export type AmiActionFailure = { ok: false; reason: 'not_connected' | 'disconnected' | 'timeout' };
/** `response` is whatever Asterisk answered, `Response: Error` included; `events` are the items of a list action. */
export type AmiActionResult = { ok: true; response: AmiMessage; events: AmiMessage[] } | AmiActionFailure;
export type AmiChannelsResult = { ok: true; channels: AmiMessage[] } | AmiActionFailure | { ok: false; reason: 'refused'; message: string };

export interface AmiTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AmiClientOptions {
  config: Pick<AmiConfig, 'host' | 'port' | 'username' | 'secret' | 'connectTimeoutMs' | 'actionTimeoutMs' | 'reconnect' | 'ping'>;
  /** [0, 1) source for the reconnect jitter. */
  random?: () => number;
  timers?: AmiTimers;
}

interface Pending {
  list: AmiMessage[] | null;
  response: AmiMessage | null;
  timer: unknown;
  settle(result: AmiActionResult): void;
}

interface Connection {
  socket: Socket;
  parser: AmiParser;
  pending: Map<string, Pending>;
  tcpUp: boolean;
  version: string | null;
  /** Why we killed it, when we did. */
  reason: AmiDisconnectReason | null;
  error: string | null;
  /** The PBX's message when it refused our login. */
  refused: string | null;
  deadline: unknown;
  pingTimer: unknown;
}

const defaultTimers: AmiTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Asterisk Manager Interface client over TCP: logs in, keeps the link alive with `Ping`, and
 * re-establishes it with capped exponential backoff and jitter after any loss, for as long as it
 * runs. A refused login stops it (retrying bad credentials only locks the account).
 */
export class AmiClient {
  private readonly bus = new EventBus<AmiClientEvents>();
  private readonly timers: AmiTimers;
  private readonly random: () => number;
  private current: AmiClientState = 'idle';
  private conn: Connection | null = null;
  private attempt = 0;
  private everLoggedIn = false;
  private actionSeq = 0;
  private retryTimer: unknown = null;
  private startPromise: Promise<AmiStartResult> | null = null;
  private resolveStart: ((result: AmiStartResult) => void) | null = null;

  constructor(private readonly options: AmiClientOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
  }

  get state(): AmiClientState {
    return this.current;
  }

  /** Subscribes to a client event; returns the unsubscribe function. */
  on<K extends keyof AmiClientEvents>(topic: K, listener: Listener<AmiClientEvents[K]>): () => void {
    return this.bus.on(topic, listener);
  }

  /**
   * Starts connecting. Resolves at the first successful login, when the login is refused, or when
   * closed first; connection failures before that are retried in the background, not reported here.
   */
  start(): Promise<AmiStartResult> {
    if (this.startPromise) return this.startPromise;
    this.startPromise = new Promise((resolve) => (this.resolveStart = resolve));
    this.connectOnce();
    return this.startPromise;
  }

  /** Sends an action and waits for its response. */
  sendAction(fields: Record<string, string>, timeoutMs = this.options.config.actionTimeoutMs): Promise<AmiActionResult> {
    if (!this.conn || this.current !== 'ready') return Promise.resolve({ ok: false, reason: 'not_connected' });
    return this.request(this.conn, fields, false, timeoutMs);
  }

  /** Sends an action answered by a list of events ending with `EventList: Complete`, and collects them. */
  sendListAction(fields: Record<string, string>, timeoutMs = this.options.config.actionTimeoutMs): Promise<AmiActionResult> {
    if (!this.conn || this.current !== 'ready') return Promise.resolve({ ok: false, reason: 'not_connected' });
    return this.request(this.conn, fields, true, timeoutMs);
  }

  /** The channels up right now (`CoreShowChannel` events), e.g. to reconcile calls after a reconnect. */
  async coreShowChannels(): Promise<AmiChannelsResult> {
    const result = await this.sendListAction({ Action: 'CoreShowChannels' });
    if (!result.ok) return result;
    if (amiField(result.response, 'Response')?.toLowerCase() !== 'success') {
      return { ok: false, reason: 'refused', message: amiField(result.response, 'Message') ?? '' };
    }
    return { ok: true, channels: result.events.filter((e) => amiField(e, 'Event') === 'CoreShowChannel') };
  }

  /** Stops everything: pending retry, keep-alive, socket. Resolves once the socket is closed. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.timers.clearTimeout(this.retryTimer);
    this.setState('closed');
    this.resolveStart?.({ ok: false, reason: 'closed' });
    const conn = this.conn;
    if (conn && !conn.socket.closed) {
      const closed = new Promise<void>((resolve) => conn.socket.once('close', () => resolve()));
      conn.socket.destroy();
      await closed;
    }
  }

  private get stopped(): boolean {
    return this.current === 'closed' || this.current === 'failed';
  }

  private setState(state: AmiClientState): void {
    if (this.current === state) return;
    this.current = state;
    this.bus.publish('state', state);
  }

  private connectOnce(): void {
    if (this.stopped) return;
    const { host, port, connectTimeoutMs } = this.options.config;
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const conn: Connection = {
      socket,
      parser: new AmiParser(),
      pending: new Map(),
      tcpUp: false,
      version: null,
      reason: null,
      error: null,
      refused: null,
      deadline: null,
      pingTimer: null,
    };
    this.conn = conn;
    this.setState('connecting');
    conn.deadline = this.timers.setTimeout(() => this.kill(conn, 'connect_timeout'), connectTimeoutMs);
    socket.on('connect', () => (conn.tcpUp = true));
    socket.on('data', (chunk: Buffer) => this.onData(conn, chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => (conn.error ??= err.code ?? err.message));
    socket.on('close', () => this.onClose(conn));
  }

  private onData(conn: Connection, chunk: Buffer): void {
    for (const frame of conn.parser.push(chunk)) {
      if (conn.socket.destroyed) return; // killed mid-chunk: the rest belongs to a dead link
      if (frame.kind === 'greeting') {
        if (conn.version !== null) continue; // one login per connection, whatever the peer repeats
        conn.version = frame.version;
        this.login(conn);
      } else if (frame.kind === 'error') {
        this.bus.publish('protocolError', { reason: frame.reason, detail: frame.detail });
      } else {
        this.route(conn, frame.message);
      }
    }
  }

  private route(conn: Connection, message: AmiMessage): void {
    const actionId = amiField(message, 'ActionID');
    const pending = actionId === undefined ? undefined : conn.pending.get(actionId);
    if (pending && pending.response === null && amiField(message, 'Response') !== undefined) {
      pending.response = message;
      const listFollows = amiField(message, 'EventList')?.toLowerCase() === 'start';
      if (!pending.list || !listFollows) pending.settle({ ok: true, response: message, events: [] });
      return;
    }
    if (pending?.list && pending.response && amiField(message, 'Event') !== undefined) {
      if (amiField(message, 'EventList')?.toLowerCase() === 'complete') pending.settle({ ok: true, response: pending.response, events: pending.list });
      else pending.list.push(message);
      return;
    }
    if (amiField(message, 'Event') !== undefined && !this.stopped) this.bus.publish('event', message);
  }

  private login(conn: Connection): void {
    const { username, secret, connectTimeoutMs } = this.options.config;
    const fields = { Action: 'Login', Username: username, Secret: secret, Events: 'on' };
    // Handled synchronously: events in the same TCP chunk as the answer must already find us ready.
    void this.request(conn, fields, false, connectTimeoutMs, (result) => this.onLoginResult(conn, result));
  }

  private onLoginResult(conn: Connection, result: AmiActionResult): void {
    if (!result.ok || conn !== this.conn || this.stopped) return; // the deadline or the close handler takes it from here
    if (amiField(result.response, 'Response')?.toLowerCase() !== 'success') {
      conn.refused = amiField(result.response, 'Message') || 'Authentication failed';
      conn.socket.destroy(); // reported from onClose, so whoever hears of it finds the socket closed
      return;
    }
    this.timers.clearTimeout(conn.deadline);
    this.attempt = 0;
    this.setState('ready');
    this.bus.publish('loggedIn', { reconnected: this.everLoggedIn, version: conn.version });
    this.everLoggedIn = true;
    this.resolveStart?.({ ok: true });
    this.schedulePing(conn);
  }

  private schedulePing(conn: Connection): void {
    const { intervalMs, timeoutMs } = this.options.config.ping;
    conn.pingTimer = this.timers.setTimeout(() => {
      void this.request(conn, { Action: 'Ping' }, false, timeoutMs).then((result) => {
        if (result.ok) this.schedulePing(conn);
        else if (result.reason === 'timeout') this.kill(conn, 'ping_timeout');
      });
    }, intervalMs);
  }

  private request(
    conn: Connection,
    fields: Record<string, string>,
    list: boolean,
    timeoutMs: number,
    onSettled?: (result: AmiActionResult) => void,
  ): Promise<AmiActionResult> {
    if (conn.socket.destroyed) return Promise.resolve({ ok: false, reason: 'disconnected' });
    const actionId = `atende-${++this.actionSeq}`;
    return new Promise((resolve) => {
      const pending: Pending = {
        list: list ? [] : null,
        response: null,
        timer: this.timers.setTimeout(() => pending.settle({ ok: false, reason: 'timeout' }), timeoutMs),
        settle: (result) => {
          if (!conn.pending.delete(actionId)) return;
          this.timers.clearTimeout(pending.timer);
          onSettled?.(result);
          resolve(result);
        },
      };
      conn.pending.set(actionId, pending);
      conn.socket.write(formatAmiMessage({ ...fields, ActionID: actionId }));
    });
  }

  private kill(conn: Connection, reason: AmiDisconnectReason): void {
    conn.reason ??= reason;
    conn.socket.destroy();
  }

  private onClose(conn: Connection): void {
    this.timers.clearTimeout(conn.deadline);
    this.timers.clearTimeout(conn.pingTimer);
    for (const pending of [...conn.pending.values()]) pending.settle({ ok: false, reason: 'disconnected' });
    if (this.conn !== conn || this.stopped) return;
    this.conn = null;
    if (conn.refused !== null) {
      this.setState('failed');
      this.bus.publish('loginFailed', { message: conn.refused });
      this.resolveStart?.({ ok: false, reason: 'login_failed', message: conn.refused });
      return;
    }
    const reason = conn.reason ?? (conn.error ? (conn.tcpUp ? 'socket_error' : 'connect_failed') : 'socket_closed');
    this.bus.publish('disconnected', { reason, detail: conn.error });
    this.attempt++;
    const delayMs = backoffDelay(this.attempt, this.options.config.reconnect, this.random);
    this.setState('waiting');
    this.bus.publish('reconnecting', { attempt: this.attempt, delayMs });
    this.retryTimer = this.timers.setTimeout(() => this.connectOnce(), delayMs);
  }
}
