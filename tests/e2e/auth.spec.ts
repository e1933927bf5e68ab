import { LABELS, login } from './fixtures/app';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

const pt = LABELS['pt-BR'];

test('an agent signs in and sees the queue with the demo tickets', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const table = page.getByRole('table', { name: pt.table });
  await expect(table).toBeVisible();
  // Header row plus at least one ticket row carrying a ticket number.
  await expect(table.getByRole('row').nth(1)).toContainText(/#\d+/);
  expect(await table.getByRole('row').count()).toBeGreaterThan(5);
  await expect(page.getByRole('columnheader', { name: 'Cliente' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Conectado' })).toBeVisible();
});

test('a wrong password shows a translated error and keeps the user on the login screen', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(pt.username).fill('agente1');
  await page.getByLabel(pt.password, { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: pt.submit }).click();
  await expect(page.getByRole('alert')).toHaveText('Usuário ou senha incorretos.');
  await expect(page.getByLabel(pt.password, { exact: true })).toBeFocused();
  await expect(page.getByRole('navigation', { name: pt.nav })).toHaveCount(0);

  // The message follows the language switch (it is a key, not server text).
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('empty fields are refused before any request, with a translated message', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: pt.submit }).click();
  await expect(page.getByRole('alert')).toHaveText('Informe o usuário e a senha.');
  await expect(page.getByLabel(pt.username)).toBeFocused();
});

test('Enter in the password field submits the form', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(pt.username).fill('agente1');
  await page.getByLabel(pt.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(pt.password, { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: pt.queue })).toBeVisible();
});

test('an agent sees neither the Admin nor the Supervisor item, and cannot open them by address', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const nav = page.getByRole('navigation', { name: pt.nav });
  await expect(nav.getByRole('link')).toHaveText(['Fila', 'Clientes', 'Base de conhecimento']);
  await expect(nav.getByRole('link', { name: 'Administração' })).toHaveCount(0);

  // Typing the address is no way around it either.
  await page.goto('/#/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Página não encontrada' })).toBeVisible();
});

test('the admin sees every navigation item', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  const nav = page.getByRole('navigation', { name: pt.nav });
  await expect(nav.getByRole('link')).toHaveText(['Fila', 'Clientes', 'Supervisão', 'Base de conhecimento', 'Administração']);
  await nav.getByRole('link', { name: 'Administração' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administração' })).toBeVisible();
});

test('logout returns to the login screen, and a reload stays signed out', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.getByRole('button', { name: pt.logout }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Entrar' })).toBeVisible();
  await expect(page.getByLabel(pt.username)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(pt.username)).toBeVisible();
});

test('a reload keeps the session (token in sessionStorage)', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: pt.queue })).toBeVisible();
  await expect(page.getByRole('table', { name: pt.table })).toBeVisible();
});
