/**
 * The IMAP side of the e-mail channel against a real Dovecot (Debian `dovecot-imapd`): mail put
 * into the mailbox comes out of `EmailPoller` as InboundMessages, threaded, with accents intact,
 * and only leaves the "unseen" pile once the intake took it.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmailPoller } from '../../../main/channels/email/email-poller.service';
import { startDovecot, type DovecotServer } from '../../fixtures/mail-server-dovecot';
import { eml, imapConfig, MemoryLogger, MemoryPollState, RecordingSink } from './email-test-kit';

let server: DovecotServer;

beforeAll(async () => {
  server = await startDovecot();
});
afterAll(async () => {
  await server?.stop();
});

let sink: RecordingSink;
let state: MemoryPollState;
let logger: MemoryLogger;
let poller: EmailPoller;
let mailbox: string;
let boxCount = 0;

beforeEach(async () => {
  // Each test gets a fresh mailbox on the shared server, so UIDs and flags start clean.
  mailbox = `Teste${++boxCount}`;
  sink = new RecordingSink();
  state = new MemoryPollState();
  logger = new MemoryLogger();
  poller = new EmailPoller({ config: imapConfig(server, { mailbox }), sink, state, logger });
  await server.createMailbox(mailbox);
});
afterEach(async () => {
  await poller.stop();
});

describe('EmailPoller against Dovecot', () => {
  it('maps UTF-8, ISO-8859-1 (quoted-printable and 8-bit) and HTML-only mail with accents, subjects, html and attachments', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await server.append(eml('latin1-qp-multipart.eml'), { mailbox });
    await server.append(eml('latin1-8bit.eml'), { mailbox });
    await server.append(eml('html-only.eml'), { mailbox });

    const result = await poller.pollOnce();
    expect(result).toEqual({ ok: true, delivered: 4, duplicates: 0, skipped: 0, deferred: false });
    expect(sink.accepted.map((m) => m.externalId)).toEqual([
      '<root-utf8.1741090500@cliente.example>',
      '<latin1-qp.1741194130@cliente.example>',
      '<latin1-8bit.1741354200@cliente.example>',
      '<html-only.1741248000@cliente.example>',
    ]);

    const utf8 = sink.byId('<root-utf8.1741090500@cliente.example>');
    expect(utf8).toMatchObject({
      channel: 'email',
      conversationId: '<root-utf8.1741090500@cliente.example>',
      sender: { name: 'Maria José Conceição', email: 'maria@cliente.example' },
      subject: 'Não recebi a cobrança — ação urgente',
      sentAt: '2025-03-04T12:15:00.000Z',
      inReplyTo: [],
      attachments: [],
    });
    expect(utf8.text).toContain('Não recebi a cobrança de março — ação urgente, por favor.');
    expect(utf8.text).toContain('Acentos: ç, ã, é, ô, à, ü; símbolos: € “aspas”.');
    expect(utf8.html).toBeUndefined();

    const latin1 = sink.byId('<latin1-qp.1741194130@cliente.example>');
    expect(latin1.sender).toEqual({ name: 'João Gonçalves', email: 'joao.goncalves@cliente.example' });
    // Encoded words in two charsets (ISO-8859-1 around a UTF-8 em dash), folded over two lines.
    expect(latin1.subject).toBe('Não recebi a cobrança — ação urgente');
    // text/plain wins over text/html; the soft line break inside "informação" is undone.
    expect(latin1.text).toContain('Não recebi a cobrança deste mês e preciso de uma ação urgente.');
    expect(latin1.text).toContain('Caracteres de teste: ç, ã, é, ô.');
    expect(latin1.text).toContain('no meio de uma palavra acentuada: informação.');
    expect(latin1.text).not.toContain('<p>');
    expect(latin1.html).toBe('<html><body><p>Prezados,</p><p>Não recebi a <b>cobrança</b> deste mês.</p><p>ç, ã, é, ô</p></body></html>');
    expect(latin1.attachments).toEqual([{ name: 'boleto-março.pdf', contentType: 'application/pdf', size: 33, url: null }]);

    const eightBit = sink.byId('<latin1-8bit.1741354200@cliente.example>');
    expect(eightBit.sender.name).toBe('Otávio Araújo');
    expect(eightBit.subject).toBe('Segunda via do boleto – não consigo pagar');
    expect(eightBit.text).toContain('A função "pagar" dá erro no cartão.');
    expect(eightBit.text).toContain('Acentos: ç, ã, é, ô, ê, ú.');

    const htmlOnly = sink.byId('<html-only.1741248000@cliente.example>');
    expect(htmlOnly.sender).toEqual({ name: 'Ana Lúcia', email: 'ana@cliente.example' });
    expect(htmlOnly.text).toContain('Olá, a cobrança não chegou.');
    expect(htmlOnly.text).toContain('Número: 123');
    expect(htmlOnly.text).not.toMatch(/<\/?[a-z]/);
    expect(htmlOnly.html).toContain('<b>não</b>');

    const flags = await server.list(mailbox);
    expect(flags.every((m) => m.seen)).toBe(true);
  });

  it('threads a reply (In-Reply-To/References) into the conversation of the original', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await server.append(eml('reply.eml'), { mailbox });
    await poller.pollOnce();

    const original = sink.byId('<root-utf8.1741090500@cliente.example>');
    const reply = sink.byId('<reply-2.1741099200@cliente.example>');
    expect(reply.conversationId).toBe(original.conversationId);
    expect(reply.inReplyTo).toEqual(['<agent-1.1741095000@atende.example>', '<root-utf8.1741090500@cliente.example>']);
    expect(reply.subject).toBe('Re: Não recebi a cobrança');
    expect(reply.text).toContain('> Olá Maria, reenviamos a cobrança.');
  });

  it('leaves mail unseen when the intake throws, and delivers it again on the next poll', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await server.append(eml('reply.eml'), { mailbox });
    // Prime the cursor, so this also covers the saved-state path.
    expect(await poller.pollOnce()).toMatchObject({ ok: true, delivered: 2 });
    await server.append(eml('latin1-qp-multipart.eml'), { mailbox });
    await server.append(eml('html-only.eml'), { mailbox });

    sink.failuresLeft = 1;
    const failed = await poller.pollOnce();
    expect(failed).toEqual({ ok: true, delivered: 0, duplicates: 0, skipped: 0, deferred: true });
    expect(sink.offered.at(-1)?.externalId).toBe('<latin1-qp.1741194130@cliente.example>');
    // Order is kept: the message after the failed one waits too.
    expect(sink.accepted).toHaveLength(2);
    const afterFailure = await server.list(mailbox);
    const pending = afterFailure.filter((m) => !m.seen).map((m) => m.messageId);
    expect(pending).toEqual(['<latin1-qp.1741194130@cliente.example>', '<html-only.1741248000@cliente.example>']);
    expect(logger.entries.some((e) => e.msg === 'intake failed; email kept for the next poll')).toBe(true);

    const retried = await poller.pollOnce();
    expect(retried).toEqual({ ok: true, delivered: 2, duplicates: 0, skipped: 0, deferred: false });
    expect(sink.accepted.map((m) => m.externalId).slice(2)).toEqual(['<latin1-qp.1741194130@cliente.example>', '<html-only.1741248000@cliente.example>']);
    expect((await server.list(mailbox)).every((m) => m.seen)).toBe(true);

    // Nothing new: nothing offered again.
    const offered = sink.offered.length;
    expect(await poller.pollOnce()).toEqual({ ok: true, delivered: 0, duplicates: 0, skipped: 0, deferred: false });
    expect(sink.offered).toHaveLength(offered);
  });

  it('a first-run intake failure also keeps the mail for the next poll', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    sink.failuresLeft = 1;
    expect(await poller.pollOnce()).toMatchObject({ ok: true, delivered: 0, deferred: true });
    expect(state.value).toBeNull();
    expect(await poller.pollOnce()).toMatchObject({ ok: true, delivered: 1, deferred: false });
    expect(sink.accepted.map((m) => m.externalId)).toEqual(['<root-utf8.1741090500@cliente.example>']);
  });

  it('skips a malformed message, logs it, and goes on with the rest of the poll', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await server.append(eml('malformed-no-sender.eml'), { mailbox });
    await server.append(Buffer.from('\u0000\u0001 lixo binário sem cabeçalhos \u00ff\n', 'latin1'), { mailbox });
    await server.append(eml('html-only.eml'), { mailbox });

    const result = await poller.pollOnce();
    expect(result).toEqual({ ok: true, delivered: 2, duplicates: 0, skipped: 2, deferred: false });
    expect(sink.accepted.map((m) => m.externalId)).toEqual(['<root-utf8.1741090500@cliente.example>', '<html-only.1741248000@cliente.example>']);
    const skips = logger.entries.filter((e) => e.msg === 'email not taken; skipped');
    expect(skips).toHaveLength(2);
    expect(skips[0]?.data?.reason).toBe('no sender address (From)');
    // Left unseen for a person to look at, but not offered again.
    const unseen = (await server.list(mailbox)).filter((m) => !m.seen);
    expect(unseen).toHaveLength(2);
    expect(await poller.pollOnce()).toMatchObject({ ok: true, delivered: 0, skipped: 0 });
  });

  it('skips mail the intake refuses, without retrying it', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await server.append(eml('html-only.eml'), { mailbox });
    sink.refuse = (m) => (m.sender.email === 'maria@cliente.example' ? 'sender blocked' : null);
    expect(await poller.pollOnce()).toEqual({ ok: true, delivered: 1, duplicates: 0, skipped: 1, deferred: false });
    sink.refuse = null;
    expect(await poller.pollOnce()).toMatchObject({ delivered: 0, skipped: 0 });
  });

  it('on a first run takes only unseen mail, then follows new UIDs whatever their flags', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox, seen: true });
    await server.append(eml('html-only.eml'), { mailbox });
    expect(await poller.pollOnce()).toMatchObject({ delivered: 1 });
    expect(sink.accepted.map((m) => m.externalId)).toEqual(['<html-only.1741248000@cliente.example>']);
    expect(state.value).toMatchObject({ mailbox, lastUid: 2 });

    // Read by a person in another client before the poll: still new to Atende.
    await server.append(eml('reply.eml'), { mailbox, seen: true });
    expect(await poller.pollOnce()).toMatchObject({ delivered: 1 });
    expect(state.value?.lastUid).toBe(3);
  });

  it('a repeat delivery (state lost after the intake took it) counts as a duplicate', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    await poller.pollOnce();
    const uidValidity = state.value?.uidValidity ?? '';
    // As if the process died after the intake but before the cursor was saved.
    state.value = { mailbox, uidValidity, lastUid: 0 };
    expect(await poller.pollOnce()).toEqual({ ok: true, delivered: 0, duplicates: 1, skipped: 0, deferred: false });
  });

  it('starts over with unseen mail when the saved UIDVALIDITY is not the mailbox’s', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    state.value = { mailbox, uidValidity: '1', lastUid: 999 };
    expect(await poller.pollOnce()).toMatchObject({ delivered: 1 });
    expect(state.value?.uidValidity).not.toBe('1');
    expect(logger.entries.some((e) => e.msg === 'email mailbox changed; starting over with unseen mail')).toBe(true);
  });

  it('reports connection and login failures as values', async () => {
    const badLogin = new EmailPoller({ config: imapConfig({ ...server, password: 'errada' }, { mailbox }), sink, state, logger });
    const result = await badLogin.pollOnce();
    expect(result.ok).toBe(false);
    const missing = new EmailPoller({ config: imapConfig(server, { mailbox: 'NaoExiste' }), sink, state, logger });
    expect(await missing.pollOnce()).toMatchObject({ ok: false });
  });

  it('start() polls in a loop until stop()', async () => {
    await server.append(eml('utf8-plain.eml'), { mailbox });
    poller.start();
    await sink.waitForAccepted(1);
    await poller.stop();
    expect(sink.accepted[0]?.externalId).toBe('<root-utf8.1741090500@cliente.example>');
  });

  it('start() backs off when the server is unreachable', async () => {
    const down = new EmailPoller({ config: imapConfig({ ...server, port: 1 }, { mailbox }), sink, state, logger });
    down.start();
    const entry = await logger.waitFor('email poll failed; backing off');
    await down.stop();
    expect(entry.data).toMatchObject({ failures: 1, retryInMs: 10_000 });
    expect(String(entry.data?.reason)).toContain('imap connect to 127.0.0.1:1 failed');
  });
});
