import { TRPCClientError } from '@trpc/client';
import type { Page } from '@playwright/test';
import { LABELS, login } from './fixtures/app';
import { apiAs } from './fixtures/api';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

const api = apiAs;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCClientError ? String(error.data?.code) : String(error);
  }
}

async function openTab(page: Page, address: string, tab: string) {
  await page.goto(address);
  await expect(page.getByRole('navigation', { name: 'Seções da administração' }).getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
}

test('an admin creates an agent in a team with skills (server errors on the fields first), and the new agent signs in', async ({ page }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await openTab(page, '/#/admin/users', 'Usuários');
  const users = page.getByRole('table', { name: 'Usuários' });
  await expect(users.getByRole('row').filter({ hasText: 'Ana Paula Souza' })).toContainText('Atendimento Geral');

  await page.getByRole('button', { name: 'Novo usuário' }).click();
  const form = page.getByRole('form', { name: 'Novo usuário' });
  await form.getByLabel('Usuário (login)').fill('agente1');
  await form.getByLabel('Nome de exibição').fill('Marina Lopes');
  await form.getByLabel('Perfil').selectOption({ label: 'Agente' });
  await form.getByLabel('Ramal').fill('20a');
  await form.getByLabel('Senha inicial', { exact: true }).fill('Marina-2026!');
  await form.getByRole('checkbox', { name: 'Canais Digitais' }).check();
  await form.getByRole('button', { name: 'Adicionar habilidade' }).click();
  const skill = form.getByRole('group', { name: 'Habilidade 1' });
  await expect(skill.getByRole('combobox', { name: 'Habilidade' })).toBeFocused();
  await skill.getByRole('combobox', { name: 'Habilidade' }).fill('whatsapp');
  await skill.getByLabel('Nível').selectOption('4');

  // The server's zod refusal lands on the extension field (translated), and focus goes there.
  await form.getByRole('button', { name: 'Criar' }).click();
  await expect(form.getByRole('alert')).toHaveText('Corrija os campos marcados.');
  await expect(form.getByLabel('Ramal')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Ramal')).toHaveAccessibleDescription(/O ramal tem de 2 a 8 dígitos\./);
  await expect(form.getByLabel('Ramal')).toBeFocused();
  await expect(form.getByLabel('Usuário (login)')).not.toHaveAttribute('aria-invalid', 'true');

  // A username already in use: the service's refusal lands on the username field.
  await form.getByLabel('Ramal').fill('2099');
  await form.getByRole('button', { name: 'Criar' }).click();
  await expect(form.getByLabel('Usuário (login)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Usuário (login)')).toHaveAccessibleDescription(/Este nome de usuário já está em uso\./);
  await expect(form.getByLabel('Ramal')).not.toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Usuário (login)').fill('marina.lopes');
  await form.getByRole('button', { name: 'Criar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Usuário Marina Lopes criado.' })).toBeVisible();
  await expect(form).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Buscar usuários' }).fill('marina');
  const row = users.getByRole('row').filter({ hasText: 'marina.lopes' });
  await expect(row).toContainText('Marina Lopes');
  await expect(row).toContainText('Agente');
  await expect(row).toContainText('2099');
  await expect(row).toContainText('Canais Digitais');
  await expect(row).toContainText('Ativo');
  await expect(users.getByRole('row')).toHaveCount(2);

  // The skills were stored with the user (a second, versioned update after the create).
  await row.getByRole('button', { name: 'Editar Marina Lopes' }).click();
  const edit = page.getByRole('form', { name: 'Editar usuário: Marina Lopes' });
  await expect(edit.getByRole('group', { name: 'Habilidade 1' }).getByRole('combobox', { name: 'Habilidade' })).toHaveValue('whatsapp');
  await expect(edit.getByRole('group', { name: 'Habilidade 1' }).getByLabel('Nível')).toHaveValue('4');
  await expect(edit.getByRole('checkbox', { name: 'Canais Digitais' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);

  // Sign out and wait for the login screen: navigating while the logout is in flight would keep the session.
  await page.getByRole('button', { name: LABELS['pt-BR'].logout }).click();
  await expect(page.getByRole('heading', { level: 1, name: LABELS['pt-BR'].submit })).toBeVisible();
  await login(page, 'marina.lopes', 'Marina-2026!');
  await expect(page.getByText('Marina Lopes', { exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: LABELS['pt-BR'].nav }).getByRole('link', { name: 'Administração' })).toHaveCount(0);
});

test("an admin switches a team to round robin with a chat capacity and it persists; a concurrent edit of a user is refused and reloaded", async ({ page, baseURL }) => {
  await login(page, 'admin', ADMIN_PASSWORD);
  await openTab(page, '/#/admin/teams', 'Equipes e distribuição');
  const teams = page.getByRole('table', { name: 'Equipes' });
  const digital = teams.getByRole('row').filter({ hasText: 'Canais Digitais' });
  await expect(digital).toContainText('1 · Linha de frente');
  await expect(digital).toContainText('Manual');

  await digital.getByRole('button', { name: 'Configurar a distribuição de Canais Digitais' }).click();
  const routing = page.getByRole('form', { name: 'Distribuição: Canais Digitais' });
  await expect(routing.getByRole('radio', { name: 'Manual' })).toBeChecked();
  await routing.getByRole('radio', { name: 'Rodízio' }).check();
  await routing.getByLabel('Chat').fill('-1');
  await routing.getByRole('button', { name: 'Salvar' }).click();
  // routing.save answers `capacity.chat: …`: shown on the chat field, translated.
  await expect(routing.getByLabel('Chat')).toHaveAttribute('aria-invalid', 'true');
  await expect(routing.getByLabel('Chat')).toHaveAccessibleDescription(/O mínimo é 0\./);
  await routing.getByLabel('Chat').fill('2');
  await routing.getByRole('checkbox', { name: 'Redistribuir também os tickets de quem entra em pausa' }).check();
  await routing.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Distribuição da equipe Canais Digitais salva.' })).toBeVisible();
  await expect(digital).toContainText('Rodízio');

  await page.reload();
  await expect(digital).toContainText('Rodízio');
  await expect(teams.getByRole('row').filter({ hasText: 'Atendimento Geral' })).toContainText('Manual');
  await digital.getByRole('button', { name: 'Configurar a distribuição de Canais Digitais' }).click();
  await expect(routing.getByRole('radio', { name: 'Rodízio' })).toBeChecked();
  await expect(routing.getByLabel('Chat')).toHaveValue('2');
  await expect(routing.getByRole('checkbox', { name: 'Redistribuir também os tickets de quem entra em pausa' })).toBeChecked();
  await page.keyboard.press('Escape');

  // The team's PBX queues: one team per queue (the demo's "atendimento" is Geral's), then saved and shown again.
  await digital.getByRole('button', { name: 'Editar Canais Digitais' }).click();
  const teamForm = page.getByRole('form', { name: 'Editar equipe: Canais Digitais' });
  await teamForm.getByLabel('Filas da central telefônica').fill('atendimento');
  await teamForm.getByRole('button', { name: 'Salvar' }).click();
  await expect(teamForm.getByLabel('Filas da central telefônica')).toHaveAttribute('aria-invalid', 'true');
  await expect(teamForm.getByLabel('Filas da central telefônica')).toHaveAccessibleDescription(/Esta fila da central já pertence a outra equipe\./);
  await teamForm.getByLabel('Filas da central telefônica').fill('whatsapp-voz, retencao');
  await teamForm.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Equipe Canais Digitais salva.' })).toBeVisible();
  await digital.getByRole('button', { name: 'Editar Canais Digitais' }).click();
  await expect(teamForm.getByLabel('Filas da central telefônica')).toHaveValue('whatsapp-voz, retencao');
  await page.keyboard.press('Escape');

  // Someone else renames agente2 while the form is open: the save is refused, the reload shows theirs.
  await openTab(page, '/#/admin/users', 'Usuários');
  await page.getByRole('button', { name: 'Editar Bruno Carvalho' }).click();
  const edit = page.getByRole('form', { name: 'Editar usuário: Bruno Carvalho' });
  await expect(edit.getByLabel('Nome de exibição')).toHaveValue('Bruno Carvalho');
  const other = await api(baseURL as string, 'admin', ADMIN_PASSWORD);
  const bruno = (await other.users.list.query()).find((u) => u.username === 'agente2');
  await other.users.update.mutate({ id: bruno!.id, version: bruno!.version, patch: { displayName: 'Bruno C. Carvalho' } });
  await edit.getByLabel('Ramal').fill('2902');
  await edit.getByRole('button', { name: 'Salvar' }).click();
  await expect(edit.getByRole('alert')).toContainText('Outra pessoa alterou este usuário enquanto você editava.');
  await edit.getByRole('button', { name: 'Recarregar' }).click();
  const reloaded = page.getByRole('form', { name: 'Editar usuário: Bruno C. Carvalho' });
  await expect(reloaded.getByLabel('Nome de exibição')).toHaveValue('Bruno C. Carvalho');
  await expect(reloaded.getByLabel('Ramal')).toHaveValue('2002');
  await reloaded.getByLabel('Ramal').fill('2902');
  await reloaded.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Usuário Bruno C. Carvalho salvo.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Usuários' }).getByRole('row').filter({ hasText: 'Bruno C. Carvalho' })).toContainText('2902');
});

test('an agent sees no admin tabs, and the users/teams/routing procedures refuse them', async ({ page, baseURL }) => {
  await login(page, 'agente1', DEMO_PASSWORD);
  await expect(page.getByRole('navigation', { name: LABELS['pt-BR'].nav }).getByRole('link', { name: 'Administração' })).toHaveCount(0);
  for (const address of ['/#/admin/users', '/#/admin/teams']) {
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'Página não encontrada' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Usuários' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Equipes e distribuição' })).toHaveCount(0);
  }
  const agent = await api(baseURL as string, 'agente1', DEMO_PASSWORD);
  const me = await agent.auth.me.query();
  expect(await codeOf(agent.users.list.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.users.create.mutate({ username: 'intruso', displayName: 'Intruso', role: 'admin', password: 'intruso-123' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.users.update.mutate({ id: me.id, version: me.version, patch: { role: 'admin' } }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.users.resetPassword.mutate({ id: me.id, password: 'outra-senha-1' }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.teams.create.mutate({ name: 'Equipe pirata', tier: 1 }))).toBe('FORBIDDEN');
  expect(await codeOf(agent.routing.settings.query())).toBe('FORBIDDEN');
  expect(await codeOf(agent.routing.save.mutate({ teamId: me.teamIds[0] ?? 'x', mode: 'manual' }))).toBe('FORBIDDEN');
});
