import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmiAdapter } from '../../../main/cti/ami/ami-adapter';
import type { AmiReconcileResult } from '../../../main/cti/ami/ami-call-mapper';
import { ManualClock } from '../../../main/domain/shared/clock';
import { CallEventSchema, type CallEvent } from '../../../shared/schemas/call-event';
import { FakePbx } from '../../fixtures/fake-pbx';
import { channelFields, type FakeChannel } from '../../fixtures/fake-pbx-calls';
import { amiConfigFor, describeCall, next, record } from './cti-test-helpers';

let pbx: FakePbx;
let adapter: AmiAdapter;
let calls: ReturnType<typeof record<CallEvent>>;

function makeAdapter(): AmiAdapter {
  adapter = new AmiAdapter({ config: amiConfigFor(pbx), clock: new ManualClock('2026-03-02T13:00:00.000Z') });
  calls = record((l: (e: CallEvent) => void) => adapter.on('callEvent', l));
  return adapter;
}

beforeEach(async () => {
  pbx = await FakePbx.start();
});
afterEach(async () => {
  await adapter.close();
  await pbx.close();
});

const count = (n: number) => (v: CallEvent[]) => v.length >= n;

describe('AmiAdapter: fake Asterisk → CallEvents', () => {
  it('turns a queue call into queued → ringing → answered → held → unheld → ended, in order, with the caller and IVR data', async () => {
    makeAdapter();
    await adapter.start();
    await next((l) => adapter.on('reconciled', l));
    pbx.chunkSizes = [3, 1, 8]; // every packet arrives cut into pieces
    await pbx.ringAgent({ callId: '1700000000.10', ani: '11987654321', extension: '2001', queue: 'suporte', ivr: { CPF: '52998224725' } });
    pbx.chunkSizes = null;
    await pbx.burst(async () => {
      await pbx.answer('1700000000.10');
      await pbx.hold('1700000000.10');
      await pbx.unhold('1700000000.10');
      await pbx.hangup('1700000000.10');
    });
    const got = await calls.until(count(6));
    expect(got.map(describeCall)).toEqual([
      '1700000000.10:queued:-',
      '1700000000.10:ringing:2001',
      '1700000000.10:answered:2001',
      '1700000000.10:held:2001',
      '1700000000.10:unheld:2001',
      '1700000000.10:ended:2001',
    ]);
    for (const e of got) {
      expect(CallEventSchema.safeParse(e).success).toBe(true);
      expect(e).toMatchObject({ ani: '11987654321', dnis: '1140040000', queue: 'suporte', ivr: { cpf: '52998224725' }, source: 'ami' });
    }
  });

  it('does not emit twice for repeated events, and shrugs off events of calls it never saw', async () => {
    makeAdapter();
    await adapter.start();
    await next((l) => adapter.on('reconciled', l));
    const ghost: FakeChannel = {
      name: 'PJSIP/operadora-0000ffff', uniqueId: '1699999999.1', linkedId: '1699999999.1', state: 6,
      callerIdNum: '1133334444', callerIdName: 'X', connectedNum: '', context: 'from-trunk', exten: 's', application: '', applicationData: '',
    };
    await pbx.sendEvent({ Event: 'Hangup', ...channelFields(ghost), Cause: '16' });
    await pbx.sendEvent({ Event: 'AgentComplete', ...channelFields(ghost), Reason: 'caller' });
    await pbx.ringAgent({ callId: '1700000000.20', ani: '11987654321', extension: '2001', queue: 'q' });
    const call = pbx.calls.get('1700000000.20');
    const agent = call?.agent as FakeChannel;
    const caller = call?.caller as FakeChannel;
    await pbx.sendEvent({ Event: 'AgentCalled', ...channelFields(caller), ...channelFields(agent, 'Dest'), Queue: 'q', Interface: 'PJSIP/2001' });
    await pbx.sendEvent({ Event: 'QueueCallerJoin', ...channelFields(caller), Queue: 'q', Position: '1', Count: '1' });
    await pbx.answer('1700000000.20');
    await pbx.sendEvent({ Event: 'AgentConnect', ...channelFields(caller), ...channelFields(agent, 'Dest'), Queue: 'q', Interface: 'PJSIP/2001' });
    await pbx.hangup('1700000000.20');
    const got = await calls.until((v) => v.some((e) => e.state === 'ended'));
    // The ghost produced nothing: the first event of the stream is the real call's.
    expect(got.map(describeCall)).toEqual(['1700000000.20:queued:-', '1700000000.20:ringing:2001', '1700000000.20:answered:2001', '1700000000.20:ended:2001']);
  });

  it('after a dropped connection, reconnects, ends the calls that hung up meanwhile and carries on with the others', async () => {
    makeAdapter();
    const reconciled = record<AmiReconcileResult>((l) => adapter.on('reconciled', l));
    await adapter.start();
    await reconciled.until((v) => v.length === 1);
    await pbx.ringAgent({ callId: 'A', ani: '1133334444', extension: '2001', queue: 'q' });
    await pbx.answer('A');
    await pbx.ringAgent({ callId: 'B', ani: '1155556666', extension: '2002', queue: 'q' });
    await pbx.answer('B');
    await calls.until(count(6));

    pbx.refuseConnections = true;
    const reconnecting = next((l) => adapter.client.on('reconnecting', l));
    await pbx.dropConnections();
    await reconnecting;
    await pbx.hangup('A'); // nobody hears this one
    pbx.refuseConnections = false;
    await reconciled.until((v) => v.length === 2);
    expect(reconciled.values[1]).toMatchObject({ active: ['B'], discovered: [] });

    await pbx.hangup('B');
    const got = await calls.until(count(8));
    expect(got.slice(6).map(describeCall)).toEqual(['A:ended:2001', 'B:ended:2002']);
    expect(got[6]).toMatchObject({ ani: '1133334444', queue: 'q' });
    expect(pbx.actions.filter((a) => a.Action === 'CoreShowChannels')).toHaveLength(2);
  });

  it('learns about calls already in progress when it starts', async () => {
    await pbx.ringAgent({ callId: 'C', ani: '11987654321', extension: '2003', queue: 'q' });
    await pbx.answer('C');
    makeAdapter();
    await adapter.start();
    const [event] = await calls.until(count(1));
    expect(event).toMatchObject({ callId: 'C', state: 'answered', extension: '2003', ani: '11987654321' });
    await pbx.hangup('C');
    expect((await calls.until(count(2)))[1]).toMatchObject({ callId: 'C', state: 'ended' });
  });
});
