import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { createTestCore, type Caller, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

/** Articles on neighbouring topics, so a key phrase has competition from similar words. */
const ARTICLES = [
  { title: 'Cobrança em duplicidade na fatura', category: 'Cobrança', tags: ['fatura', 'estorno'], body: 'Quando o cliente foi cobrado duas vezes no cartão, confira a fatura e solicite o estorno da cobrança duplicada.' },
  { title: 'Segunda via do boleto', category: 'Cobrança', tags: ['boleto'], body: 'Gere a segunda via pelo aplicativo ou envie por e-mail. O vencimento continua o mesmo.' },
  { title: 'Prazo de estorno no cartão de crédito', category: 'Cobrança', tags: ['estorno', 'cartao'], body: 'O estorno aparece em até duas faturas, conforme a operadora do cartão.' },
  { title: 'Pedido atrasado: como rastrear a entrega', category: 'Entrega', tags: ['rastreio', 'atraso'], body: 'Consulte o código de rastreio na transportadora. Atrasos acima de 5 dias úteis abrem chamado com a transportadora.' },
  { title: 'Produto chegou avariado', category: 'Troca e devolução', tags: ['avaria', 'troca'], body: 'Peça fotos da embalagem e do produto, abra a troca e agende a coleta sem custo.' },
  { title: 'Cancelamento de assinatura', category: 'Cancelamento', tags: ['cancelamento', 'assinatura'], body: 'O cancelamento é imediato; ofereça a retenção antes de concluir. Não há multa após 12 meses.' },
  { title: 'Aplicativo não abre após atualização', category: 'Suporte técnico', tags: ['aplicativo'], body: 'Limpe o cache, reinstale o aplicativo e confira se a versão é a 4.3 ou mais nova.' },
  { title: 'Exclusão de dados pessoais (LGPD)', category: 'Cadastro', tags: ['lgpd', 'privacidade'], body: 'Registre a solicitação de exclusão; o prazo legal de resposta é de 15 dias.' },
  { title: 'Two-factor authentication setup', category: 'Suporte técnico', tags: ['security'], body: 'Open the app settings, choose security and follow the steps to enable two-factor authentication.', language: 'en' as const },
];

/** Key phrases → the title that must rank first, written as agents type them. */
const QUERIES: [string, string][] = [
  ['cobrança em duplicidade', 'Cobrança em duplicidade na fatura'],
  ['cobranca em duplicidade', 'Cobrança em duplicidade na fatura'],
  ['cobrado duas vezes', 'Cobrança em duplicidade na fatura'],
  ['segunda via boleto', 'Segunda via do boleto'],
  ['segunda vía do boléto', 'Segunda via do boleto'],
  ['prazo do estorno cartão', 'Prazo de estorno no cartão de crédito'],
  ['prazo do estorno cartao', 'Prazo de estorno no cartão de crédito'],
  ['pedido atrasado', 'Pedido atrasado: como rastrear a entrega'],
  ['rastrear entregas', 'Pedido atrasado: como rastrear a entrega'],
  ['produto avariado', 'Produto chegou avariado'],
  ['cancelar assinatura', 'Cancelamento de assinatura'],
  ['cancelamento da assinatura', 'Cancelamento de assinatura'],
  ['aplicativo nao abre', 'Aplicativo não abre após atualização'],
  ['aplicativo não abre', 'Aplicativo não abre após atualização'],
  ['exclusão de dados lgpd', 'Exclusão de dados pessoais (LGPD)'],
  ['exclusao de dados', 'Exclusão de dados pessoais (LGPD)'],
  ['two factor authentication', 'Two-factor authentication setup'],
  // Typos and a prefix being typed.
  ['cobrnaça duplicidade', 'Cobrança em duplicidade na fatura'],
  ['aplicatvo nao abre', 'Aplicativo não abre após atualização'],
  ['cancelamen', 'Cancelamento de assinatura'],
];

async function seed(sup: Caller) {
  const created = [];
  for (const a of ARTICLES) created.push(await sup.kb.create({ article: { ...a, visibility: 'public' }, status: 'published' }));
  return created;
}

describe('knowledge base search', () => {
  it('ranks an article first for its own key phrases, with and without accents, with typos and prefixes', async () => {
    const { sup, ana } = await workspaceFloor(t, clock);
    await seed(sup);
    for (const [query, title] of QUERIES) {
      const hits = await ana.kb.search({ query });
      expect(hits[0]?.title, query).toBe(title);
    }
  });

  it('shows agents only published articles; editors may search drafts', async () => {
    const { sup, ana } = await workspaceFloor(t, clock);
    const draft = await sup.kb.create({ article: { title: 'Procedimento interno de reembolso em dobro', body: 'rascunho' } });
    expect(await ana.kb.search({ query: 'reembolso em dobro' })).toEqual([]);
    await expect(ana.kb.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await sup.kb.search({ query: 'reembolso em dobro', includeUnpublished: true })).map((h) => h.id)).toEqual([draft.id]);
    const published = await sup.kb.setStatus({ id: draft.id, version: draft.version, status: 'published' });
    expect((await ana.kb.search({ query: 'reembolso em dobro' })).map((h) => h.id)).toEqual([published.id]);
  });

  it('keeps revisions with author and time; editors only; agents propose and editors accept', async () => {
    const { sup, ana } = await workspaceFloor(t, clock);
    await expect(ana.kb.create({ article: { title: 'x', body: 'y' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const a = await sup.kb.create({ article: { title: 'Troca de titularidade', body: 'Envie RG e CPF.', category: 'Cadastro' }, status: 'published' });
    clock.advance(60_000);
    const edited = await sup.kb.update({ id: a.id, version: a.version, article: { title: 'Troca de titularidade', body: 'Envie RG, CPF e comprovante de residência.', category: 'Cadastro' } });
    await expect(sup.kb.update({ id: a.id, version: a.version, article: { title: 'x', body: 'y' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(edited.history.map((h) => h.version)).toEqual([1, 2]);
    expect(edited.history[1]?.at).toBe('2026-11-20T13:01:00.000Z');

    const proposal = await ana.kb.propose({ article: { title: 'Troca de titularidade', body: 'Envie RG, CPF, comprovante e a certidão de casamento, se for o caso.', category: 'Cadastro' }, proposalFor: a.id });
    expect((await ana.kb.get({ id: proposal.id })).article.proposedBy).toBeTruthy();
    expect((await sup.kb.list({ status: 'proposals' })).map((p) => p.id)).toEqual([proposal.id]);
    const accepted = await sup.kb.acceptProposal({ id: proposal.id });
    expect(accepted.id).toBe(a.id);
    expect(accepted.history.map((h) => h.version)).toEqual([1, 2, 3]);
    const anaUser = [...t.core.services.store.users.values()].find((u) => u.username === 'ana');
    expect(accepted.history[2]?.authorId).toBe(anaUser?.id);
    expect(await sup.kb.list({ status: 'proposals' })).toEqual([]);
    const detail = await sup.kb.get({ id: a.id });
    expect(detail.names[anaUser?.id ?? '']).toBe('ANA');
  });

  it('suggests articles from a ticket\'s text and counts an article as useful once the ticket is solved', async () => {
    const { sup, ana, ticket } = await workspaceFloor(t, clock);
    const [duplicate] = await seed(sup);
    const tk = await ticket(ana, 'Fatura veio com valor cobrado em dobro', { teamId: 'team_geral' });
    const { hits } = await ana.kb.suggestForTicket({ ticketId: tk.id });
    expect(hits[0]?.id).toBe(duplicate?.id);
    await ana.kb.recordUse({ articleId: duplicate!.id, ticketId: tk.id, mode: 'link' });
    await ana.kb.recordUse({ articleId: duplicate!.id, ticketId: tk.id, mode: 'text' });
    expect((await ana.kb.suggestForTicket({ ticketId: tk.id })).used).toEqual([duplicate?.id]);
    expect((await sup.kb.usefulness()).map((u) => [u.article.id, u.solvedTickets, u.openUses])).toEqual([[duplicate?.id, 0, 1]]);
    const taken = await ana.tickets.take({ id: tk.id, version: tk.version });
    await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Estorno solicitado, veja o artigo.', setStatus: 'solved' });
    await expect.poll(async () => (await sup.kb.usefulness()).map((u) => [u.solvedTickets, u.openUses])).toEqual([[1, 0]]);
  });

  it('prefills an article from a ticket with the problem and the resolving reply', async () => {
    const { ana, ticket } = await workspaceFloor(t, clock);
    const tk = await ticket(ana, 'Boleto não chegou', { category: 'Cobrança', teamId: 'team_geral' });
    const taken = await ana.tickets.take({ id: tk.id, version: tk.version });
    await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Enviei a segunda via para o seu e-mail.', setStatus: 'solved' });
    const draft = await ana.kb.draftFromTicket({ ticketId: tk.id });
    expect(draft).toMatchObject({ title: 'Boleto não chegou', category: 'Cobrança', sourceTicketId: tk.id });
    expect(draft.body).toContain('## Problema');
    expect(draft.body).toContain('> Boleto não chegou: detalhes');
    expect(draft.body).toContain('## Solução\n\nEnviei a segunda via para o seu e-mail.');
  });
});
