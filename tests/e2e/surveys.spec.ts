import { login } from './fixtures/app';
import { postInbound, uniqueId } from './fixtures/channels';
import { DEMO_PASSWORD, expect, test } from './fixtures/server';

/** Calls a tRPC query over HTTP with a bearer token (what the browser client does). */
async function trpcQuery<T>(baseUrl: string, token: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${token}` } });
  const json = (await res.json()) as { result?: { data: T } };
  if (!json.result) throw new Error(`${path}: ${JSON.stringify(json)}`);
  return json.result.data;
}

async function apiLogin(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const json = (await res.json()) as { result: { data: { token: string } } };
  return json.result.data.token;
}

const localDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(d);

test('a survey answered through the endpoint shows on the ticket and moves CSAT', async ({ page, server }) => {
  const r = await postInbound(server.url, {
    channel: 'whatsapp',
    conversationId: uniqueId('conv'),
    externalId: uniqueId('msg'),
    sender: { name: 'Rogério Lima', phone: '+5511970005678' },
    text: 'Meu boleto não chegou, como faço para pagar?',
    sentAt: new Date().toISOString(),
  });
  expect(r.status).toBe(200);
  const token = await apiLogin(server.url, 'supervisor', DEMO_PASSWORD);
  const today = localDate(new Date());
  const tomorrow = localDate(new Date(Date.now() + 86_400_000));
  const csatBefore = (await trpcQuery<{ csat: { answers: number } }>(server.url, token, 'metrics.summary', { from: today, to: tomorrow })).csat.answers;

  // The supervisor answers and solves the ticket from the composer.
  await login(page, 'supervisor', DEMO_PASSWORD);
  await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), r.body.ticketId as string);
  await expect(page.getByRole('heading', { level: 1, name: /^#\d+ / })).toBeVisible();
  await page.getByRole('textbox', { name: 'Resposta ao cliente' }).fill('Enviei a segunda via para o seu e-mail.');
  await page.getByLabel('Depois de enviar').selectOption('solved');
  await page.getByRole('button', { name: 'Enviar e marcar Resolvido' }).click();

  // Solving created the survey; a fresh link is the only way to read a token (it is stored hashed).
  const survey = page.getByRole('region', { name: 'Pesquisa de satisfação' });
  const csat = survey.getByTestId('survey-item').filter({ hasText: 'CSAT' });
  await expect(csat).toContainText('Aguardando resposta');
  await csat.getByRole('button', { name: 'Gerar novo link' }).click();
  const link = csat.getByRole('textbox', { name: 'Link da pesquisa' });
  await expect(link).toHaveValue(/\/surveys\/[A-Za-z0-9_-]{32}$/);
  const surveyToken = (/\/surveys\/([A-Za-z0-9_-]{32})$/.exec(await link.inputValue()) ?? [])[1] as string;

  // The customer opens the page (no script, plain form) and answers through the endpoint.
  const form = await fetch(`${server.url}/surveys/${surveyToken}`);
  expect(form.status).toBe(200);
  expect(await form.text()).toContain('Como você avalia o atendimento que recebeu?');
  const answer = await fetch(`${server.url}/surveys/${surveyToken}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 5, comment: 'Resolveram rapidinho, obrigado!' }) });
  expect(answer.status).toBe(200);
  const again = await fetch(`${server.url}/surveys/${surveyToken}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 1 }) });
  expect(again.status).toBe(409);

  // Live on the ticket, and counted in CSAT.
  await expect(csat).toContainText('5 de 5');
  await expect(csat).toContainText('Resolveram rapidinho, obrigado!');
  await expect.poll(async () => (await trpcQuery<{ csat: { answers: number } }>(server.url, token, 'metrics.summary', { from: today, to: tomorrow })).csat.answers).toBe(csatBefore + 1);
});

test('a score the customer types back on WhatsApp answers the CSAT live without reopening; a supervisor sends a new survey and copies its link', async ({ page, server }) => {
  const conversationId = uniqueId('conv');
  const customer = { name: 'Sílvia Prado', phone: '+5511970007788' };
  const first = await postInbound(server.url, { channel: 'whatsapp', conversationId, externalId: uniqueId('msg'), sender: customer, text: 'Quero trocar a data de vencimento.', sentAt: new Date().toISOString() });
  expect(first.status).toBe(200);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, 'supervisor', DEMO_PASSWORD);
  await page.evaluate((id) => (window.location.hash = `#/tickets/${id}`), first.body.ticketId as string);
  await expect(page.getByRole('heading', { level: 1, name: /^#\d+ / })).toBeVisible();
  await page.getByRole('textbox', { name: 'Resposta ao cliente' }).fill('Pronto, o vencimento agora é dia 10.');
  await page.getByLabel('Depois de enviar').selectOption('solved');
  await page.getByRole('button', { name: 'Enviar e marcar Resolvido' }).click();
  const survey = page.getByRole('region', { name: 'Pesquisa de satisfação' });
  const csat = survey.getByTestId('survey-item').filter({ hasText: 'CSAT' });
  await expect(csat).toContainText('Aguardando resposta');
  // While a CSAT is waiting, no second one can be sent.
  await expect(survey.getByRole('button', { name: 'Enviar pesquisa' })).toHaveCount(0);

  const reply = await postInbound(server.url, { channel: 'whatsapp', conversationId, externalId: uniqueId('msg'), sender: customer, text: '4 - resolveram rápido', sentAt: new Date().toISOString() });
  expect(reply.status).toBe(200);
  expect(reply.body.surveyAnswered).toMatchObject({ kind: 'csat', score: 4 });
  await expect(csat).toContainText('4 de 5');
  await expect(csat).toContainText('resolveram rápido');
  // The ticket stays solved; the customer's message is in the conversation.
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('solved');
  await expect(page.getByText('4 - resolveram rápido', { exact: true })).toBeVisible();

  // Nothing waits any more: a new survey can be sent, and its link copied.
  await survey.getByRole('button', { name: 'Enviar pesquisa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pesquisa criada.' })).toBeVisible();
  const link = survey.getByRole('textbox', { name: 'Link da pesquisa' });
  await expect(link).toHaveValue(/\/surveys\/[A-Za-z0-9_-]{32}$/);
  await survey.getByRole('button', { name: 'Copiar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copiado.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
});
