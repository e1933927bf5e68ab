import { TRPCClientError } from '@trpc/client';
import type { Page } from '@playwright/test';
import { apiAs } from './fixtures/api';
import { LABELS, login } from './fixtures/app';
import { postInbound, uniqueId } from './fixtures/channels';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error);
  }
}

/** Opens the Pesquisas tab from the supervisor screen's tabs, as a person would. */
async function openSurveysTab(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: LABELS['pt-BR'].nav }).getByRole('link', { name: 'Supervisão' }).click();
  await page.getByRole('navigation', { name: 'Telas de supervisão' }).getByRole('link', { name: 'Pesquisas' }).click();
  await expect(page).toHaveURL(/#\/supervisor\/surveys$/);
  await expect(page.getByRole('navigation', { name: 'Telas de supervisão' }).getByRole('link', { name: 'Pesquisas' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: 'Acompanhamentos de pesquisas' })).toBeVisible();
}

test('a low score answered through the endpoint shows live on the Pesquisas tab; the supervisor opens the ticket and completes the follow-up', async ({ page, server }) => {
  const r = await postInbound(server.url, {
    channel: 'whatsapp',
    conversationId: uniqueId('conv'),
    externalId: uniqueId('msg'),
    sender: { name: 'Marta Nogueira', phone: '+5511970009876' },
    text: 'O pedido chegou quebrado e ninguém me respondeu.',
    sentAt: new Date().toISOString(),
  });
  expect(r.status).toBe(200);
  const ticketId = r.body.ticketId as string;
  const ticketNumber = r.body.ticketNumber as number;

  // A survey link for the ticket (the token is only in the link: it is stored hashed).
  const supervisorApi = await apiAs(server.url, 'supervisor', DEMO_PASSWORD);
  const sent = await supervisorApi.surveys.send.mutate({ ticketId });
  const csat = sent.find((s) => s.survey.kind === 'csat');
  const token = (/\/surveys\/([A-Za-z0-9_-]{32})$/.exec(csat?.url ?? '') ?? [])[1];
  if (!token) throw new Error(`no CSAT link in ${JSON.stringify(sent)}`);
  // Supervisors read the settings but do not change them.
  expect(await codeOf(supervisorApi.surveys.saveSettings.mutate({ expiryDays: 3 }))).toBe('FORBIDDEN');

  await login(page, 'supervisor', DEMO_PASSWORD);
  await openSurveysTab(page);
  const settings = page.getByRole('region', { name: 'Configurações das pesquisas' });
  await expect(settings).toContainText('Só administradores alteram estas configurações.');
  await expect(settings).toContainText('A cada 90 dias');
  await expect(settings.getByRole('button', { name: 'Salvar configurações' })).toHaveCount(0);

  const panel = page.getByRole('region', { name: 'Acompanhamentos de pesquisas' });
  const item = panel.getByRole('listitem').filter({ hasText: `Ticket #${ticketNumber}` });
  await expect(item).toHaveCount(0);
  // Marks this page load: if the list only updated through a reload, the mark would be gone.
  await page.evaluate(() => ((window as unknown as { surveyMark: string }).surveyMark = 'same page'));

  const answer = await fetch(`${server.url}/surveys/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 1, comment: 'Péssimo, ninguém resolveu.' }) });
  expect(answer.status).toBe(200);

  await expect(item).toHaveCount(1);
  await expect(item).toContainText('O pedido chegou quebrado');
  await expect(item).toContainText('Cliente: Marta Nogueira');
  await expect(item).toContainText('Péssimo, ninguém resolveu.');
  await expect(item).toContainText('Nota: CSAT 1 de 5');
  expect(await page.evaluate(() => (window as unknown as { surveyMark?: string }).surveyMark)).toBe('same page');

  // The ticket link opens the ticket; back to the tab, the follow-up is still there.
  await item.getByRole('link', { name: `Ticket #${ticketNumber}` }).click();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^#${ticketNumber} `) })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/supervisor\/surveys$/);
  await expect(item).toHaveCount(1);

  // Completed with what was done, it leaves the list.
  await item.getByRole('button', { name: 'Concluir' }).click();
  const dialog = page.getByRole('dialog', { name: 'Concluir acompanhamento' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Concluir' })).toBeDisabled();
  await dialog.getByLabel('O que foi feito').fill('Liguei para a cliente e reenviamos o pedido.');
  await dialog.getByRole('button', { name: 'Concluir' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Acompanhamento concluído.' })).toBeVisible();
  await expect(item).toHaveCount(0);
  const done = await supervisorApi.surveys.followUps.query({ status: 'done' });
  expect(done.find((task) => task.ticketId === ticketId)?.resolution).toBe('Liguei para a cliente e reenviamos o pedido.');
});

test('an admin saves the survey settings: an invalid public address is refused on the field, a valid one is kept', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await openSurveysTab(page);
  const settings = page.getByRole('region', { name: 'Configurações das pesquisas' });
  await expect(settings).toContainText('Pesquisas não publicadas');
  const address = settings.getByLabel('Endereço público das pesquisas');
  const nps = settings.getByLabel('Intervalo do NPS');
  const expiry = settings.getByLabel('Validade do link');
  const csatOnSolve = settings.getByLabel('Enviar pesquisa CSAT ao resolver um ticket');
  await expect(address).toHaveValue('');
  await expect(nps).toHaveValue('90');
  await expect(expiry).toHaveValue('7');
  await expect(csatOnSolve).toBeChecked();

  // Refused by the server (zod): the message is on the field, and focus goes there.
  await address.fill('atende.empresa');
  await expiry.fill('120');
  await settings.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.getByText('Informe um endereço completo com http:// ou https://')).toBeVisible();
  await expect(expiry).toHaveAttribute('aria-invalid', 'true');
  await expect(settings.getByText('O máximo é 90.')).toBeVisible();
  await expect(settings.getByRole('alert')).toHaveText('Corrija os campos marcados.');
  await expect(expiry).toBeFocused();

  await address.fill('https://pesquisas.example.com.br');
  await expiry.fill('10');
  await nps.fill('0');
  await csatOnSolve.uncheck();
  await settings.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Configurações das pesquisas salvas.' })).toBeVisible();
  await expect(address).not.toHaveAttribute('aria-invalid', 'true');
  await expect(settings.getByRole('alert')).toHaveCount(0);
  await expect(settings).not.toContainText('Pesquisas não publicadas');

  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Configurações das pesquisas' })).toBeVisible();
  await expect(address).toHaveValue('https://pesquisas.example.com.br');
  await expect(expiry).toHaveValue('10');
  await expect(nps).toHaveValue('0');
  await expect(csatOnSolve).not.toBeChecked();
});

test('an agent cannot open the Pesquisas tab, and the follow-up procedures refuse them', async ({ page, baseURL }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.goto('/#/supervisor/surveys');
  await expect(page.getByRole('heading', { level: 1, name: 'Página não encontrada' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Acompanhamentos de pesquisas' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Configurações das pesquisas' })).toHaveCount(0);
  const agent = await apiAs(baseURL as string, 'agente1', DEMO_PASSWORD);
  expect(await codeOf(agent.surveys.followUps.query({ status: 'open' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.surveys.completeFollowUp.mutate({ id: 'tsk_x', version: 0, resolution: 'x' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.surveys.settings.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.surveys.saveSettings.mutate({ publicUrl: null }))).toBe('FORBIDDEN');
});
