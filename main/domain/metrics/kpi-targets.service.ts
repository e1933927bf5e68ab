import { KPI_IDS, type KpiId } from '../../../shared/kpi';
import { DEFAULT_KPI_TARGETS, KPI_TARGETS_SETTING, KpiTargetsPatchSchema, type KpiTargets, type KpiTargetsPatch } from '../../../shared/schemas/kpi-targets';
import type { Store } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';

/** What is stored: only the targets an admin set, `null` for "no target" (so defaults stay defaults). */
type StoredTargets = Partial<Record<KpiId, number | null>>;

/**
 * KPI targets of the operation: the defaults (TMA 6 min, TME 20 s, FCR 75 %, CSAT 85 %, service
 * level 80 %, abandonment ≤ 5 %, SLA 90 %) overridden by what admins set, kept as a store setting.
 */
export class KpiTargetsService {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
  ) {}

  /** The targets in force. */
  get(): KpiTargets {
    const stored = this.stored();
    const out: KpiTargets = {};
    for (const id of KPI_IDS) {
      const value = Object.hasOwn(stored, id) ? stored[id] : DEFAULT_KPI_TARGETS[id];
      if (typeof value === 'number') out[id] = value;
    }
    return out;
  }

  /** Applies a validated patch (a number sets a target, `null` removes it); returns the targets in force. */
  async set(raw: KpiTargetsPatch, actor: Actor): Promise<KpiTargets> {
    const patch = KpiTargetsPatchSchema.parse(raw);
    const before = this.get();
    const next: StoredTargets = { ...this.stored() };
    for (const [id, value] of Object.entries(patch) as [KpiId, number | null | undefined][]) {
      if (value !== undefined) next[id] = value;
    }
    await this.store.setSetting(KPI_TARGETS_SETTING, next);
    const after = this.get();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const id of KPI_IDS) if (before[id] !== after[id]) changes[id] = [before[id] ?? null, after[id] ?? null];
    if (Object.keys(changes).length > 0) {
      await this.store.write((tx) => this.audit.record(tx, { actor, action: 'kpi.targets', entity: 'setting', entityId: null, changes }));
      for (const listener of [...this.listeners]) listener();
    }
    return after;
  }

  /** Called after the targets changed (the wallboard pushes them). Returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stored(): StoredTargets {
    // A setting edited by hand into something invalid falls back to the defaults rather than failing.
    const parsed = KpiTargetsPatchSchema.safeParse(this.store.getSetting<unknown>(KPI_TARGETS_SETTING) ?? {});
    return parsed.success ? parsed.data : {};
  }
}
