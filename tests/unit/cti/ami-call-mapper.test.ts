import { describe, expect, it } from 'vitest';
import { AmiCallMapper } from '../../../main/cti/ami/ami-call-mapper';
import { amiMessage } from '../../../main/cti/ami/ami-message';
import { ManualClock } from '../../../main/domain/shared/clock';
import { CallEventSchema, type CallEvent } from '../../../shared/schemas/call-event';
import { channelFields, FakeCallScript, type AmiFields, type FakeChannel } from '../../fixtures/fake-pbx-calls';

const T0 = '2026-03-02T13:00:00.000Z';

function setup(opts: { maxCalls?: number } = {}) {
  const clock = new ManualClock(T0);
  const mapper = new AmiCallMapper({ clock, ivr: { variables: ['CPF'], prefix: 'ATENDE_' }, endedCallRetentionMs: 60_000, idleCallTtlMs: 3600_000, ...opts });
  const script = new FakeCallScript();
  const map = (events: AmiFields[]): CallEvent[] => events.flatMap((e) => mapper.map(amiMessage(e)));
  return { clock, mapper, script, map };
}

const summary = (events: CallEvent[]) => events.map((e) => `${e.state}:${e.extension ?? '-'}`);

describe('AmiCallMapper', () => {
  it('maps a queue call (IVR → queue → ring → answer → hold → hang-up), every event carrying the call context', () => {
    const { script, map, clock } = setup();
    const { call, events } = script.ring({ callId: '1700000000.10', ani: '11987654321', dnis: '1140040000', extension: '2001', queue: 'suporte', ivr: { CPF: '52998224725', IDIOMA: 'pt' } });
    const out = map(events);
    clock.advance(5_000);
    out.push(...map(script.answer(call)), ...map(script.hold(call, true)), ...map(script.hold(call, false)));
    clock.advance(60_000);
    out.push(...map(script.hangup(call)));

    expect(summary(out)).toEqual(['queued:-', 'ringing:2001', 'answered:2001', 'held:2001', 'unheld:2001', 'ended:2001']);
    for (const e of out) {
      expect(CallEventSchema.parse(e)).toEqual(e);
      expect(e).toMatchObject({ callId: '1700000000.10', linkedId: '1700000000.10', ani: '11987654321', dnis: '1140040000', queue: 'suporte', ivr: { cpf: '52998224725' }, source: 'ami' });
    }
    expect(out[0]?.at).toBe(T0);
    expect(out[5]?.at).toBe('2026-03-02T13:01:05.000Z');
    expect(out.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(out.map((e) => e.eventId)).size).toBe(6);
  });

  it('maps a direct call (no queue) from Dial events and the hang-up of the caller channel', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.20', ani: '+5521998765432', extension: '3005' });
    const out = [...map(events), ...map(script.answer(call)), ...map(script.hangup(call))];
    expect(summary(out)).toEqual(['ringing:3005', 'answered:3005', 'ended:3005']);
    expect(out[0]).toMatchObject({ queue: null, ani: '+5521998765432' });
  });

  it('does not emit twice when Asterisk repeats an event or reports one fact in several events', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.30', ani: '11987654321', extension: '2001', queue: 'vendas' });
    const doubled = (list: AmiFields[]) => list.flatMap((e) => [e, e]);
    const out = [...map(doubled(events)), ...map(doubled(script.answer(call))), ...map(doubled(script.hangup(call)))];
    expect(summary(out)).toEqual(['queued:-', 'ringing:2001', 'answered:2001', 'ended:2001']);
  });

  it('tells a repeated QueueCallerJoin from a move to another queue', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.35', ani: '11987654321', extension: '2001', queue: 'vendas' });
    const join = (queue: string): AmiFields => ({ Event: 'QueueCallerJoin', ...channelFields(call.caller), Queue: queue, Position: '1', Count: '1' });
    const out = map([...events, join('vendas'), ...script.abandon(call).slice(0, 1), join('vendas'), join('retencao')]);
    expect(summary(out)).toEqual(['queued:-', 'ringing:2001', 'queued:-']);
    expect(out[2]?.queue).toBe('retencao');
  });

  it('ignores a Hangup of a call it never saw, and anything of a call after it ended', () => {
    const { script, map, mapper } = setup();
    const stray: FakeChannel = { ...script.ring({ callId: '9.99', ani: '11912345678', extension: '2001' }).call.caller };
    expect(map([{ Event: 'Hangup', ...channelFields(stray), Cause: '16' }])).toEqual([]);
    expect(map([{ Event: 'DialEnd', ...channelFields(stray), DialStatus: 'ANSWER' }, { Event: 'AgentComplete', ...channelFields(stray) }])).toEqual([]);
    expect(mapper.trackedCalls).toBe(0);

    const { call, events } = script.ring({ callId: '1.40', ani: '11987654321', extension: '2001', queue: 'q' });
    map(events);
    map(script.answer(call));
    const ending = script.hangup(call);
    expect(summary(map(ending))).toEqual(['ended:2001']);
    expect(map([...ending, { Event: 'Hold', ...channelFields(call.caller) }])).toEqual([]);
  });

  it('emits abandoned (and no stray queued) when the caller gives up while an agent rings', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.50', ani: '1133334444', extension: '2001', queue: 'q' });
    expect(summary([...map(events), ...map(script.abandon(call))])).toEqual(['queued:-', 'ringing:2001', 'abandoned:-']);
  });

  it('puts the call back to queued when the ring times out, then rings the next agent', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.60', ani: '1133334444', extension: '2001', queue: 'q' });
    const agent = call.agent as FakeChannel;
    const out = map([
      ...events,
      { Event: 'AgentRingNoAnswer', ...channelFields(call.caller), ...channelFields(agent, 'Dest'), Queue: 'q', Interface: 'PJSIP/2001', RingTime: '15' },
      { Event: 'DialEnd', ...channelFields(call.caller), ...channelFields(agent, 'Dest'), DialStatus: 'NOANSWER' },
      { Event: 'Hangup', ...channelFields(agent), Cause: '19' },
      { Event: 'AgentCalled', ...channelFields(call.caller), DestChannel: 'PJSIP/2002-000000aa', Queue: 'q', Interface: 'PJSIP/2002' },
    ]);
    expect(summary(out)).toEqual(['queued:-', 'ringing:2001', 'queued:-', 'ringing:2002']);
  });

  it('rings several agents of a ringall queue and settles on the one who answers', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.70', ani: '1133334444', extension: '2001', queue: 'q' });
    const second = { ...channelFields(call.caller), DestChannel: 'PJSIP/2002-000000bb', DestUniqueid: '1.71', DestLinkedid: '1.70' };
    const out = map([
      ...events,
      { Event: 'AgentCalled', ...second, Queue: 'q', Interface: 'PJSIP/2002' },
      { Event: 'DialBegin', ...second },
      { Event: 'DialEnd', ...second, DialStatus: 'ANSWER' },
      { Event: 'DialEnd', ...channelFields(call.caller), ...channelFields(call.agent as FakeChannel, 'Dest'), DialStatus: 'CANCEL' },
      { Event: 'AgentConnect', ...second, Queue: 'q', Interface: 'PJSIP/2002' },
    ]);
    expect(summary(out)).toEqual(['queued:-', 'ringing:2001', 'ringing:2002', 'answered:2002']);
  });

  it('reads the extension from Local channel members', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.80', ani: '1133334444', extension: '2001', queue: 'q', viaLocal: true });
    expect(call.agent?.name).toMatch(/^Local\/2001@from-queue-[0-9a-f]{8};1$/);
    expect(summary([...map(events), ...map(script.answer(call))])).toEqual(['queued:-', 'ringing:2001', 'answered:2001']);
  });

  it('follows a blind transfer: transferred by the first agent, ringing and answered at the second', () => {
    const { script, map } = setup();
    const { call, events } = script.ring({ callId: '1.90', ani: '1133334444', extension: '2001', queue: 'q' });
    map(events);
    map(script.answer(call));
    const out = [...map(script.transfer(call, '2002')), ...map(script.answer(call)), ...map(script.hangup(call))];
    expect(summary(out)).toEqual(['transferred:2001', 'ringing:2002', 'answered:2002', 'ended:2002']);
  });

  it('follows an attended transfer through the bridge the caller is moved into', () => {
    const { map } = setup();
    const caller = { Channel: 'PJSIP/operadora-00000001', Uniqueid: 'A', Linkedid: 'A', CallerIDNum: '1133334444', Exten: '1140040000' };
    const agent1 = { Channel: 'PJSIP/2001-00000002', Uniqueid: 'A2', Linkedid: 'A', CallerIDNum: '1133334444', Exten: '2001' };
    const consult = { Channel: 'PJSIP/2001-00000003', Uniqueid: 'B', Linkedid: 'B', CallerIDNum: '2001', Exten: '2002' };
    const agent2 = { Channel: 'PJSIP/2002-00000004', Uniqueid: 'B2', Linkedid: 'B', CallerIDNum: '2001', Exten: '2002' };
    const out = map([
      { Event: 'Newchannel', ...caller },
      { Event: 'BridgeEnter', BridgeUniqueid: 'b1', ...agent1 },
      { Event: 'BridgeEnter', BridgeUniqueid: 'b1', ...caller },
      { Event: 'Newchannel', ...consult },
      { Event: 'BridgeEnter', BridgeUniqueid: 'b2', ...agent2 },
      { Event: 'BridgeEnter', BridgeUniqueid: 'b2', ...consult },
      { Event: 'AttendedTransfer', Result: 'Success' },
      { Event: 'BridgeLeave', BridgeUniqueid: 'b1', ...caller },
      { Event: 'BridgeEnter', BridgeUniqueid: 'b2', ...caller },
    ]);
    expect(out.map((e) => `${e.callId}:${e.state}:${e.extension}`)).toEqual(['A:answered:2001', 'B:answered:2002', 'A:transferred:2001', 'A:answered:2002']);
    expect(out[3]).toMatchObject({ ani: '1133334444', dnis: '1140040000' });
  });

  it('treats a withheld caller id as unknown and keeps only whitelisted or prefixed IVR variables', () => {
    const { script, map } = setup();
    const { events } = script.ring({
      callId: '2.10',
      ani: null,
      extension: '2001',
      queue: 'q',
      ivr: { CPF: '52998224725', __ATENDE_PEDIDO: '778899', SENHA: 'segredo', ATENDE_: 'x' },
    });
    const [first] = map(events);
    expect(first).toMatchObject({ ani: null, ivr: { cpf: '52998224725', pedido: '778899' } });
    expect(Object.keys(first?.ivr ?? {})).toHaveLength(2);
  });

  it('reads IVR variables from ChanVariable lines (manager.conf channelvars)', () => {
    const { map } = setup();
    const out = map([{ Event: 'QueueCallerJoin', Channel: 'PJSIP/op-00000001', Uniqueid: '3.1', Linkedid: '3.1', CallerIDNum: '11987654321', Queue: 'q', ChanVariable: 'CPF=52998224725\nOUTRA=1' }]);
    expect(out[0]).toMatchObject({ state: 'queued', ivr: { cpf: '52998224725' } });
  });

  it('forgets ended calls after the retention and silent calls after the idle TTL', () => {
    const { script, map, mapper, clock } = setup();
    const a = script.ring({ callId: '4.1', ani: '1133334444', extension: '2001' });
    map(a.events);
    map(script.hangup(a.call));
    const b = script.ring({ callId: '4.2', ani: '1133335555', extension: '2002' });
    map(b.events);
    expect(mapper.trackedCalls).toBe(2);
    clock.advance(61_000);
    map([{ Event: 'FullyBooted' }, { Event: 'Newstate', Uniqueid: 'x', Linkedid: 'x', Channel: 'PJSIP/op-1' }]);
    expect(mapper.trackedCalls).toBe(2); // 4.1 gone, 4.2 still up, x new
    expect(mapper.activeCallIds().sort()).toEqual(['4.2', 'x']);
    clock.advance(3600_000);
    map([{ Event: 'Newstate', Uniqueid: 'y', Linkedid: 'y', Channel: 'PJSIP/op-2' }]);
    expect(mapper.activeCallIds()).toEqual(['y']);
  });

  it('never tracks more than maxCalls', () => {
    const { map, mapper } = setup({ maxCalls: 100 });
    for (let i = 0; i < 1000; i++) map([{ Event: 'QueueCallerJoin', Uniqueid: `5.${i}`, Linkedid: `5.${i}`, Channel: 'PJSIP/op-1', Queue: 'q' }]);
    expect(mapper.trackedCalls).toBe(100);
    expect(mapper.activeCallIds()[99]).toBe('5.999');
  });
});

describe('AmiCallMapper.reconcile', () => {
  const coreShowChannel = (ch: FakeChannel): AmiFields => ({ Event: 'CoreShowChannel', ...channelFields(ch), Application: ch.application, ApplicationData: ch.applicationData });

  it('ends the calls the PBX no longer has, leaves the others, and spares calls newer than the snapshot', () => {
    const { script, map, mapper } = setup();
    const gone = script.ring({ callId: '6.1', ani: '1133334444', extension: '2001', queue: 'q' });
    const still = script.ring({ callId: '6.2', ani: '1133335555', extension: '2002', queue: 'q' });
    map([...gone.events, ...still.events, ...script.answer(gone.call)]);
    const snapshot = mapper.activeCallIds();
    const newer = script.ring({ callId: '6.3', ani: '1133336666', extension: '2003' });
    map(newer.events);
    const channels = script.channels(still.call).map((ch) => amiMessage(coreShowChannel(ch)));
    const result = mapper.reconcile(channels, snapshot);
    expect(result.ended.map((e) => `${e.callId}:${e.state}:${e.extension}`)).toEqual(['6.1:ended:2001']);
    expect(result.ended[0]).toMatchObject({ ani: '1133334444', queue: 'q' });
    expect(result.discovered).toEqual([]);
    expect(result.active).toEqual(['6.2']);
    expect(mapper.activeCallIds().sort()).toEqual(['6.2', '6.3']);
  });

  it('reports calls already in progress that it did not know (answered, ringing or waiting in a queue)', () => {
    const { script, mapper } = setup();
    const answered = script.ring({ callId: '7.1', ani: '1133334444', extension: '2001', queue: 'q', ivr: { CPF: '52998224725' } });
    script.answer(answered.call);
    const ringing = script.ring({ callId: '7.2', ani: '1133335555', extension: '2002' });
    const waiting = script.ring({ callId: '7.3', ani: '1133336666', extension: '2003', queue: 'vendas' });
    waiting.call.agent = null; // nobody offered yet: only the caller's channel, in Queue()
    const channels = [answered.call, ringing.call, waiting.call].flatMap((c) => script.channels(c)).map((ch) => amiMessage(coreShowChannel(ch)));
    const result = mapper.reconcile(channels, []);
    expect(result.discovered.map((e) => `${e.callId}:${e.state}:${e.extension ?? '-'}:${e.ani}`)).toEqual([
      '7.1:answered:2001:1133334444',
      '7.2:ringing:2002:1133335555',
      '7.3:queued:-:1133336666',
    ]);
    expect(result.discovered[2]?.queue).toBe('vendas');
    expect(result.ended).toEqual([]);
  });
});
