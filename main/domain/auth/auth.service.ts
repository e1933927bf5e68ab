import { createHash, randomBytes } from 'node:crypto';
import type { PublicUser, Session, User } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { toPublicUser } from '../users/public-user';
import { hashPassword, verifyPassword } from './password';

export type LoginResult =
  | { ok: true; token: string; user: PublicUser; session: Session }
  | { ok: false; reason: 'invalid_credentials' | 'inactive' | 'too_many_attempts' };

export interface Authenticated {
  user: User;
  session: Session;
}

/** Failed logins allowed per username within the window before it is briefly locked. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Local users and bearer sessions. Tokens are random 256-bit values; only their SHA-256 is stored,
 * so a copied data dir does not leak usable sessions.
 */
export class AuthService {
  private readonly failures = new Map<string, number[]>();
  // Verifying against a dummy hash keeps unknown-user logins as slow as wrong-password ones.
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessionHours: number,
  ) {}

  /** Checks credentials and opens a session. Expected failures are values, not throws. */
  async login(username: string, password: string, client: string): Promise<LoginResult> {
    const key = username.trim().toLowerCase();
    const nowMs = this.clock.now().getTime();
    const recent = (this.failures.get(key) ?? []).filter((t) => nowMs - t < FAILURE_WINDOW_MS);
    if (recent.length >= MAX_FAILURES) return { ok: false, reason: 'too_many_attempts' };

    const user = this.store.users.byIndex('username', key)[0];
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : (await verifyPassword(password, await (this.dummyHash ??= hashPassword('x'))), false);
    if (!user || !valid) {
      this.failures.set(key, [...recent, nowMs]);
      return { ok: false, reason: 'invalid_credentials' };
    }
    if (!user.active) return { ok: false, reason: 'inactive' };
    this.failures.delete(key);

    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.store.write((tx) => {
      const s = tx.put('sessions', {
        id: newId('ses'),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 0,
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + this.sessionHours * 3_600_000).toISOString(),
        client: client.slice(0, 200),
      });
      this.audit.record(tx, { actor: { id: user.id, name: user.username }, action: 'auth.login', entity: 'user', entityId: user.id });
      return s;
    });
    return { ok: true, token, user: toPublicUser(user), session };
  }

  /** The user and session behind a bearer token, or null if unknown, expired or the user is inactive. */
  authenticate(token: string | null | undefined): Authenticated | null {
    if (!token) return null;
    const session = this.store.sessions.byIndex('tokenHash', hashToken(token))[0];
    return session ? this.check(session.id) : null;
  }

  /** Re-checks a session by id (it may have been revoked or have expired since the context was made). */
  check(sessionId: string): Authenticated | null {
    const session = this.store.sessions.get(sessionId);
    if (!session || Date.parse(session.expiresAt) <= this.clock.now().getTime()) return null;
    const user = this.store.users.get(session.userId);
    if (!user || !user.active) return null;
    return { user, session };
  }

  async logout(sessionId: string): Promise<void> {
    const session = this.store.sessions.get(sessionId);
    if (!session) return;
    await this.store.write((tx) => {
      tx.delete('sessions', sessionId);
      this.audit.record(tx, { actor: { id: session.userId, name: session.userId }, action: 'auth.logout', entity: 'user', entityId: session.userId });
    });
  }

  /** Ends every session of a user (password change, deactivation). */
  async revokeAll(userId: string): Promise<number> {
    const sessions = this.store.sessions.byIndex('user', userId);
    if (sessions.length === 0) return 0;
    await this.store.write((tx) => {
      for (const s of sessions) tx.delete('sessions', s.id);
    });
    return sessions.length;
  }

  /** Deletes expired sessions; run at start-up and periodically. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now().getTime();
    const expired = [...this.store.sessions.values()].filter((s) => Date.parse(s.expiresAt) <= now);
    if (expired.length === 0) return 0;
    await this.store.write((tx) => {
      for (const s of expired) tx.delete('sessions', s.id);
    });
    return expired.length;
  }
}
