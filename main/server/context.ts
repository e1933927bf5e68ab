import type { PublicUser, Session } from '../../shared/schemas';
import type { Actor } from '../domain/audit/audit.service';
import type { Services } from '../domain/services';
import { toPublicUser } from '../domain/users/public-user';

/** Desktop mode: the main process keeps the session token; the renderer never sees it. */
export interface TokenHolder {
  get(): string | null;
  set(token: string | null): void;
}

export type Transport = 'ipc' | 'http' | 'ws' | 'internal';

/** What every procedure receives: the services and, when authenticated, the user and session. */
export interface Context {
  services: Services;
  user: PublicUser | null;
  session: Session | null;
  tokenHolder: TokenHolder | null;
  transport: Transport;
  /** Who is calling, for logs and the session record (user agent, "desktop"). */
  client: string;
}

export interface CreateContextOptions {
  token: string | null;
  tokenHolder?: TokenHolder;
  transport: Transport;
  client?: string;
}

export function createContextFactory(services: Services) {
  return async (opts: CreateContextOptions): Promise<Context> => {
    const auth = services.auth.authenticate(opts.token);
    return {
      services,
      user: auth ? toPublicUser(auth.user) : null,
      session: auth?.session ?? null,
      tokenHolder: opts.tokenHolder ?? null,
      transport: opts.transport,
      client: opts.client ?? opts.transport,
    };
  };
}

/** The acting user as timelines and audit show them: their display name (the id stays the key). */
export function actorOf(user: PublicUser): Actor {
  return { id: user.id, name: user.displayName };
}

/** A simple in-memory token holder (one per desktop window). */
export function createTokenHolder(): TokenHolder {
  let token: string | null = null;
  return { get: () => token, set: (t) => (token = t) };
}
