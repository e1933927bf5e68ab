import { TRPCClientError } from '@trpc/client';
import { cpfWithCheckDigits } from '../../shared/br/cpf';
import { LABELS, login } from './fixtures/app';
import { apiAs } from './fixtures/api';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error);
  }
}

test('an admin reveals a CPF, finds it in the audit log by action with who and when, and follows the link back', async ({ page, baseURL }) => {
  const admin = await apiAs(baseURL as string, 'admin', ADMIN_PASSWORD);
  const me = await admin.auth.me.query();
  const cpf = cpfWithCheckDigits(String(100_000_000 + Math.floor(Math.random() * 800_000_000)));
  const customer = await admin.customers.create.mutate({ name: 'Iracema Auditada', cpf, phones: [], emails: [] });

  await login(page, 'admin', ADMIN_PASSWORD);
  await page.goto(`/#/customers/${customer.id}`);
  const profile = page.getByRole('region', { name: 'Perfil' });
  await profile.getByRole('button', { name: 'Revelar' }).click();
  await expect(profile.getByRole('button', { name: 'Ocultar' })).toBeVisible();

  await page.goto('/#/admin/audit');
  await expect(page.getByRole('navigation', { name: 'Seções da administração' }).getByRole('link', { name: 'Auditoria' })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Auditoria' });
  await expect(table).toBeVisible();
  await page.getByLabel('Ação', { exact: true }).selectOption('customer.reveal_cpf');
  const rows = table.getByRole('row').filter({ hasText: 'CPF revelado' });
  await expect(rows).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = rows.first();
  await expect(row).toContainText(me.displayName);
  const today = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short' }).format(new Date());
  await expect(row.getByRole('time')).toContainText(today);
  await expect(row).toContainText('Cliente');
  await expect(page.getByRole('status').filter({ hasText: '1 evento' })).toBeVisible();

  // Free text narrows within the action; nothing matches → the empty state.
  await page.getByLabel('Buscar na auditoria').fill('ninguém-com-este-nome');
  await expect(page.getByText('Nenhum evento com esses filtros.')).toBeVisible();
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(page.getByLabel('Ação', { exact: true })).toHaveValue('');
  await page.getByLabel('Ação', { exact: true }).selectOption('customer.reveal_cpf');

  await table.getByRole('row').filter({ hasText: 'CPF revelado' }).getByRole('link', { name: customer.id }).click();
  await expect(page).toHaveURL(new RegExp(`#/customers/${customer.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Iracema Auditada/ })).toBeVisible();
});

test('an agent cannot open the audit log, and the audit procedures refuse them', async ({ page, baseURL }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.goto('/#/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Página não encontrada' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Auditoria' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: LABELS['pt-BR'].nav }).getByRole('link', { name: 'Administração' })).toHaveCount(0);
  const agent = await apiAs(baseURL as string, 'agente1', DEMO_PASSWORD);
  expect(await codeOf(agent.audit.search.query({}))).toBe('FORBIDDEN');
  expect(await codeOf(agent.audit.actions.query())).toBe('FORBIDDEN');
});
