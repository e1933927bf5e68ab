import type { Page } from '@playwright/test';
import { apiAs } from './fixtures/api';
import { login } from './fixtures/app';
import { postInbound, uniqueId } from './fixtures/channels';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

/** A fresh WhatsApp ticket from a customer; resolves with its id once intake stored it. */
async function inboundTicket(baseUrl: string, text: string): Promise<string> {
  const r = await postInbound(baseUrl, {
    channel: 'whatsapp',
    conversationId: uniqueId('conv'),
    externalId: uniqueId('msg'),
    sender: { name: 'Marina Teixeira', phone: '+5511970001234' },
    text,
    sentAt: new Date().toISOString(),
  });
  expect(r.status).toBe(200);
  return r.body.ticketId as string;
}

const openTicket = async (page: Page, id: string) => {
  await page.evaluate((ticketId) => (window.location.hash = `#/tickets/${ticketId}`), id);
  await expect(page.getByRole('heading', { level: 1, name: /^#\d+ / })).toBeVisible();
};

test('an agent sees a KB suggestion on a ticket, inserts it into the reply, and the customer’s sentiment shows', async ({ page, server }) => {
  const ticketId = await inboundTicket(server.url, 'Fui cobrado duas vezes na fatura deste mês, cobrança em duplicidade no cartão. Isso é um absurdo!');
  await login(page, 'agente1', DEMO_PASSWORD);
  await openTicket(page, ticketId);

  const panel = page.getByRole('region', { name: 'Sugestões' });
  const articles = panel.getByRole('list', { name: 'Artigos sugeridos' });
  await expect(articles.getByRole('link').first()).toHaveText('Cobrança em duplicidade na fatura');
  await expect(page.getByRole('img', { name: /Sentimento do cliente: (Cliente insatisfeito|Muito insatisfeito)/ })).toBeVisible();

  const reply = page.getByRole('textbox', { name: 'Resposta ao cliente' });
  await reply.fill('Olá, Marina!');
  await panel.getByRole('button', { name: 'Inserir o texto de “Cobrança em duplicidade na fatura” na resposta' }).click();
  await expect(reply).toHaveValue(/^Olá, Marina!\n\nQuando a mesma compra aparece duas vezes na fatura, o valor duplicado é estornado automaticamente\./);
  await expect(reply).not.toHaveValue(/\*\*|##/);
  await expect(reply).toBeFocused();
  await expect(articles.getByText('Usado neste ticket')).toBeVisible();

  // A suggested reply (from solved history or a macro) goes in the same way, for the agent to edit.
  const replies = panel.getByRole('list', { name: 'Respostas sugeridas' });
  await expect(replies.getByRole('listitem').first()).toBeVisible();
  const suggested = (await replies.getByRole('listitem').first().locator('.kb-suggestion__reply').textContent()) ?? '';
  await replies.getByRole('button', { name: 'Inserir esta resposta na caixa de resposta' }).first().click();
  await expect(reply).toHaveValue(new RegExp(suggested.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('the knowledge base searches without accents and with typos, and an agent proposes a change a supervisor accepts', async ({ browser, server }) => {
  const agentContext = await browser.newContext({ baseURL: server.url });
  const agent = await agentContext.newPage();
  await login(agent, 'agente1', DEMO_PASSWORD);
  await agent.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Base de conhecimento' }).click();
  const search = agent.getByRole('searchbox', { name: 'Buscar artigos' });
  await search.fill('exclusao de dados lgpd');
  const list = agent.getByRole('navigation', { name: 'Artigos' });
  await expect(list.getByRole('link').first()).toContainText('Exclusão de dados pessoais (LGPD)');
  await search.fill('segnda via do bloeto');
  await expect(list.getByRole('link').first()).toContainText('Segunda via do boleto');
  await list.getByRole('link').first().click();
  const article = agent.getByRole('article');
  await expect(article.getByRole('heading', { level: 2, name: 'Segunda via do boleto' })).toBeVisible();

  await article.getByRole('button', { name: 'Propor alteração' }).click();
  const body = agent.getByRole('textbox', { name: 'Texto (Markdown)' });
  await body.fill(`${await body.inputValue()}\n\nO boleto também pode ser pago por **Pix** com o código do aplicativo.`);
  await agent.getByRole('button', { name: 'Enviar proposta' }).click();
  await expect(agent.getByRole('status').filter({ hasText: 'Proposta enviada para revisão.' })).toBeVisible();

  const supContext = await browser.newContext({ baseURL: server.url });
  const sup = await supContext.newPage();
  await login(sup, 'supervisor', DEMO_PASSWORD);
  await sup.evaluate(() => (window.location.hash = '#/kb'));
  await sup.getByRole('button', { name: 'Propostas' }).click();
  await sup.getByRole('navigation', { name: 'Artigos' }).getByRole('link', { name: /Segunda via do boleto/ }).click();
  await expect(sup.getByText('Proposta de alteração de “Segunda via do boleto”')).toBeVisible();
  await sup.getByRole('button', { name: 'Aceitar proposta' }).click();
  await expect(sup.getByRole('status').filter({ hasText: 'Proposta aceita.' })).toBeVisible();
  const accepted = sup.getByRole('article');
  await expect(accepted.getByRole('heading', { level: 2, name: 'Segunda via do boleto' })).toBeVisible();
  await expect(accepted.locator('.kb-markdown strong', { hasText: 'Pix' })).toBeVisible();
  await accepted.getByRole('button', { name: /Ver histórico \(2\)/ }).click();
  await expect(accepted.getByRole('list', { name: 'Histórico de versões' }).getByRole('listitem').first()).toContainText('Revisão 2 · Ana Paula Souza');
  await agentContext.close();
  await supContext.close();
});

test('an agent copies a public article’s address on the published help site', async ({ browser, server }) => {
  const admin = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
  await admin.kb.saveSettings.mutate({ publicSiteUrl: 'https://ajuda.exemplo.com.br/' });
  const context = await browser.newContext({ baseURL: server.url, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.evaluate(() => (window.location.hash = '#/kb'));
  await page.getByRole('searchbox', { name: 'Buscar artigos' }).fill('segunda via do boleto');
  await page.getByRole('navigation', { name: 'Artigos' }).getByRole('link', { name: /^Segunda via do boleto/ }).click();
  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 2, name: 'Segunda via do boleto' })).toBeVisible();
  await article.getByRole('button', { name: 'Copiar link público' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copiado.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^https:\/\/ajuda\.exemplo\.com\.br\/artigos\/[a-z0-9-]*segunda-via-do-boleto[a-z0-9-]*\.html$/);
  // Still on the app: the button copies, it does not navigate away.
  await expect(article.getByRole('heading', { level: 2, name: 'Segunda via do boleto' })).toBeVisible();
  await context.close();
});
