import { LABELS, login } from './fixtures/app';
import { DEMO_PASSWORD, expect, test } from './fixtures/server';

test('switching to English translates the app, survives a reload, and switches back', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.getByRole('button', { name: 'English' }).click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: LABELS.en.queue })).toBeVisible();
  const nav = page.getByRole('navigation', { name: LABELS.en.nav });
  await expect(nav.getByRole('link')).toHaveText(['Queue', 'Customers', 'Knowledge base']);
  await expect(page.getByRole('button', { name: LABELS.en.logout })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Customer' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: LABELS.en.queue })).toBeVisible();

  await page.getByRole('button', { name: 'Português (Brasil)' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(page.getByRole('heading', { level: 1, name: LABELS['pt-BR'].queue })).toBeVisible();
  await expect(page.getByRole('button', { name: LABELS['pt-BR'].logout })).toBeVisible();
});

test('the login screen can switch language before signing in', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel(LABELS.en.username)).toBeVisible();
  await expect(page.getByRole('button', { name: LABELS.en.submit })).toBeVisible();
});

test('the dark theme toggles, is remembered, and toggles back', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Tema escuro' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(12, 17, 23)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.getByRole('button', { name: 'Tema escuro' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test('first run follows the system colour scheme', async ({ browser, server }) => {
  const context = await browser.newContext({ colorScheme: 'dark', baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await context.close();
});

test('Alt+number opens navigation items from the keyboard', async ({ page }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Clientes' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Clientes' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Fila' })).toBeVisible();
});

test('the connection indicator reports a lost server', async ({ page, server }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  const indicator = page.getByRole('status').filter({ hasText: /Conectado|Reconectando|Sem conexão/ });
  await expect(indicator).toHaveText(/Conectado/);
  await server.stop();
  await expect(indicator).toHaveText(/Reconectando…|Sem conexão/);
});
