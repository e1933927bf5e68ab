import { describe, expect, it } from 'vitest';
import { computeFromHistory, type KpiId, type KpiOptions, type KpiSeriesPoint, type KpiSummary } from '../../../shared/kpi';
import { HAND_AS_OF, handFloor } from '../../fixtures/kpi-hand-floor';
import type { KpiUpdate } from '../../fixtures/kpi-sim-store';
import { businessHours, enginesOf, expectEnginesAgree } from './kpi-harness';

const WEEK = { from: '2026-03-09', to: '2026-03-16', asOf: HAND_AS_OF };
const OPTIONS: KpiOptions = { businessSeconds: (f, t) => businessHours(f, t) };

function byTime(updates: KpiUpdate[]): KpiUpdate[] {
  const at = (u: KpiUpdate): string => ('createdAt' in u.record ? u.record.createdAt : u.record.from);
  return [...updates].sort((a, b) => at(a).localeCompare(at(b)));
}

const floor = handFloor();
const engines = {
  'incremental (chronological)': enginesOf(floor, OPTIONS, byTime).incremental,
  'incremental (reversed)': enginesOf(floor, OPTIONS, (u) => [...u].reverse()).incremental,
  rebuilt: enginesOf(floor, OPTIONS).rebuilt,
  'computeFromHistory': {
    summary: (q: typeof WEEK) => computeFromHistory(floor, { kind: 'summary', ...q }, OPTIONS),
    series: (q: typeof WEEK & { bucket: 'day' | 'week' | 'month' }) => computeFromHistory(floor, { kind: 'series', ...q }, OPTIONS),
  },
};

describe.each(Object.entries(engines))('hand-computed KPIs — %s', (_name, engine) => {
  const s: KpiSummary = engine.summary(WEEK);

  it('TMA per channel and overall', () => {
    // Voice = connected (talk + hold) + wrap-up. K1: 300 talk + 60 hold + 30 wrap = 390;
    // K2: 200 + 0 + 20 = 220; K5 (22:30 local on 03-09): 100 + 0 = 100. K3/K4 were never answered.
    // TMA phone = (390 + 220 + 100) / 3 = 236.67
    expect(s.tma.byChannel.phone).toBeCloseTo(710 / 3, 6);
    // Digital = tracked work summed per ticket, at its last solve.
    // T3: 300 (reply) + 120 (note) = 420; T4: 200 + 100 = 300 → TMA e-mail = (420 + 300) / 2 = 360
    expect(s.tma.byChannel.email).toBe(360);
    // T5: 240. T7 (chat) is not solved: no data → null, not 0.
    expect(s.tma.byChannel.whatsapp).toBe(240);
    expect(s.tma.byChannel.chat).toBeNull();
    expect(s.tma.byChannel.social).toBeNull();
    // Overall = (390 + 220 + 100 + 420 + 300 + 240) / 6 = 1670 / 6 = 278.33
    expect(s.tma.overall).toBeCloseTo(1670 / 6, 6);
    expect(s.tma.handled).toBe(6);
  });

  it('TME voice (queue → answer) and digital (creation → first public reply, business hours)', () => {
    // Voice: K1 15 s, K2 40 s, K5 10 s → (15 + 40 + 10) / 3 = 21.67
    expect(s.tme.voice).toBeCloseTo(65 / 3, 6);
    expect(s.tme.answeredCalls).toBe(3);
    // Digital, business hours 12–21Z: T3 12:00→13:00 = 3600; T4 10:00→11:00 = 0 (before opening);
    // T5 18:00→18:20 = 1200; T7 12:00→12:10 = 600 → (3600 + 0 + 1200 + 600) / 4 = 1350
    expect(s.tme.digital).toBe(1350);
    expect(s.tme.repliedTickets).toBe(4);
  });

  it('TMR in business and calendar time, to the last solve', () => {
    // Calendar: T1 595, T2 7200, T3 88200 (24.5 h), T4 88200 (to the 2nd solve), T5 1800
    // → (595 + 7200 + 88200 + 88200 + 1800) / 5 = 185995 / 5 = 37199
    expect(s.tmr.calendar).toBe(37199);
    // Business: T1 595, T2 7200, T3 32400 + 1800 = 34200, T4 32400 + 0 = 32400, T5 1800
    // → (595 + 7200 + 34200 + 32400 + 1800) / 5 = 76195 / 5 = 15239
    expect(s.tmr.business).toBe(15239);
    expect(s.tmr.solved).toBe(5);
  });

  it('FCR with reopen, repeat contacts inside/outside the window, and provisional solves', () => {
    // T1 yes (one call; T6 from c1 arrives 1 s after the window); T2 no (call + reply = 2 contacts);
    // T3 no (T7, same customer and category, 4 days after the solve); T4 no (reopened); T5 yes.
    // FCR = 2 / 5 = 40 %. Provisional: solved after 03-11T15:00Z (asOf − 7 d): T4, T5 → 2
    expect(s.fcr).toEqual({ rate: 40, solved: 5, firstContact: 2, provisional: 2 });
  });

  it('CSAT by answer time with response rate; NPS', () => {
    // Answers in the week: S1 = 5, S2 = 2 (S4 answered 03-16: next week) → 1 / 2 = 50 %
    // Sent in the week: S1, S2, S3, S4 → response rate 2 / 4 = 50 %
    expect(s.csat).toEqual({ score: 50, answers: 2, positive: 1, sent: 4, responseRate: 50 });
    // NPS: S5 = 10 (promoter), S6 = 6 (detractor), S7 = 8 (passive) → (1 − 1) / 3 × 100 = 0
    expect(s.nps).toEqual({ score: 0, answers: 3, promoters: 1, detractors: 1, sent: 3, responseRate: 100 });
  });

  it('SLA attainment per target, paused time excluded', () => {
    // First response: T1 met (solved on the call before its due), T2 missed (reply 15:30:10 > 15:00:10),
    // T3, T4, T5, T7 met; T9 paused before its due → no outcome yet. 5 / 6 = 83.33 %
    expect(s.sla.firstResponse.due).toBe(6);
    expect(s.sla.firstResponse.met).toBe(5);
    expect(s.sla.firstResponse.attainment).toBeCloseTo(500 / 6, 6);
    // Resolution: T1 met; T2 missed (due 15:00:10, solved 16:00:10); T3 due 03-09 20:00 + 23 h paused
    // = 03-10 19:00, solved 12:30 → met; T4, T5 met; T7 open past its due (03-15 12:00) → missed;
    // T9 paused → none. 4 / 6 = 66.67 %
    expect(s.sla.resolution.due).toBe(6);
    expect(s.sla.resolution.met).toBe(4);
    expect(s.sla.resolution.attainment).toBeCloseTo(400 / 6, 6);
  });

  it('service level and abandonment, short abandons excluded', () => {
    // Offered = K1, K2, K4, K5 (K3 hung up after 3 s < 5 s: excluded) = 4
    // Within 20 s: K1 (15 s), K5 (10 s) → 2 / 4 = 50 %; abandoned: K4 (30 s) → 1 / 4 = 25 %
    expect(s.serviceLevel).toEqual({ rate: 50, thresholdSeconds: 20, offered: 4, answeredWithin: 2 });
    expect(s.abandonment).toEqual({ rate: 25, offered: 4, abandoned: 1, shortAbandons: 1 });
  });

  it('occupancy: (in_call + wrap_up + digital work) / (in_call + wrap_up + available)', () => {
    // a1: handling 360 + 30 = 390, available 3615 + 3195 = 6810, digital 300 + 120 = 420 → 810 / 7200
    // a2: handling 200 + 20 = 220, available 3640 + 3340 = 6980, digital 240 → 460 / 7200
    // a3: handling 100, available 1810 + 7090 = 8900, digital 200 + 100 + 60 = 360 → 460 / 9000
    // (810 + 460 + 460) / (7200 + 7200 + 9000) = 1730 / 23400 = 7.39 %
    expect(s.occupancy.rate).toBeCloseTo((1730 / 23400) * 100, 6);
    expect(s.occupancy.handlingSeconds).toBe(1730);
    expect(s.occupancy.availableSeconds).toBe(6810 + 6980 + 8900);
  });

  it('backlog at the end of the week and volume by channel/team/agent', () => {
    // Unsolved at 03-16 00:00 local: T7 (open), T9 (pending) → 2
    expect(s.backlog).toBe(2);
    // Created: T1, T2 (phone), T3, T4, T9 (e-mail), T5 (WhatsApp), T7 (chat) = 7
    expect(s.volume).toEqual({
      total: 7,
      byChannel: { phone: 2, email: 3, whatsapp: 1, chat: 1 },
      byTeam: { tA: 4, tB: 3 },
      byAgent: { a1: 2, a2: 2, a3: 2, '': 1 },
    });
  });

  it('the flat values mirror the summary', () => {
    expect(s.values.tma).toBe(s.tma.overall);
    expect(s.values.fcr).toBe(40);
    expect(s.values.nps).toBe(0);
    expect(s.values.backlog).toBe(2);
    expect(s.values.tmaChat).toBeNull();
  });

  it('daily series: time-zone buckets, zero vs null, provisional flags', () => {
    const days = engine.series({ ...WEEK, from: '2026-03-08', to: '2026-03-17', bucket: 'day' });
    const day = (d: string): KpiSeriesPoint => days.find((p) => p.key === d) ?? expect.fail(`no ${d}`);
    expect(days.map((p) => p.key)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16']);
    // 03-08 has no data at all: every KPI is null, counts included.
    expect(Object.values(day('2026-03-08').values).every((v) => v === null)).toBe(true);
    // K5 queued at 03-10T01:30Z is 22:30 on 03-09 in São Paulo: TMA phone (390 + 100) / 2 = 245,
    // TME voice (15 + 10) / 2 = 12.5, service level 2 / 2 = 100 %.
    const d9 = day('2026-03-09').values;
    expect([d9.tmaPhone, d9.tmeVoice, d9.serviceLevel, d9.volume]).toEqual([245, 12.5, 100, 2]);
    // End of 03-09: T3 is pending (unsolved) → backlog 1. FCR T1 → 100 %. NPS S7 = 8 (passive) → 0.
    expect([d9.backlog, d9.fcr, d9.nps, d9.csat, d9.csatResponseRate]).toEqual([1, 100, 0, 100, 100]);
    // Occupancy 03-09: a1 (390 + 300) / 7200; a3 until local midnight (03:00Z): 100 / (100 + 1810 + 5290)
    // → (690 + 100) / 14400 = 5.49 %
    expect(d9.occupancy).toBeCloseTo((790 / 14400) * 100, 6);
    // 03-10: K2 answered after 40 s → service level 0 % (a real zero); K3 short abandon excluded.
    // Nothing unsolved at the end of 03-10 → backlog null (no data), not 0.
    const d10 = day('2026-03-10').values;
    expect([d10.serviceLevel, d10.abandonment, d10.backlog, d10.tma]).toEqual([0, 0, null, (220 + 420) / 2]);
    // Occupancy 03-10: a2 220 / 7200; a3 0 / 1800 (00:00–00:30 local); a1 has work (120 s) but no
    // state time that day, so it does not count → 220 / 9000 = 2.44 %
    expect(d10.occupancy).toBeCloseTo((220 / 9000) * 100, 6);
    // 03-11: K4 abandoned after 30 s → 100 %; S2 answered with 2 → CSAT 0 %; nothing sent that day → rate null.
    const d11 = day('2026-03-11').values;
    expect([d11.abandonment, d11.csat, d11.csatResponseRate]).toEqual([100, 0, null]);
    // 03-12: T4 solved again, reopened → FCR 0 %, provisional; NPS S6 = 6 → −100.
    expect([day('2026-03-12').values.fcr, day('2026-03-12').values.nps, day('2026-03-12').fcrProvisional]).toEqual([0, -100, true]);
    expect(day('2026-03-09').fcrProvisional).toBe(false);
    // 03-15: T7's resolution target fell due and was missed → 0 %; backlog T7 + T9 = 2.
    expect([day('2026-03-15').values.slaResolution, day('2026-03-15').values.backlog]).toEqual([0, 2]);
    // 03-16: S4 (for T5, solved 03-13) answered with 4 → CSAT 100 %.
    expect(day('2026-03-16').values.csat).toBe(100);
  });

  it('weekly and monthly series', () => {
    const weeks = engine.series({ ...WEEK, to: '2026-03-23', bucket: 'week', kpis: ['volume', 'csat', 'csatResponseRate', 'backlog', 'slaFirstResponse', 'fcr'] as KpiId[] });
    expect(weeks.map((w) => [w.key, w.from, w.to])).toEqual([
      ['2026-W11', '2026-03-09', '2026-03-16'],
      ['2026-W12', '2026-03-16', '2026-03-23'],
    ]);
    expect(weeks[0]?.values).toEqual({ volume: 7, csat: 50, csatResponseRate: 50, backlog: 2, slaFirstResponse: (5 / 6) * 100, fcr: 40 });
    // W12: T6 created; S4 answered (4 → 100 %) but no survey sent → response rate null; at the end
    // T6, T7, T9 unsolved → 3; T6's first response fell due (03-17 15:10Z) unmet → 0 %; no solves → FCR null.
    expect(weeks[1]?.values).toEqual({ volume: 1, csat: 100, csatResponseRate: null, backlog: 3, slaFirstResponse: 0, fcr: null });
    const months = engine.series({ ...WEEK, from: '2026-03-01', to: '2026-04-01', bucket: 'month', kpis: ['volume', 'csat'] as KpiId[] });
    // March: 8 tickets; CSAT S1 5, S2 2, S4 4 → 2 / 3
    expect(months).toHaveLength(1);
    expect(months[0]?.key).toBe('2026-03');
    expect(months[0]?.values.volume).toBe(8);
    expect(months[0]?.values.csat).toBeCloseTo(200 / 3, 6);
  });

  it('buckets after asOf are not observed: all null, backlog included', () => {
    const future = engine.series({ ...WEEK, from: '2026-03-25', to: '2026-03-27', bucket: 'day' });
    for (const p of future) expect(Object.values(p.values).every((v) => v === null)).toBe(true);
  });
});

describe('defaults', () => {
  it('without a business calendar, business time is calendar time', () => {
    const s = computeFromHistory(floor, { kind: 'summary', ...WEEK });
    // TME digital = (3600 + 3600 + 1200 + 600) / 4 = 2250; TMR business = TMR calendar = 37199
    expect(s.tme.digital).toBe(2250);
    expect(s.tmr.business).toBe(37199);
  });

  it('the service-level threshold, short-abandon limit and FCR window are settings', () => {
    // T = 10 s: only K5 (10 s) → 1 / 4; short limit 2 s: K3 (3 s) is offered and abandoned → 2 / 5.
    const s = computeFromHistory(floor, { kind: 'summary', ...WEEK }, { serviceLevelSeconds: 10, shortAbandonSeconds: 2, fcrWindowDays: 3 });
    expect(s.serviceLevel.rate).toBe(20);
    expect(s.abandonment).toEqual({ rate: 40, offered: 5, abandoned: 2, shortAbandons: 0 });
    // A 3-day window: T7 (03-14) is past T3's window (03-13 12:30) → T3 becomes FCR: 3 / 5;
    // cut-off 03-15T15:00Z → nothing in the week is provisional.
    expect(s.fcr).toEqual({ rate: 60, solved: 5, firstContact: 3, provisional: 0 });
  });

  it('all three engines agree on the hand floor, including in another zone', () => {
    expectEnginesAgree(enginesOf(floor, OPTIONS, byTime), { ...WEEK, from: '2026-03-01', to: '2026-04-01' });
    expectEnginesAgree(enginesOf(floor, { ...OPTIONS, timeZone: 'America/New_York' }), { ...WEEK, from: '2026-03-01', to: '2026-04-01' });
  });
});
