import { readFileSync } from 'node:fs';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { Locator, Page } from '@playwright/test';
import type { AppRouter } from '../../main/server/router';
import { LABELS, login } from './fixtures/app';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

/** The API as another client would use it (the same procedures the UI calls), signed in as `username`. */
async function api(baseURL: string, username: string, password: string) {
  const anonymous = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseURL}/trpc` })] });
  const { token } = await anonymous.auth.login.mutate({ username, password });
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseURL}/trpc`, headers: () => ({ Authorization: `Bearer ${token}` }) })] });
}

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error);
  }
}

const tile = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

/** A number shown in a locator's text ("57 resolvidos" → 57). */
async function numberIn(locator: Locator, pattern: RegExp): Promise<number> {
  const match = pattern.exec((await locator.textContent()) ?? '');
  if (!match?.[1]) throw new Error(`no number in "${await locator.textContent()}"`);
  return Number(match[1].replace(/\./g, ''));
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await download.path()) as string);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

test('the wallboard shows a queued call and a solved ticket live, ticks the wait, and has a TV mode', async ({ page, baseURL }) => {
  await login(page, 'supervisor', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Supervisão' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervisão' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Ao vivo' })).toBeVisible();
  await expect(page.getByTestId('calls-waiting')).toHaveText('0');
  await expect(page.getByRole('list', { name: 'Agentes por estado' }).getByRole('listitem').first()).toBeVisible();

  // A call enters the queue (the CTI simulator, as a PBX would send it): on the wallboard within 2 s.
  const sup = await api(baseURL as string, 'supervisor', DEMO_PASSWORD);
  await sup.cti.simulate.mutate({ callId: 'e2e-call-1', linkedId: 'e2e-call-1', state: 'queued', ani: '+55 11 98765-4321', dnis: '08007771234', queue: 'atendimento', extension: null, ivr: {}, at: new Date().toISOString() });
  await expect(page.getByTestId('calls-waiting')).toHaveText('1', { timeout: 2_000 });
  const waiting = page.getByRole('list', { name: 'Ligações em espera' });
  await expect(waiting).toContainText('Final 4321');
  // The longest wait ticks on its own, second by second.
  const longest = page.getByTestId('longest-wait');
  const first = await longest.textContent();
  await expect(longest).not.toHaveText(first ?? '', { timeout: 3_000 });

  // An agent solves one of their tickets through the API: today's solved count moves at once.
  const fcr = tile(page, 'FCR');
  const solvedBefore = await numberIn(fcr, /([\d.]+) resolvidos?/);
  const agent = await api(baseURL as string, 'agente1', DEMO_PASSWORD);
  const mine = await agent.tickets.list.query({ limit: 50, filter: { scope: 'mine' } });
  const target = mine.items.find((t) => t.teamId !== null);
  if (!target) throw new Error('agente1 has no ticket with a team');
  await agent.tickets.addMessage.mutate({ id: target.id, version: target.version, kind: 'reply', body: 'Resolvido, obrigado pelo contato.', workSeconds: 120, setStatus: 'solved' });
  await expect(fcr).toContainText(`${solvedBefore + 1} resolvidos`, { timeout: 2_000 });

  // The call is answered: it leaves the queue.
  await sup.cti.simulate.mutate({ callId: 'e2e-call-1', linkedId: 'e2e-call-1', state: 'answered', ani: '+55 11 98765-4321', dnis: '08007771234', queue: 'atendimento', extension: '2001', ivr: {}, at: new Date().toISOString() });
  await expect(page.getByTestId('calls-waiting')).toHaveText('0', { timeout: 2_000 });

  // TV mode: the whole window, no navigation; Esc goes back.
  await page.getByRole('button', { name: 'Modo TV' }).click();
  const tv = page.getByRole('region', { name: 'Painel da operação em modo TV' });
  await expect(tv).toBeVisible();
  await expect(page).toHaveURL(/#\/supervisor\/tv$/);
  await expect(tv.getByTestId('tv-calls-waiting')).toHaveText('0');
  const box = await tv.boundingBox();
  expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  await page.keyboard.press('Escape');
  await expect(tv).toHaveCount(0);
  await expect(page).toHaveURL(/#\/supervisor$/);
  await expect(page.getByRole('navigation', { name: LABELS['pt-BR'].nav })).toBeVisible();
});

test('reports: change the range, drill down from a chart point, export CSV with BOM, separator and accents', async ({ page }) => {
  await login(page, 'supervisor', DEMO_PASSWORD);
  await page.goto('/#/supervisor/reports');
  await expect(page.getByRole('heading', { level: 2, name: 'TMA ao longo do tempo' })).toBeVisible();
  const period = page.getByTestId('report-period');
  const last30 = await period.textContent();

  // 7 days: the address keeps it, the period label and the charts follow.
  await page.getByRole('group', { name: 'Período' }).getByRole('button', { name: '7 dias' }).click();
  await expect(page).toHaveURL(/preset=last7/);
  await expect(period).not.toHaveText(last30 ?? '');
  await expect(page.getByRole('group', { name: 'Período' }).getByRole('button', { name: '7 dias' })).toHaveAttribute('aria-pressed', 'true');

  // A custom range of three days: the table view of the TMA chart has exactly three rows.
  await page.getByRole('group', { name: 'Período' }).getByRole('button', { name: 'Personalizado' }).click();
  const to = await page.getByLabel('Até', { exact: true }).inputValue();
  const from = new Date(Date.parse(`${to}T12:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('De', { exact: true }).fill(from);
  await expect(page).toHaveURL(new RegExp(`preset=custom&from=${from}&to=${to}`));
  const tmaCard = page.getByRole('region', { name: 'TMA ao longo do tempo' });
  await tmaCard.getByRole('button', { name: 'Ver como tabela' }).click();
  await expect(tmaCard.getByRole('row')).toHaveCount(4);
  await tmaCard.getByRole('button', { name: 'Ver gráfico' }).click();

  // Click a point of the TMA chart: the records behind it, with links to their tickets.
  await tmaCard.locator('.recharts-surface').click({ position: { x: 200, y: 110 } });
  const dialog = page.getByRole('dialog', { name: /^TMA · / });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('table', { name: 'Registros por trás do indicador' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const count = await numberIn(dialog.getByText(/registros?$/), /([\d.]+) registros?/);
  expect(count).toBeGreaterThan(0);
  await expect(rows).toHaveCount(Math.min(count, 300) + 1);
  await expect(rows.nth(1).getByRole('link').first()).toHaveAttribute('href', /^#\/(tickets|customers)\//);
  const firstSubject = (await rows.nth(1).getByRole('cell').nth(2).textContent())?.trim() ?? '';

  // CSV of the drill-down: UTF-8 BOM, `;` (pt-BR default), the same records.
  const drillCsv = await downloadText(page, () => dialog.getByRole('button', { name: 'Exportar CSV' }).click());
  expect([...drillCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const drillLines = drillCsv.text.slice(1).trimEnd().split('\r\n');
  expect(drillLines[0]).toBe('Quando;Tipo;Ticket;Assunto;Canal;Cliente;Agente;Valor (s);Resultado');
  expect(drillLines).toHaveLength(count + 1);
  expect(drillCsv.text).toContain(firstSubject);
  expect(drillCsv.name).toMatch(/^atende-tma-.*\.csv$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Agents table: sortable, and its CSV keeps accents ("Ocupação") and pt-BR decimals.
  const agentsTable = page.getByRole('table', { name: 'Desempenho por agente no período' });
  await agentsTable.getByRole('button', { name: 'Agente' }).click();
  await expect(agentsTable.getByRole('columnheader', { name: /Agente/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await agentsTable.locator('tbody th').allTextContents();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'pt-BR')));
  const agentsCsv = await downloadText(page, () => page.getByRole('button', { name: 'Exportar CSV: Desempenho por agente' }).click());
  expect([...agentsCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(agentsCsv.text).toContain('Agente;Atendimentos;TMA (s);FCR (%);CSAT (%);Ocupação (%)');
  expect(agentsCsv.text).toMatch(/\r\n[^;\r\n]+;\d+;\d+(,\d+)?;/);
  expect(agentsCsv.text).not.toMatch(/\d\.\d/);

  // The `,` separator: decimal point, same accents.
  await page.getByLabel('Separador do CSV').selectOption(',');
  const commaCsv = await downloadText(page, () => page.getByRole('button', { name: 'Exportar CSV: Desempenho por agente' }).click());
  expect([...commaCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(commaCsv.text).toContain('Agente,Atendimentos,TMA (s),FCR (%),CSAT (%),Ocupação (%)');

  // A series: one line per day of the range, the target beside it.
  const fcrCsv = await downloadText(page, () => page.getByRole('button', { name: 'Exportar CSV: FCR ao longo do tempo' }).click());
  const fcrLines = fcrCsv.text.slice(1).trimEnd().split('\r\n');
  expect(fcrLines[0]).toBe('Data,Período,FCR (%),Meta FCR (%)');
  expect(fcrLines).toHaveLength(4);
  // The day's label has a comma ("sáb., 21/11/2026"): quoted.
  expect(fcrLines[1]).toMatch(new RegExp(`^${from},"[^"]+",(\\d+(\\.\\d+)?)?,75$`));
});

test('an admin changes a target; the wallboard tile follows', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.goto('/#/supervisor');
  await expect(tile(page, 'TMA')).toContainText('Meta ≤ 6:00');
  await page.getByRole('button', { name: 'Metas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Metas dos indicadores' });
  await dialog.getByLabel('TMA', { exact: true }).fill('cinco minutos');
  await dialog.getByRole('button', { name: 'Salvar metas' }).click();
  await expect(dialog.getByLabel('TMA', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('TMA', { exact: true }).fill('5:00');
  await dialog.getByLabel('FCR', { exact: true }).fill('80');
  await dialog.getByRole('button', { name: 'Salvar metas' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tile(page, 'TMA')).toContainText('Meta ≤ 5:00', { timeout: 2_000 });
  await expect(tile(page, 'FCR')).toContainText('Meta ≥ 80%');
});

test('an agent cannot open the supervisor screens, and the procedures refuse them', async ({ page, baseURL }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: LABELS['pt-BR'].nav }).getByRole('link', { name: 'Supervisão' })).toHaveCount(0);
  for (const address of ['/#/supervisor', '/#/supervisor/reports', '/#/supervisor/tv']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'Página não encontrada' })).toBeVisible();
    await expect(page.getByTestId('calls-waiting')).toHaveCount(0);
  }
  const agent = await api(baseURL as string, 'agente1', DEMO_PASSWORD);
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  expect(await codeOf(agent.wallboard.snapshot.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.wallboard.targets.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.wallboard.setTargets.mutate({ tma: 1 }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.reports.options.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.reports.volume.query({ from: today, to: tomorrow, bucket: 'day' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.reports.drilldown.query({ from: today, to: tomorrow, kpi: 'volume' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.cti.simulate.mutate({ callId: 'x', linkedId: 'x', state: 'queued', ani: null, dnis: null, queue: null, extension: null, ivr: {}, at: new Date().toISOString() }))).toBe('FORBIDDEN');
});
