import { BusinessCalendarSchema, SlaPolicySchema, type BusinessCalendar, type BusinessCalendarInput, type SlaPolicy, type SlaPolicyInput } from '../../../shared/schemas/sla';
import type { Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { defaultBrazilCalendar } from './brazil-holidays';
import { businessSecondsBetween } from './business-hours';
import { pauseSlaClock, resumeSlaClock } from './sla-pause';
import { applySlaPolicy, calendarOf, selectSlaPolicy } from './sla-policy';
import { slaStateAt, type SlaState } from './sla-state';

export const SLA_CALENDARS_SETTING = 'sla.calendars';
export const SLA_POLICIES_SETTING = 'sla.policies';

const PAUSED = new Set<Ticket['status']>(['pending', 'on_hold']);

export type SlaSaveResult<T> = { ok: true; value: T } | { ok: false; issues: { path: string; message: string }[] };

/** The policies an operation starts with: urgent around the clock, the rest in business hours. */
export function defaultSlaSetup(year: number): { calendars: BusinessCalendar[]; policies: SlaPolicy[] } {
  const business = defaultBrazilCalendar({ year, id: 'cal_business', weekdayHours: [{ start: '08:00', end: '20:00', overnight: false }] });
  business.weeklyHours[6] = [{ start: '08:00', end: '14:00', overnight: false }];
  const always: BusinessCalendar = { id: 'cal_24x7', name: '24×7', timeZone: 'America/Sao_Paulo', kind: '24x7', weeklyHours: [[], [], [], [], [], [], []], holidays: [] };
  const policy = (id: string, name: string, order: number, priorities: Ticket['priority'][], fr: number, res: number, calendarId: string): SlaPolicy =>
    SlaPolicySchema.parse({ id, name, order, conditions: { priorities }, firstResponseMinutes: fr, resolutionMinutes: res, calendarId });
  return {
    calendars: [business, always],
    policies: [
      policy('sla_urgent', 'Urgente (24×7)', 10, ['urgent'], 30, 4 * 60, 'cal_24x7'),
      policy('sla_high', 'Alta', 20, ['high'], 60, 8 * 60, 'cal_business'),
      policy('sla_normal', 'Normal', 30, ['normal'], 4 * 60, 24 * 60, 'cal_business'),
      policy('sla_low', 'Baixa', 40, ['low'], 8 * 60, 48 * 60, 'cal_business'),
    ],
  };
}

/**
 * SLA policies and business-hours calendars (store settings, validated on save) and their
 * application to tickets: `prepare` is called by every service that writes a ticket, so due times
 * follow priority/policy changes and pauses (pending / on hold) count in business time.
 */
export class SlaService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  calendars(): BusinessCalendar[] {
    return this.store.getSetting<BusinessCalendar[]>(SLA_CALENDARS_SETTING) ?? defaultSlaSetup(this.clock.now().getUTCFullYear()).calendars;
  }

  policies(): SlaPolicy[] {
    return [...(this.store.getSetting<SlaPolicy[]>(SLA_POLICIES_SETTING) ?? defaultSlaSetup(this.clock.now().getUTCFullYear()).policies)].sort((a, b) => a.order - b.order);
  }

  /** Writes the defaults on first run, so admins see (and can edit) what is in force. */
  async ensureDefaults(): Promise<void> {
    if (this.store.getSetting(SLA_CALENDARS_SETTING) && this.store.getSetting(SLA_POLICIES_SETTING)) return;
    const defaults = defaultSlaSetup(this.clock.now().getUTCFullYear());
    if (!this.store.getSetting(SLA_CALENDARS_SETTING)) await this.store.setSetting(SLA_CALENDARS_SETTING, defaults.calendars);
    if (!this.store.getSetting(SLA_POLICIES_SETTING)) await this.store.setSetting(SLA_POLICIES_SETTING, defaults.policies);
  }

  async saveCalendar(input: Omit<BusinessCalendarInput, 'id'> & { id?: string }, actor: Actor): Promise<SlaSaveResult<BusinessCalendar>> {
    const parsed = BusinessCalendarSchema.safeParse({ ...input, id: input.id ?? newId('cal') });
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    const next = [...this.calendars().filter((c) => c.id !== parsed.data.id), parsed.data];
    await this.saveSetting(SLA_CALENDARS_SETTING, next, 'sla.calendar_save', parsed.data.id, actor);
    return { ok: true, value: parsed.data };
  }

  async savePolicy(input: Omit<SlaPolicyInput, 'id'> & { id?: string }, actor: Actor): Promise<SlaSaveResult<SlaPolicy>> {
    const parsed = SlaPolicySchema.safeParse({ ...input, id: input.id ?? newId('slp') });
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    if (!this.calendars().some((c) => c.id === parsed.data.calendarId)) return { ok: false, issues: [{ path: 'calendarId', message: `unknown calendar "${parsed.data.calendarId}"` }] };
    const next = [...this.policies().filter((p) => p.id !== parsed.data.id), parsed.data];
    await this.saveSetting(SLA_POLICIES_SETTING, next, 'sla.policy_save', parsed.data.id, actor);
    return { ok: true, value: parsed.data };
  }

  async deletePolicy(id: string, actor: Actor): Promise<boolean> {
    const current = this.policies();
    if (!current.some((p) => p.id === id)) return false;
    await this.saveSetting(SLA_POLICIES_SETTING, current.filter((p) => p.id !== id), 'sla.policy_delete', id, actor);
    return true;
  }

  /**
   * The ticket as it should be stored: the pause clock started/stopped on status changes (in
   * business seconds of its calendar) and both due times recomputed for its current policy.
   * `previous` is the stored version (null for a new ticket). Pure apart from reading settings.
   */
  prepare(next: Ticket, previous: Ticket | null, now: Date = this.clock.now(), customerTags?: readonly string[]): Ticket {
    const tags = customerTags ?? this.store.customers.get(next.requesterId)?.tags ?? [];
    const policies = this.policies();
    const calendars = this.calendars();
    let sla = next.sla;
    const wasPaused = previous ? PAUSED.has(previous.status) : false;
    const isPaused = PAUSED.has(next.status);
    if (wasPaused && !isPaused && previous?.sla.pausedSince) {
      const policy = selectSlaPolicy(policies, next, tags);
      // Replace the wall-clock pause the status change counted with the business time it covered.
      sla = resumeSlaClock({ ...sla, pausedSeconds: previous.sla.pausedSeconds, pausedSince: previous.sla.pausedSince }, policy ? calendarOf(policy, calendars) : null, now);
    } else if (!wasPaused && isPaused) {
      sla = pauseSlaClock({ ...sla, pausedSince: null }, now);
    }
    const applied = applySlaPolicy({ ...next, sla }, { policies, calendars, customerTags: tags }, now);
    return applied.ok ? { ...next, sla: applied.sla } : { ...next, sla };
  }

  /**
   * Business seconds between two instants in the calendar of the ticket's SLA policy (calendar
   * time without one): the clock of TME (digital) and TMR (business) in KPIS.md.
   */
  businessSeconds(fromIso: string, toIso: string, ticket: Ticket): number {
    const policy = this.policies().find((p) => p.id === ticket.sla.policyId);
    const calendar = policy ? calendarOf(policy, this.calendars()) : null;
    const from = new Date(fromIso);
    const to = new Date(toIso);
    if (!calendar) return Math.max(0, (to.getTime() - from.getTime()) / 1000);
    return Math.max(0, businessSecondsBetween(calendar, from, to));
  }

  /** SLA state of an open ticket now (null without a policy). */
  stateOf(ticket: Ticket, now: Date = this.clock.now()): SlaState | null {
    const policy = this.policies().find((p) => p.id === ticket.sla.policyId);
    const calendar = policy ? calendarOf(policy, this.calendars()) : null;
    return policy && calendar ? slaStateAt(ticket, policy, calendar, now) : null;
  }

  private async saveSetting(key: string, value: unknown, action: string, id: string, actor: Actor): Promise<void> {
    await this.store.write((tx) => {
      tx.setSetting(key, value);
      this.audit.record(tx, { actor, action, entity: 'setting', entityId: id });
    });
  }
}
