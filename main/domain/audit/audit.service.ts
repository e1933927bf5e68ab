import type { AuditEvent } from '../../../shared/schemas';
import type { WriteTx } from '../../store/store';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';

/** Who performed an action: a user, or the system (automation, CTI, intake). */
export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | null;
  changes?: Record<string, [unknown, unknown]>;
  reason?: string | null;
}

/** Writes audit events inside the caller's transaction, so a change and its audit land together. */
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** Records one audit event in `tx`. Never pass secrets in `changes`. */
  record(tx: WriteTx, entry: AuditEntry): AuditEvent {
    const now = this.clock.now().toISOString();
    return tx.put('audit', {
      id: newId('aud'),
      createdAt: now,
      updatedAt: now,
      version: 0,
      at: now,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: entry.changes ?? {},
      reason: entry.reason ?? null,
    });
  }
}

/** Field-by-field difference of two versions of a record (shallow, JSON-equal). */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) !== JSON.stringify(after[f])) changes[String(f)] = [before[f], after[f]];
  }
  return changes;
}
