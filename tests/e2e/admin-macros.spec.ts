import { login } from './fixtures/app';
import { ADMIN_PASSWORD, expect, test } from './fixtures/server';

test('the admin creates a macro (placeholder errors explained), edits and deletes it', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Administração' }).click();
  const list = page.getByRole('region', { name: 'Macros' });
  await expect(list.getByRole('button', { name: /Saudação inicial/ })).toBeVisible();

  await page.getByRole('button', { name: 'Nova macro' }).click();
  const editor = page.getByRole('form', { name: 'Nova macro' });
  await editor.getByRole('button', { name: 'Criar macro' }).click();
  await expect(editor.getByText('Informe o nome da macro.')).toBeVisible();
  await expect(editor.getByText('Escreva o texto da macro.')).toBeVisible();

  await editor.getByLabel('Nome').fill('Segunda via do boleto');
  const body = editor.getByLabel('Texto');
  await body.fill('Olá, {{cliente}}! Segue a segunda via do boleto do atendimento #');
  await editor.getByRole('button', { name: 'Criar macro' }).click();
  await expect(editor.getByText('Campo desconhecido: {{cliente}}. Use os campos listados abaixo.')).toBeVisible();
  await expect(body).toHaveAttribute('aria-invalid', 'true');

  // The placeholder buttons insert at the cursor.
  await body.fill('Olá, ! Segue a segunda via do boleto do atendimento #.');
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
  await editor.getByRole('button', { name: '{{customer.first_name}}' }).click();
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length - 1, el.value.length - 1));
  await editor.getByRole('button', { name: '{{ticket.number}}' }).click();
  await expect(body).toHaveValue('Olá, {{customer.first_name}}! Segue a segunda via do boleto do atendimento #{{ticket.number}}.');
  await editor.getByLabel('Status').selectOption('pending');
  await editor.getByLabel('Adicionar tags').fill('boleto');
  await editor.getByLabel('Adicionar tags').press('Enter');
  await editor.getByRole('button', { name: 'Criar macro' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Macro Segunda via do boleto salva.' })).toBeVisible();
  const item = list.getByRole('button', { name: /Segunda via do boleto/ });
  await expect(item).toContainText('Status → Pendente · +boleto');

  // Edit: deactivate it.
  await expect(page.getByRole('form', { name: 'Editar: Segunda via do boleto' })).toBeVisible();
  await page.getByLabel('Ativa (aparece para os agentes)').uncheck();
  await page.getByRole('button', { name: 'Salvar', exact: true }).click();
  await expect(item).toContainText('Inativa');

  await page.getByRole('button', { name: 'Excluir', exact: true }).click();
  await page.getByRole('dialog', { name: 'Excluir macro' }).getByRole('button', { name: 'Excluir' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Macro Segunda via do boleto excluída.' })).toBeVisible();
  await expect(item).toHaveCount(0);
});
