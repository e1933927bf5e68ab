import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/domain/shared/clock';
import { defaultBrazilCalendar } from '../../../main/domain/sla/brazil-holidays';
import { pauseSlaClock, resumeSlaClock } from '../../../main/domain/sla/sla-pause';
import { applySlaPolicy, selectSlaPolicy } from '../../../main/domain/sla/sla-policy';
import { slaStateAt } from '../../../main/domain/sla/sla-state';
import { SlaPolicySchema, type SlaPolicy, type SlaPolicyInput } from '../../../shared/schemas/sla';
import type { Ticket } from '../../../shared/schemas/ticket';

const calendar = defaultBrazilCalendar({ year: 2026, id: 'cal_br' });

function policy(input: Partial<SlaPolicyInput> & Pick<SlaPolicyInput, 'id' | 'order'>): SlaPolicy {
  return SlaPolicySchema.parse({ name: input.id, firstResponseMinutes: 60, resolutionMinutes: 480, calendarId: 'cal_br', ...input });
}

const policies = [
  policy({ id: 'vip', order: 0, conditions: { customerTags: ['vip', 'gold'] }, firstResponseMinutes: 30, resolutionMinutes: 240 }),
  policy({ id: 'urgent', order: 1, conditions: { priorities: ['urgent', 'high'] }, firstResponseMinutes: 15, resolutionMinutes: 120 }),
  policy({ id: 'billing_phone', order: 2, conditions: { channels: ['phone'], categories: ['billing'], teamIds: ['team_fin'] } }),
  policy({ id: 'normal', order: 9 }),
];

function ticket(createdAt: string, patch: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    createdAt,
    updatedAt: createdAt,
    version: 1,
    number: 1042,
    subject: 'Boleto não chegou',
    channel: 'email',
    status: 'new',
    priority: 'normal',
    category: null,
    tags: [],
    requesterId: 'c1',
    assigneeId: null,
    teamId: null,
    externalThreadId: null,
    sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: null },
    solvedAt: null,
    closedAt: null,
    reopenCount: 0,
    mergedInto: null,
    tier: 1,
    ...patch,
  };
}

const setup = { policies, calendars: [calendar] };
const utc = (local: string) => new Date(local).toISOString();

function applied(t: Ticket, now: Date, customerTags: string[] = []): Ticket {
  const r = applySlaPolicy(t, { ...setup, customerTags }, now);
  if (!r.ok) throw new Error(r.reason);
  return { ...t, sla: r.sla };
}

describe('policy selection', () => {
  it('takes the first matching policy in order, with the customer tags', () => {
    const t = ticket('2026-11-23T12:00:00Z');
    expect(selectSlaPolicy(policies, { ...t, priority: 'urgent' }, ['gold'])?.id).toBe('vip');
    expect(selectSlaPolicy(policies, { ...t, priority: 'urgent' }, ['regular'])?.id).toBe('urgent');
    expect(selectSlaPolicy(policies, { ...t, channel: 'phone', category: 'billing', teamId: 'team_fin' })?.id).toBe('billing_phone');
    expect(selectSlaPolicy(policies, { ...t, channel: 'phone', category: 'billing', teamId: null })?.id).toBe('normal');
    // Order, not list position, decides.
    expect(selectSlaPolicy([...policies].reverse(), { ...t, priority: 'high' })?.id).toBe('urgent');
    expect(selectSlaPolicy(policies.slice(0, 3), t)).toBeNull();
  });

  it('without a matching policy clears the due times; with an unknown calendar fails as a value', () => {
    const t = ticket('2026-11-23T12:00:00Z');
    const none = applySlaPolicy(t, { policies: [policies[1]!], calendars: [calendar] }, new Date('2026-11-23T12:00:00Z'));
    expect(none).toMatchObject({ ok: true, policy: null, sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null } });
    const broken = applySlaPolicy(t, { policies: [policy({ id: 'x', order: 0, calendarId: 'gone' })], calendars: [calendar] }, new Date());
    expect(broken).toEqual({ ok: false, reason: 'unknown_calendar', policyId: 'x', calendarId: 'gone' });
  });
});

describe('due times and SLA state', () => {
  it('walks a Thursday-evening ticket over the Consciência Negra holiday and the weekend, to the minute', () => {
    const clock = new ManualClock('2026-11-19T17:30:00-03:00');
    const t = applied(ticket(clock.now().toISOString()), clock.now());
    const normal = policies[3]!;
    expect(t.sla.policyId).toBe('normal');
    // 30 min on Thursday; Friday 20 is a holiday; Monday 08:00 + 30 min / + 7 h 30.
    expect(t.sla.firstResponseDueAt).toBe(utc('2026-11-23T08:30:00-03:00'));
    expect(t.sla.resolutionDueAt).toBe(utc('2026-11-23T15:30:00-03:00'));

    clock.set('2026-11-21T12:00:00-03:00');
    let s = slaStateAt(t, normal, calendar, clock.now());
    expect(s.firstResponse).toMatchObject({ level: 'ok', elapsedSeconds: 1800, elapsedShare: 0.5 });
    expect(s.resolution).toMatchObject({ level: 'ok', elapsedSeconds: 1800, remainingSeconds: 27000, completed: false, paused: false });

    clock.set('2026-11-23T08:15:00-03:00');
    expect(slaStateAt(t, normal, calendar, clock.now()).firstResponse).toMatchObject({ level: 'warning', elapsedShare: 0.75 });
    clock.set('2026-11-23T08:31:00-03:00');
    expect(slaStateAt(t, normal, calendar, clock.now()).firstResponse).toMatchObject({ level: 'breached', remainingSeconds: -60 });

    clock.set('2026-11-23T14:00:00-03:00');
    s = slaStateAt(t, normal, calendar, clock.now());
    expect(s.resolution).toMatchObject({ level: 'warning', elapsedShare: 0.8125 });
    clock.set('2026-11-23T15:30:00-03:00');
    expect(slaStateAt(t, normal, calendar, clock.now()).resolution).toMatchObject({ level: 'warning', elapsedShare: 1, dueAt: t.sla.resolutionDueAt });
    clock.advance(60_000);
    expect(slaStateAt(t, normal, calendar, clock.now()).resolution).toMatchObject({ level: 'breached', remainingSeconds: -60 });
  });

  it('starts a Friday-evening ticket on Monday morning', () => {
    const created = '2026-11-27T18:30:00-03:00';
    const t = applied(ticket(new Date(created).toISOString()), new Date(created));
    expect(t.sla.firstResponseDueAt).toBe(utc('2026-11-30T09:00:00-03:00'));
    expect(t.sla.resolutionDueAt).toBe(utc('2026-11-30T16:00:00-03:00'));
  });

  it('recomputes from creation when the priority changes', () => {
    const clock = new ManualClock('2026-11-23T09:00:00-03:00');
    let t = applied(ticket(clock.now().toISOString()), clock.now());
    expect(t.sla).toMatchObject({ policyId: 'normal', firstResponseDueAt: utc('2026-11-23T10:00:00-03:00'), resolutionDueAt: utc('2026-11-23T17:00:00-03:00') });

    clock.set('2026-11-23T09:30:00-03:00');
    t = { ...t, priority: 'urgent' };
    const r = applySlaPolicy(t, setup, clock.now());
    expect(r).toMatchObject({ ok: true, changed: true, policy: { id: 'urgent' } });
    if (!r.ok) return;
    expect(r.sla).toMatchObject({ policyId: 'urgent', firstResponseDueAt: utc('2026-11-23T09:15:00-03:00'), resolutionDueAt: utc('2026-11-23T11:00:00-03:00') });
    t = { ...t, sla: r.sla };
    expect(slaStateAt(t, r.policy!, calendar, clock.now()).firstResponse.level).toBe('breached');
    expect(applySlaPolicy(t, setup, clock.now())).toMatchObject({ ok: true, changed: false });
  });

  it('moves the resolution due time by the paused business time of a pending period', () => {
    const clock = new ManualClock('2026-11-23T09:00:00-03:00');
    let t = applied(ticket(clock.now().toISOString()), clock.now());
    const normal = policies[3]!;
    clock.set('2026-11-23T09:40:00-03:00');
    t = { ...t, sla: { ...t.sla, firstResponseAt: clock.now().toISOString() } };

    clock.set('2026-11-23T10:00:00-03:00');
    t = { ...t, status: 'pending', sla: pauseSlaClock(t.sla, clock.now()) };

    // Tuesday 09:00, still pending: 9 business hours paused so far, 1 h used.
    clock.set('2026-11-24T09:00:00-03:00');
    const during = slaStateAt(t, normal, calendar, clock.now());
    expect(during.resolution).toMatchObject({ level: 'ok', paused: true, elapsedSeconds: 3600, dueAt: utc('2026-11-24T16:00:00-03:00') });
    expect(during.firstResponse).toMatchObject({ completed: true, elapsedSeconds: 2400, level: 'ok' });

    clock.set('2026-11-24T10:00:00-03:00');
    t = { ...t, status: 'open', sla: resumeSlaClock(t.sla, calendar, clock.now()) };
    expect(t.sla).toMatchObject({ pausedSeconds: 10 * 3600, pausedSince: null });
    const r = applySlaPolicy(t, setup, clock.now());
    expect(r.ok && r.sla.resolutionDueAt).toBe(utc('2026-11-24T17:00:00-03:00'));
    expect(r.ok && r.sla.firstResponseDueAt).toBe(utc('2026-11-23T10:00:00-03:00'));
    expect(slaStateAt(t, normal, calendar, new Date('2026-11-24T17:00:00-03:00')).resolution).toMatchObject({ elapsedSeconds: 8 * 3600, level: 'warning' });
  });

  it('counts a pause over a weekend in business seconds, and pausing twice keeps the first start', () => {
    const sla = ticket('2026-11-27T12:00:00Z').sla;
    const paused = pauseSlaClock(sla, new Date('2026-11-27T17:00:00-03:00'));
    expect(pauseSlaClock(paused, new Date('2026-11-28T10:00:00-03:00'))).toBe(paused);
    expect(resumeSlaClock(paused, calendar, new Date('2026-11-30T09:00:00-03:00')).pausedSeconds).toBe(7200);
    expect(resumeSlaClock(paused, null, new Date('2026-11-30T09:00:00-03:00')).pausedSeconds).toBe(64 * 3600);
    expect(resumeSlaClock(sla, calendar, new Date())).toBe(sla);
  });

  it('freezes the state of a solved ticket at its solve time', () => {
    const created = '2026-11-23T09:00:00-03:00';
    const t = {
      ...applied(ticket(new Date(created).toISOString()), new Date(created)),
      status: 'solved' as const,
      solvedAt: new Date('2026-11-23T16:00:00-03:00').toISOString(),
    };
    const s = slaStateAt(t, policies[3]!, calendar, new Date('2026-12-10T12:00:00-03:00'));
    expect(s.resolution).toMatchObject({ completed: true, level: 'warning', elapsedSeconds: 7 * 3600, elapsedShare: 0.875 });
    expect(s.firstResponse).toMatchObject({ completed: false, level: 'breached' });
  });
});
