/** Pure helpers of the e-mail channel (no server): threading ids and the reply subject. */
import { describe, expect, it } from 'vitest';
import { replySubject } from '../../../main/channels/email/email-reply-subject.helper';
import { messageIdsIn, normalizeMessageId, threadIdsOf } from '../../../main/channels/email/email-thread-ids.helper';

describe('threadIdsOf', () => {
  it('a first message is its own conversation', () => {
    expect(threadIdsOf({ messageId: '<a@x.example>' })).toEqual({ messageId: '<a@x.example>', conversationId: '<a@x.example>', inReplyTo: [] });
  });

  it('a reply with only In-Reply-To belongs to the conversation of its parent', () => {
    expect(threadIdsOf({ messageId: '<b@x.example>', inReplyTo: '<a@x.example>' })).toEqual({
      messageId: '<b@x.example>',
      conversationId: '<a@x.example>',
      inReplyTo: ['<a@x.example>'],
    });
  });

  it('the root is the first References entry; ancestors come nearest first, without repeats', () => {
    const ids = threadIdsOf({
      messageId: '<d@x.example>',
      inReplyTo: '<c@x.example>',
      references: ['<a@x.example>', '<b@x.example>', '<c@x.example>'],
    });
    expect(ids).toEqual({ messageId: '<d@x.example>', conversationId: '<a@x.example>', inReplyTo: ['<c@x.example>', '<b@x.example>', '<a@x.example>'] });
  });

  it('accepts References as one string (a single id, or several the parser did not split)', () => {
    expect(threadIdsOf({ messageId: '<c@x>', references: '<a@x>' })?.conversationId).toBe('<a@x>');
    expect(threadIdsOf({ messageId: '<c@x>', references: '<a@x>\r\n <b@x>' })).toMatchObject({ conversationId: '<a@x>', inReplyTo: ['<b@x>', '<a@x>'] });
  });

  it('a reply to several messages (In-Reply-To with two ids) threads on the first', () => {
    expect(threadIdsOf({ messageId: '<c@x>', inReplyTo: '<a@x> <b@x>' })).toMatchObject({ conversationId: '<a@x>', inReplyTo: ['<a@x>', '<b@x>'] });
  });

  it('tolerates ids without brackets, comments and a message that cites itself', () => {
    expect(threadIdsOf({ messageId: 'own@x.example', inReplyTo: '<p@x.example> (message from Ana of 4 Mar)', references: 'own@x.example' })).toEqual({
      messageId: '<own@x.example>',
      conversationId: '<own@x.example>',
      inReplyTo: ['<p@x.example>'],
    });
  });

  it('uses the fallback id for a mail without Message-ID, and gives null without one', () => {
    expect(threadIdsOf({ inReplyTo: '<a@x>' }, '<hash@fallback.invalid>')).toMatchObject({ messageId: '<hash@fallback.invalid>', conversationId: '<a@x>' });
    expect(threadIdsOf({ messageId: '   ' })).toBeNull();
  });

  it('keeps InboundMessage limits: ids over 500 characters dropped, at most 100 ancestors (the nearest)', () => {
    const long = `<${'x'.repeat(600)}@x>`;
    const refs = Array.from({ length: 150 }, (_, i) => `<r${i}@x>`);
    const ids = threadIdsOf({ messageId: '<m@x>', inReplyTo: long, references: refs });
    expect(ids?.conversationId).toBe('<r0@x>');
    expect(ids?.inReplyTo).toHaveLength(100);
    expect(ids?.inReplyTo[0]).toBe('<r149@x>');
    expect(ids?.inReplyTo).not.toContain(long);
  });
});

describe('messageIdsIn / normalizeMessageId', () => {
  it('extracts bracketed ids in order, else bare ids with @', () => {
    expect(messageIdsIn('<a@x> , <b@y>')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsIn('a@x, b@y')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsIn(undefined)).toEqual([]);
    expect(messageIdsIn('sem id nenhum')).toEqual([]);
    expect(normalizeMessageId(' <a@x> ')).toBe('<a@x>');
    expect(normalizeMessageId('')).toBeNull();
  });
});

describe('replySubject', () => {
  it.each([
    ['Não recebi a cobrança — ação urgente', 'Re: Não recebi a cobrança — ação urgente'],
    ['Re: Não recebi', 'Re: Não recebi'],
    ['RE: Res: re: Não recebi', 'Re: Não recebi'],
    ['Re[2]: AW: Resp: Fatura', 'Re: Fatura'],
    ['Resumo da fatura', 'Re: Resumo da fatura'],
    ['Fwd: boleto', 'Re: Fwd: boleto'],
    ['  ', 'Re:'],
    ['linha\r\nquebrada', 'Re: linha quebrada'],
  ])('%j → %j', (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });
});
