import type { Page } from '@playwright/test';
import { LABELS, login, openFirstTicket } from './fixtures/app';
import { DEMO_PASSWORD, expect, test } from './fixtures/server';

const pt = LABELS['pt-BR'];
const queueTable = (page: Page) => page.getByRole('table', { name: pt.table });
const rowOf = (page: Page, number: number) => queueTable(page).getByRole('row').filter({ hasText: new RegExp(`#${number}(?!\\d)`) });
const toast = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('an agent replies with a macro picked from the keyboard, and the macro solves the ticket', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const number = await openFirstTicket(page);

  // r: the reply box; "/" in the empty box: the macro list; type to narrow, Enter to insert.
  await page.keyboard.press('r');
  const reply = page.getByRole('textbox', { name: 'Resposta ao cliente' });
  await expect(reply).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Buscar macro' })).toBeFocused();
  await page.keyboard.type('resolvido');
  await expect(page.getByRole('option', { name: /Resolvido — encerrar/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // The body is rendered for this ticket and agent; the macro's status shows before sending.
  await expect(reply).toHaveValue(new RegExp(`Seu atendimento #${number} foi resolvido[\\s\\S]*Ana Paula Souza`));
  await expect(reply).toBeFocused();
  await expect(page.getByLabel('Depois de enviar')).toHaveValue('solved');
  await expect(page.getByRole('button', { name: 'Enviar e marcar Resolvido' })).toBeVisible();

  await page.keyboard.press('Control+Enter');
  await expect(toast(page, 'Resposta enviada.')).toBeVisible();
  await expect(reply).toHaveValue('');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('solved');

  const timeline = page.getByRole('region', { name: 'Histórico da conversa' });
  await expect(timeline.getByRole('article', { name: 'Resposta — Ana Paula Souza' }).last()).toContainText(`Seu atendimento #${number} foi resolvido`);
  await expect(timeline).toContainText(/Ana Paula Souza alterou o status: \S+ → Resolvido/);
  await expect(timeline).toContainText('pela macro Resolvido — encerrar');
});

test('two agents of one team: a take and a solve by one change the other’s queue live', async ({ browser, server }) => {
  const contextA = await browser.newContext({ baseURL: server.url });
  const contextB = await browser.newContext({ baseURL: server.url });
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await login(a, 'agente1', DEMO_PASSWORD);
  await login(b, 'agente2', DEMO_PASSWORD);

  // agente2 watches the team's unassigned tickets.
  await b.evaluate(() => {
    window.location.hash = '#/queue?assignee=unassigned';
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  const first = queueTable(b).getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const number = Number(/#(\d+)/.exec((await first.textContent()) ?? '')?.[1]);
  await expect(rowOf(b, number)).toHaveCount(1);

  // agente1 finds it by number and takes it: it leaves agente2's "unassigned" list at once.
  await a.evaluate((n) => (window.location.hash = `#/queue?text=%23${n}`), number);
  await expect(queueTable(a).getByRole('row')).toHaveCount(2);
  await rowOf(a, number).click();
  await a.getByRole('button', { name: 'Assumir' }).click();
  await expect(toast(a, `Você assumiu o ticket #${number}.`)).toBeVisible();
  await expect(rowOf(b, number)).toHaveCount(0, { timeout: 3_000 });

  // agente2 now looks at the team's queue for that number; agente1 solves it; it goes away.
  await b.evaluate((n) => (window.location.hash = `#/queue?scope=teams&text=%23${n}`), number);
  await expect(rowOf(b, number)).toContainText('Ana Paula Souza');
  await a.getByLabel('Status', { exact: true }).selectOption('solved');
  await expect(rowOf(b, number)).toHaveCount(0, { timeout: 3_000 });
  await expect(b.getByText('Nenhum ticket com estes filtros')).toBeVisible();

  // All of it without a reload.
  expect(await b.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await contextA.close();
  await contextB.close();
});

test('queue filters live in the address; a saved view keeps them, with a live count', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await expect(queueTable(page).getByRole('row').nth(1)).toBeVisible();

  await page.getByRole('button', { name: 'Canal' }).click();
  await page.getByRole('group', { name: 'Canal' }).getByLabel('E-mail').check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/queue\?channel=email$/);
  const rows = queueTable(page).getByRole('row');
  await expect(rows.nth(1)).toContainText('E-mail');
  const count = (await rows.count()) - 1;
  for (let i = 1; i <= count; i++) await expect(rows.nth(i)).toContainText('E-mail');

  await page.getByRole('button', { name: 'Salvar visão' }).click();
  const dialog = page.getByRole('dialog', { name: 'Salvar visão' });
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(dialog.getByText('Dê um nome à visão.')).toBeVisible();
  await dialog.getByLabel('Nome da visão').fill('Meus e-mails');
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(toast(page, 'Visão Meus e-mails salva.')).toBeVisible();
  const chip = page.getByRole('button', { name: /^Meus e-mails/ });
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(chip).toContainText(String(count));

  // Clearing the filter releases the view; choosing the view brings the filter back.
  await page.getByRole('button', { name: 'Limpar filtro' }).click();
  await expect(page).toHaveURL(/#\/queue$/);
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await chip.click();
  await expect(page).toHaveURL(/channel=email/);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Meus e-mails/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Canal' })).toContainText('E-mail');

  await page.getByRole('button', { name: 'Excluir a visão Meus e-mails' }).click();
  await page.getByRole('dialog', { name: 'Excluir visão' }).getByRole('button', { name: 'Excluir' }).click();
  await expect(page.getByRole('button', { name: /^Meus e-mails/ })).toHaveCount(0);
});

test('the queue works from the keyboard: search, j/k, Enter, u back; ? lists the shortcuts', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const rows = queueTable(page).getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  const second = Number(/#(\d+)/.exec((await rows.nth(2).textContent()) ?? '')?.[1]);

  await rows.nth(1).focus();
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^#${second} `) })).toBeVisible();

  // u: back to the queue, on the row the agent came from.
  await page.keyboard.press('u');
  await expect(rowOf(page, second)).toBeFocused();

  // "/": the search box; the queue narrows as typing pauses, and the address follows.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Buscar tickets' });
  await expect(search).toBeFocused();
  await page.keyboard.type(`#${second}`);
  await expect(page).toHaveURL(new RegExp(`text=%23${second}`));
  await expect(rows).toHaveCount(2);
  await search.press('Escape');
  await expect(search).toHaveValue('');

  await rows.nth(1).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Atalhos de teclado' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Escolher uma macro');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('escalating requires a team and a reason; the reason shows in the timeline', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const number = await openFirstTicket(page);
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: `Escalar o ticket #${number}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Escalar' }).click();
  await expect(dialog.getByText('Escolha a equipe de destino.')).toBeVisible();
  await expect(dialog.getByText('Informe o motivo da escalação.')).toBeVisible();
  await expect(dialog.getByLabel('Equipe de destino')).toBeFocused();

  await dialog.getByLabel('Equipe de destino').selectOption({ label: 'Suporte Técnico N2 (nível 2)' });
  await dialog.getByLabel('Motivo').fill('Modem reiniciado duas vezes; a falha volta a cada hora.');
  await dialog.getByRole('button', { name: 'Escalar' }).click();
  await expect(toast(page, `Ticket #${number} escalado.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  const timeline = page.getByRole('region', { name: 'Histórico da conversa' });
  await expect(timeline).toContainText('escalou para Suporte Técnico N2');
  await expect(timeline).toContainText('Motivo: Modem reiniciado duas vezes; a falha volta a cada hora.');
  await expect(page.getByText('Nível 2', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Equipe', { exact: true })).toHaveValue('team_n2');
});

test('a change made on a stale version says so and reloads the ticket', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  // The next ticket load reports an older version, as if someone had saved in between.
  await page.route(
    /\/trpc\/[^?]*tickets\.detail/,
    async (route) => {
      const response = await route.fetch();
      const batch = (await response.json()) as { result?: { data?: { ticket?: { version: number } } } }[];
      for (const item of batch) {
        const ticket = item.result?.data?.ticket;
        if (ticket) ticket.version -= 1;
      }
      await route.fulfill({ response, json: batch });
    },
    { times: 1 },
  );
  await openFirstTicket(page);
  const priority = page.getByLabel('Prioridade', { exact: true });
  const before = await priority.inputValue();
  const next = before === 'urgent' ? 'low' : 'urgent';
  await priority.selectOption(next);
  await expect(page.getByRole('alert').filter({ hasText: 'Outra pessoa alterou este ticket' })).toBeVisible();
  await expect(priority).toHaveValue(before);

  // After the reload the same change goes through.
  await priority.selectOption(next);
  await expect(priority).toHaveValue(next);
  await expect(page.getByRole('region', { name: 'Histórico da conversa' })).toContainText('alterou a prioridade');
});
