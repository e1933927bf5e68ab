import { postInbound, uniqueId } from './fixtures/channels';
import { login } from './fixtures/app';
import { DEMO_PASSWORD, expect, test } from './fixtures/server';
import { SAFE_TEXT, xssEmailHtml } from './fixtures/xss-payloads';

test('an e-mail full of XSS payloads shows its text on the ticket and runs nothing', async ({ page, server }) => {
  const delivered = await postInbound(server.url, {
    channel: 'email',
    conversationId: `<${uniqueId('thread')}@mail.example>`,
    externalId: `<${uniqueId('msg')}@mail.example>`,
    sender: { name: 'Remetente Malicioso', email: `xss.${Date.now()}@mail.example` },
    subject: 'Pedido 4471 — problema na entrega',
    text: `${SAFE_TEXT}.`,
    html: xssEmailHtml(),
    sentAt: new Date().toISOString(),
  });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await login(page, 'agente1', DEMO_PASSWORD);
  await page.goto(`/#/tickets/${delivered.body.ticketId}`);
  await expect(page.getByRole('heading', { level: 1, name: `#${delivered.body.ticketNumber} Pedido 4471 — problema na entrega` })).toBeVisible();

  const message = page.getByRole('region', { name: 'Histórico da conversa' }).getByRole('article', { name: 'Cliente — Remetente Malicioso' });
  await expect(message).toContainText(SAFE_TEXT);
  await expect(message.getByRole('link', { name: 'Ver pedido' })).toHaveAttribute('href', 'https://loja.example/pedido/4471');
  await expect(message).toContainText('2 imagens bloqueadas por segurança');

  // Hover and click what is left, then give late handlers (onload, onerror, refresh) time to fire.
  await message.getByText('passe o mouse').hover();
  await message.getByText('clique aqui').click();
  await page.waitForTimeout(500);

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  // The message body (the header around it carries the app's own icons).
  const html = message.locator('.email-html');
  await expect(html).toHaveCount(1);
  const body = html.locator('*');
  expect(await body.evaluateAll((els) => els.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)))).toEqual([]);
  for (const selector of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'meta', 'base', '[style]', '[href^="javascript"]', '[src^="http"]']) {
    await expect(html.locator(selector), selector).toHaveCount(0);
  }
  // The app is intact: no overlay, still on the same ticket, still signed in.
  await expect(page.getByRole('navigation', { name: 'Navegação principal' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${delivered.body.ticketId}$`));
  expect(consoleErrors.filter((e) => !/Content Security Policy|Refused to/.test(e))).toEqual([]);
});
