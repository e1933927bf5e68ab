import { describe, expect, it } from 'vitest';
import { KpiAggregator, computeFromHistory, type KpiFilters, type KpiOptions, type KpiPeriodQuery } from '../../../shared/kpi';
import { HAND_AGENTS, HAND_AS_OF, handFloor } from '../../fixtures/kpi-hand-floor';
import { mulberry32, randomFloor, shuffleArrival } from '../../fixtures/kpi-random-floor';
import { KpiSimStore, updatesOf, type KpiUpdate } from '../../fixtures/kpi-sim-store';
import { addSeconds, statusEvent } from '../../fixtures/kpi-records';
import { businessHours, engines, expectClose, expectEnginesAgree } from './kpi-harness';

const OPTIONS: KpiOptions = { businessSeconds: (f, t) => businessHours(f, t) };

const FILTERS: KpiFilters[] = [
  { teamIds: ['tA'] },
  { teamIds: ['tB', 'tC'], channels: ['phone'] },
  { agentIds: ['a2'] },
  { channels: ['email', 'chat'] },
  { queues: ['support'] },
  { categories: ['billing'] },
  { channels: [] },
];

describe.each([
  { seed: 1, zone: 'America/Sao_Paulo' },
  { seed: 2, zone: 'America/Sao_Paulo' },
  // Spans the US DST change of 2026-03-08: a 23-hour day.
  { seed: 3, zone: 'America/New_York' },
])('incremental == rebuild == history (seed $seed, $zone)', ({ seed, zone }) => {
  const floor = randomFloor(seed);
  const options: KpiOptions = { ...OPTIONS, timeZone: zone };
  const arrival = shuffleArrival(floor.updates, mulberry32(seed * 7919));
  const x = engines(arrival, floor.agents, options);
  const whole: KpiPeriodQuery = { from: floor.from, to: floor.to, asOf: floor.asOf };

  it('has a floor worth testing', () => {
    const s = computeFromHistory(x.records, { kind: 'summary', ...whole }, options);
    expect(x.records.tickets.length).toBeGreaterThan(500);
    expect(x.records.interactions.length + x.records.agentSpans.length + x.records.surveys.length).toBeGreaterThan(5000);
    expect(s.fcr.solved).toBeGreaterThan(100);
    expect(s.fcr.provisional).toBeGreaterThan(0);
    expect(s.fcr.firstContact).toBeGreaterThan(0);
    expect(s.fcr.firstContact).toBeLessThan(s.fcr.solved);
    expect(s.abandonment.shortAbandons).toBeGreaterThan(0);
    expect(s.csat.answers).toBeGreaterThan(0);
    expect(s.nps.answers).toBeGreaterThan(0);
    expect(s.backlog).toBeGreaterThan(0);
    expect(s.sla.resolution.due).toBeGreaterThan(s.sla.resolution.met);
  });

  it('whole period: summary, agents and day/week/month series', () => {
    expectEnginesAgree(x, whole);
  });

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('filtered by %s', (_label, filters) => {
    expectEnginesAgree(x, { ...whole, filters });
  });

  it('a short period around asOf and the FCR cut-off', () => {
    const asOfDate = floor.asOf.slice(0, 10);
    const q = { from: '2026-02-28', to: asOfDate, asOf: floor.asOf };
    expectEnginesAgree(x, q);
    // An earlier "now": later records exist but the asOf-dependent parts move.
    expectEnginesAgree(x, { ...q, asOf: '2026-03-05T17:30:00.000Z' });
  });

  it('arrival in time order gives the same aggregates as random arrival', () => {
    const ordered = engines(floor.updates, floor.agents, options);
    expectClose(ordered.incremental.summary(whole), x.incremental.summary(whole));
    expectClose(ordered.incremental.series({ ...whole, bucket: 'week' }), x.incremental.series({ ...whole, bucket: 'week' }));
  });

  it('queries between writes never serve stale cached days (same filters asked again and again)', () => {
    const store = new KpiSimStore(floor.agents);
    const agg = new KpiAggregator(store, options);
    const scoped: KpiPeriodQuery = { ...whole, filters: { teamIds: ['tA', 'tB'] } };
    const step = Math.ceil(arrival.length / 6);
    for (let done = 0; done < arrival.length; done += step) {
      arrival.slice(done, done + step).forEach((u) => store.write(u, agg));
      const records = store.records();
      for (const q of [whole, scoped]) {
        expectClose(agg.summary(q), computeFromHistory(records, { kind: 'summary', ...q }, options));
        expectClose(agg.series({ ...q, bucket: 'day' }), computeFromHistory(records, { kind: 'series', ...q, bucket: 'day' }, options));
      }
    }
  });

  it('persists: toJSON → fromJSON mid-way, then keeps applying', () => {
    const store = new KpiSimStore(floor.agents);
    const first = new KpiAggregator(store, options);
    const half = Math.floor(arrival.length / 2);
    arrival.slice(0, half).forEach((u) => store.write(u, first));
    const snapshot = JSON.parse(JSON.stringify(first.toJSON()));
    const restored = KpiAggregator.fromJSON(snapshot, store, options);
    if (!restored.ok) return expect.fail(restored.reason);
    expectClose(restored.aggregator.summary(whole), first.summary(whole));
    arrival.slice(half).forEach((u) => store.write(u, restored.aggregator));
    expectClose(restored.aggregator.summary(whole), x.rebuilt.summary(whole));
    expectClose(restored.aggregator.series({ ...whole, bucket: 'day' }), x.rebuilt.series({ ...whole, bucket: 'day' }));
    expect(KpiAggregator.fromJSON(snapshot, store, { ...options, serviceLevelSeconds: 30 })).toEqual({ ok: false, reason: 'options_changed' });
  });
});

describe('dependent records are re-evaluated', () => {
  const floor = handFloor();
  const find = (id: string): KpiUpdate => updatesOf(floor).find((u) => u.record.id === id) ?? expect.fail(id);
  const day = (from: string) => ({ from, to: addDay(from), asOf: HAND_AS_OF });
  const addDay = (d: string): string => addSeconds(`${d}T12:00:00.000Z`, 86_400).slice(0, 10);

  function fresh(): { store: KpiSimStore; agg: KpiAggregator; write: (u: KpiUpdate) => void } {
    const store = new KpiSimStore(HAND_AGENTS);
    const agg = new KpiAggregator(store, OPTIONS);
    return { store, agg, write: (u) => store.write(u, agg) };
  }

  it('a later ticket of the same customer and category flips an earlier FCR, and back', () => {
    const { agg, write } = fresh();
    for (const id of ['T3', 'r3a', 'e3a', 'm3', 'e3b', 'n3', 'e3c']) write(find(id));
    // T3 alone: one reply, never reopened, no repeat yet → FCR 100 % on 03-10 (provisional until 03-17).
    expect(agg.summary(day('2026-03-10')).fcr).toEqual({ rate: 100, solved: 1, firstContact: 1, provisional: 0 });
    expect(agg.summary({ ...day('2026-03-10'), asOf: '2026-03-12T00:00:00.000Z' }).fcr.provisional).toBe(1);
    const t7 = find('T7');
    write(t7);
    expect(agg.summary(day('2026-03-10')).fcr.rate).toBe(0);
    // T7 re-categorised: no longer the same issue → T3 is FCR again.
    if (t7.kind !== 'ticket') return expect.fail('T7');
    write({ kind: 'ticket', record: { ...t7.record, category: 'tech', version: 2 } });
    expect(agg.summary(day('2026-03-10')).fcr.rate).toBe(100);
  });

  it('a new ticket first seen through one of its interactions still flips the earlier FCR', () => {
    const { agg, store, write } = fresh();
    for (const id of ['T3', 'r3a', 'e3a', 'm3', 'e3b', 'n3', 'e3c']) write(find(id));
    // The domain wrote T7 and its reply in one transaction, and applies the reply first.
    store.put(find('T7'));
    write(find('r7'));
    expect(agg.summary(day('2026-03-10')).fcr.rate).toBe(0);
    agg.applyTicket(store.tickets.get('T7') ?? expect.fail('T7'));
    expect(agg.summary(day('2026-03-10')).fcr.rate).toBe(0);
  });

  it('removing an interaction takes its contribution out of its ticket', () => {
    const { agg, store, write } = fresh();
    for (const id of ['T4', 'r4a', 'e4a', 'e4b', 'm4', 'e4c', 'r4b', 'e4d']) write(find(id));
    // T4: 200 + 100 s of work → TMA 300 on 03-12.
    expect(agg.summary(day('2026-03-12')).tma.overall).toBe(300);
    const r4a = find('r4a');
    if (r4a.kind !== 'interaction') return expect.fail('r4a');
    store.deleteInteraction('r4a');
    agg.removeInteraction(r4a.record);
    // Work left: 100 s. The first response stays (sla.firstResponseAt is the ticket's own field).
    expect(agg.summary(day('2026-03-12')).tma.overall).toBe(100);
    expect(agg.summary(day('2026-03-11')).tme.repliedTickets).toBe(1);
  });

  it('a reopen moves the solve, the backlog and the FCR', () => {
    const { agg, write } = fresh();
    for (const id of ['T5', 'r5', 'e5a', 'e5b']) write(find(id));
    expect(agg.summary(day('2026-03-13')).fcr.rate).toBe(100);
    expect(agg.summary(day('2026-03-14')).backlog).toBeNull();
    const t5 = find('T5');
    if (t5.kind !== 'ticket') return expect.fail('T5');
    write({ kind: 'interaction', record: statusEvent('e5c', 'T5', '2026-03-14T13:00:00.000Z', 'solved', 'open') });
    write({ kind: 'ticket', record: { ...t5.record, status: 'open', solvedAt: null, reopenCount: 1, version: 3 } });
    // No solve left on 03-13; unsolved again at the end of 03-14.
    expect(agg.summary(day('2026-03-13')).fcr.rate).toBeNull();
    expect(agg.summary(day('2026-03-13')).tmr.calendar).toBeNull();
    expect(agg.summary(day('2026-03-14')).backlog).toBe(1);
    write({ kind: 'interaction', record: statusEvent('e5d', 'T5', '2026-03-15T13:00:00.000Z', 'open', 'solved') });
    write({ kind: 'ticket', record: { ...t5.record, status: 'solved', solvedAt: '2026-03-15T13:00:00.000Z', reopenCount: 1, version: 4 } });
    // Solved again on 03-15 but reopened once → FCR 0 %; TMR to the last solve = 43 h.
    expect(agg.summary(day('2026-03-15')).fcr.rate).toBe(0);
    expect(agg.summary(day('2026-03-15')).tmr.calendar).toBe(43 * 3600);
    expect(agg.summary(day('2026-03-15')).backlog).toBeNull();
  });

  it('a survey answered days after it was sent counts its answer on the answer day', () => {
    const { agg, write } = fresh();
    const s4 = find('S4');
    if (s4.kind !== 'survey') return expect.fail('S4');
    write({ kind: 'survey', record: { ...s4.record, answeredAt: null, score: null, version: 0 } });
    expect(agg.summary(day('2026-03-13')).csat).toEqual({ score: null, answers: 0, positive: 0, sent: 1, responseRate: 0 });
    write(s4);
    expect(agg.summary(day('2026-03-13')).csat.responseRate).toBe(0);
    expect(agg.summary(day('2026-03-16')).csat).toEqual({ score: 100, answers: 1, positive: 1, sent: 0, responseRate: null });
  });

  it('a call linked to a ticket later takes the ticket’s team; a team change moves it again', () => {
    const { agg, write } = fresh();
    const k1 = find('K1');
    const t1 = find('T1');
    if (k1.kind !== 'interaction' || t1.kind !== 'ticket') return expect.fail('fixtures');
    write({ kind: 'interaction', record: { ...k1.record, ticketId: null } });
    write(t1);
    const tA = { ...day('2026-03-09'), filters: { teamIds: ['tA'] } };
    const tB = { ...day('2026-03-09'), filters: { teamIds: ['tB'] } };
    expect(agg.summary(tA).tma.byChannel.phone).toBeNull();
    write(k1);
    expect(agg.summary(tA).tma.byChannel.phone).toBe(390);
    write({ kind: 'ticket', record: { ...t1.record, teamId: 'tB', version: 2 } });
    expect(agg.summary(tA).tma.byChannel.phone).toBeNull();
    expect(agg.summary(tB).tma.byChannel.phone).toBe(390);
  });

  it('a corrected span replaces its previous contribution; removals subtract', () => {
    const { agg, store } = fresh();
    const span = { id: 'x1', agentId: 'a1', state: 'available' as const, from: '2026-03-09T12:00:00.000Z', to: '2026-03-09T13:00:00.000Z' };
    store.write({ kind: 'span', record: span }, agg);
    store.write({ kind: 'span', record: { ...span, to: '2026-03-09T12:30:00.000Z', state: 'in_call' } }, agg);
    expect(agg.summary(day('2026-03-09')).occupancy).toEqual({ rate: 100, handlingSeconds: 1800, availableSeconds: 0 });
    agg.removeAgentSpan(span);
    expect(agg.summary(day('2026-03-09')).occupancy.rate).toBeNull();
    expect(agg.toJSON().aggregates.agentDays).toEqual([]);
  });

  it('removing a ticket (privacy erasure) takes out it and its repeat effect', () => {
    const { agg, store, write } = fresh();
    for (const u of updatesOf(floor)) write(u);
    expect(agg.summary(day('2026-03-10')).fcr.firstContact).toBe(0);
    store.deleteTicket('T7');
    agg.removeTicket('T7');
    // T3 has no repeat contact any more.
    expect(agg.summary(day('2026-03-10')).fcr.firstContact).toBe(1);
    expect(agg.summary(day('2026-03-14')).volume.total).toBeNull();
  });
});
