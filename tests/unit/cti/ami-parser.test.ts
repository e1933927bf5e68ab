import { describe, expect, it } from 'vitest';
import { formatAmiMessage } from '../../../main/cti/ami/ami-message';
import { AmiParser, type AmiFrame } from '../../../main/cti/ami/ami-parser';

const GREETING = 'Asterisk Call Manager/5.0.2\r\n';
const LOGIN_OK = 'Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n';
const HANGUP =
  'Event: Hangup\r\nPrivilege: call,all\r\nChannel: PJSIP/2001-00000012\r\nCallerIDNum: 11987654321\r\n' +
  'Uniqueid: 1700000000.12\r\nLinkedid: 1700000000.10\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n';
const VARSET = 'Event: VarSet\r\nVariable: URL\r\nValue: https://crm.example/a?b=c:d\r\nUniqueid: 1700000000.10\r\n\r\n';
const SAMPLE = GREETING + LOGIN_OK + HANGUP + VARSET;

function feed(parser: AmiParser, chunks: Array<string | Uint8Array>): AmiFrame[] {
  return chunks.flatMap((c) => parser.push(c));
}

/** The frames of SAMPLE, as parsed in one piece. */
function expectSample(frames: AmiFrame[]): void {
  expect(frames.map((f) => f.kind)).toEqual(['greeting', 'message', 'message', 'message']);
  expect(frames[0]).toEqual({ kind: 'greeting', version: '5.0.2' });
  const [, login, hangup, varset] = frames.map((f) => (f.kind === 'message' ? { ...f.message } : null));
  expect(login).toEqual({ Response: 'Success', ActionID: '1', Message: 'Authentication accepted' });
  expect(hangup).toMatchObject({ Event: 'Hangup', Channel: 'PJSIP/2001-00000012', 'Cause-txt': 'Normal Clearing', Linkedid: '1700000000.10' });
  expect(varset?.Value).toBe('https://crm.example/a?b=c:d');
}

describe('AmiParser', () => {
  it('parses a greeting, a response and events from one chunk', () => {
    expectSample(new AmiParser().push(SAMPLE));
  });

  it('gives the same frames whatever single position the stream is cut at (mid-line, mid-CRLF, mid-blank-line)', () => {
    for (let cut = 1; cut < SAMPLE.length; cut++) {
      expectSample(feed(new AmiParser(), [SAMPLE.slice(0, cut), SAMPLE.slice(cut)]));
    }
  });

  it('gives the same frames fed one byte at a time, and with two cuts at every pair of positions in the greeting and login', () => {
    expectSample(feed(new AmiParser(), [...Buffer.from(SAMPLE)].map((b) => Uint8Array.of(b))));
    const head = GREETING.length + LOGIN_OK.length;
    for (let a = 1; a < head; a++) {
      for (let b = a + 1; b < head; b++) expectSample(feed(new AmiParser(), [SAMPLE.slice(0, a), SAMPLE.slice(a, b), SAMPLE.slice(b)]));
    }
  });

  it('decodes a UTF-8 character split across two chunks', () => {
    const bytes = Buffer.from('Event: Newchannel\r\nCallerIDName: João Conceição\r\nUniqueid: 1.1\r\n\r\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1; // inside "ã"
    const frames = feed(new AmiParser(), [bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ kind: 'message', message: { CallerIDName: 'João Conceição' } });
  });

  it('parses a burst of many events in one chunk, in order', () => {
    const burst = Array.from({ length: 500 }, (_, i) => formatAmiMessage({ Event: 'Newstate', Uniqueid: `1.${i}`, ChannelState: '5' })).join('');
    const frames = new AmiParser().push(burst);
    expect(frames).toHaveLength(500);
    expect(frames.map((f) => (f.kind === 'message' ? f.message.Uniqueid : null))).toEqual(Array.from({ length: 500 }, (_, i) => `1.${i}`));
  });

  it('accepts bare LF line ends, extra blank lines between packets, empty values and values with colons', () => {
    const frames = new AmiParser().push('\n\nEvent: VarSet\nVariable: X\nValue:\nTime: 12:30:15\n\n\r\n\r\n');
    expect(frames).toHaveLength(1);
    expect({ ...(frames[0] as { message: object }).message }).toEqual({ Event: 'VarSet', Variable: 'X', Value: '', Time: '12:30:15' });
  });

  it('joins repeated keys (ChanVariable, Output) with line breaks', () => {
    const [frame] = new AmiParser().push('Event: Hangup\r\nChanVariable: CPF=52998224725\r\nChanVariable: PROTOCOLO=123\r\n\r\n');
    expect(frame).toMatchObject({ kind: 'message', message: { ChanVariable: 'CPF=52998224725\nPROTOCOLO=123' } });
  });

  it('reports a malformed line and keeps the rest of the block and the stream', () => {
    const frames = new AmiParser().push('Event: Hold\r\nthis line has no colon\r\n: no key\r\nUniqueid: 1.5\r\n\r\n' + HANGUP);
    expect(frames.map((f) => f.kind)).toEqual(['error', 'error', 'message', 'message']);
    expect(frames[0]).toEqual({ kind: 'error', reason: 'malformed_line', detail: 'this line has no colon' });
    expect(frames[2]).toMatchObject({ message: { Event: 'Hold', Uniqueid: '1.5' } });
    expect(frames[3]).toMatchObject({ message: { Event: 'Hangup' } });
  });

  it('skips a block that is neither event, response nor action', () => {
    const frames = new AmiParser().push('Foo: bar\r\nBaz: qux\r\n\r\n' + VARSET);
    expect(frames.map((f) => f.kind)).toEqual(['error', 'message']);
    expect(frames[0]).toMatchObject({ reason: 'untyped_block' });
  });

  it('treats a greeting only at a packet start, and a key named __proto__ as a plain key', () => {
    const frames = new AmiParser().push('Event: X\r\nAsterisk Call Manager/5.0.2\r\n__proto__: polluted\r\n\r\n');
    expect(frames.map((f) => f.kind)).toEqual(['error', 'message']);
    const message = (frames[1] as { message: Record<string, string> }).message;
    expect(message['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops a block over the size cap up to its blank line, then parses on', () => {
    const parser = new AmiParser({ maxBlockLength: 200 });
    const big = `Event: Big\r\n${Array.from({ length: 20 }, (_, i) => `Key${i}: ${'x'.repeat(20)}\r\n`).join('')}\r\n`;
    const frames = parser.push(big + HANGUP);
    expect(frames.map((f) => f.kind)).toEqual(['error', 'message']);
    expect(frames[0]).toMatchObject({ reason: 'block_too_large' });
    expect(frames[1]).toMatchObject({ message: { Event: 'Hangup' } });
  });

  it('does not buffer an endless line: drops it while it streams in, and recovers after the next blank line', () => {
    const parser = new AmiParser({ maxBlockLength: 1000 });
    const frames: AmiFrame[] = parser.push('Event: Flood\r\nValue: ');
    for (let i = 0; i < 100; i++) frames.push(...parser.push('y'.repeat(500)));
    expect(frames.filter((f) => f.kind === 'error')).toHaveLength(1); // reported once
    expect((parser as unknown as { partial: string }).partial.length).toBeLessThanOrEqual(1000);
    frames.push(...parser.push('\r\nMore: junk\r\n\r\n' + HANGUP));
    expect(frames.map((f) => f.kind)).toEqual(['error', 'message']);
  });

  it('starts clean after reset()', () => {
    const parser = new AmiParser();
    parser.push('Event: Half\r\nUniqueid: 1.');
    parser.reset();
    expect(parser.push(HANGUP)).toEqual([expect.objectContaining({ message: expect.objectContaining({ Event: 'Hangup' }) })]);
  });
});

describe('formatAmiMessage', () => {
  it('writes CRLF lines and a blank line, and refuses line breaks that would inject fields', () => {
    expect(formatAmiMessage({ Action: 'Ping', ActionID: '7' })).toBe('Action: Ping\r\nActionID: 7\r\n\r\n');
    expect(() => formatAmiMessage({ Action: 'Login', Secret: 'x\r\nAction: Originate' })).toThrow(/line break/);
  });
});
