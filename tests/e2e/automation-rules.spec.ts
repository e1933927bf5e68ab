import type { Page } from '@playwright/test';
import { postInbound, uniqueId } from './fixtures/channels';
import { login } from './fixtures/app';
import { apiAs } from './fixtures/api';
import { ADMIN_PASSWORD, DEMO_PASSWORD, expect, test } from './fixtures/server';

/** A mobile number no demo customer has. */
function freshMobile(): string {
  const rest = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  return `(11) 9${rest.slice(0, 4)}-${rest.slice(4)}`;
}

async function whatsapp(url: string, phone: string, name: string, text: string) {
  const delivered = await postInbound(url, {
    channel: 'whatsapp',
    conversationId: uniqueId('wa'),
    externalId: uniqueId('wamid'),
    sender: { name, phone },
    text,
    sentAt: new Date().toISOString(),
  });
  expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
  return { ticketNumber: delivered.body.ticketNumber as number, customerId: delivered.body.customerId as string };
}

async function openRules(page: Page) {
  await page.goto('/#/admin/rules');
  await expect(page.getByRole('navigation', { name: 'Seções da administração' }).getByRole('link', { name: 'Automações' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Nova regra' }).click();
  return page.getByRole('form', { name: 'Nova regra' });
}

test('an admin builds "WhatsApp + tag vip → urgent, team VIP" and a new WhatsApp message from a vip customer lands in the VIP queue as urgent', async ({ page, server }) => {
  const phone = freshMobile();
  // The customer writes once (and is registered), then the admin marks them vip.
  const first = await whatsapp(server.url, phone, 'Helena Prado', 'Oi, quero saber do meu pedido.');
  await login(page, 'admin', ADMIN_PASSWORD);
  await page.goto(`/#/customers/${first.customerId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Helena Prado' })).toBeVisible();
  await page.getByRole('button', { name: 'Editar perfil' }).click();
  const profile = page.getByRole('dialog', { name: 'Editar perfil' });
  await profile.getByLabel('Tags').fill('vip');
  await profile.getByRole('button', { name: 'Salvar' }).click();
  await expect(profile).toHaveCount(0);

  const editor = await openRules(page);
  const ruleName = 'WhatsApp + vip → urgente, equipe VIP';
  await editor.getByLabel('Nome da regra').fill(ruleName);
  await expect(editor.getByLabel('Quando')).toHaveValue('ticket_created');
  await editor.getByRole('button', { name: 'Adicionar condição' }).click();
  const c1 = editor.getByRole('group', { name: 'Condição 1' });
  await c1.getByLabel('Campo').selectOption({ label: 'Canal' });
  await c1.getByLabel('Operador').selectOption({ label: 'é' });
  await c1.getByLabel('Valor').selectOption({ label: 'WhatsApp' });
  await editor.getByRole('button', { name: 'Adicionar condição' }).click();
  const c2 = editor.getByRole('group', { name: 'Condição 2' });
  await c2.getByLabel('Campo').selectOption({ label: 'Tags do cliente' });
  await expect(c2.getByLabel('Operador')).toHaveValue('contains');
  // A tag with a space: the server refuses it and its message shows on that condition.
  await c2.getByLabel('Valor').fill('cliente vip');
  const a1 = editor.getByRole('group', { name: 'Ação 1' });
  await a1.getByLabel('Ação', { exact: true }).selectOption({ label: 'Definir campo' });
  await a1.getByLabel('Campo').selectOption({ label: 'Prioridade' });
  await a1.getByLabel('Novo valor').selectOption({ label: 'Urgente' });
  await editor.getByRole('button', { name: 'Adicionar ação' }).click();
  const a2 = editor.getByRole('group', { name: 'Ação 2' });
  await a2.getByLabel('Ação', { exact: true }).selectOption({ label: 'Atribuir à equipe' });
  await a2.getByLabel('Equipe').selectOption({ label: 'Atendimento VIP' });

  await editor.getByRole('button', { name: 'Criar regra' }).click();
  await expect(editor.getByRole('alert')).toContainText('Corrija os campos marcados.');
  await expect(c2.getByText('a tag has no spaces or commas')).toBeVisible();
  await expect(c2.getByLabel('Valor')).toHaveAttribute('aria-invalid', 'true');
  await expect(c1.getByLabel('Valor')).not.toHaveAttribute('aria-invalid', 'true');

  await c2.getByLabel('Valor').fill('vip');
  await editor.getByRole('button', { name: 'Criar regra' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Regra ${ruleName} salva.` })).toBeVisible();
  const rules = page.getByRole('region', { name: 'Regras de automação' });
  await expect(rules.getByRole('listitem').filter({ hasText: ruleName })).toContainText('Ticket criado · 2 condições · 2 ações');
  await expect(rules.getByRole('checkbox', { name: `Regra ${ruleName} ativa` })).toBeChecked();

  // The vip customer writes again in a new conversation: a new ticket, shaped by the rule.
  const second = await whatsapp(server.url, phone, 'Helena Prado', 'Preciso trocar o endereço de entrega com urgência.');
  expect(second.ticketNumber).not.toBe(first.ticketNumber);

  await page.goto('/#/queue?scope=all');
  await page.getByRole('button', { name: 'Equipe', exact: true }).click();
  await page.getByRole('group', { name: 'Equipe' }).getByRole('checkbox', { name: 'Atendimento VIP' }).check();
  await page.keyboard.press('Escape');
  const table = page.getByRole('table', { name: 'Tickets da fila' });
  const row = table.getByRole('row').filter({ hasText: `#${second.ticketNumber}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Urgente');
  await expect(table.getByRole('row').filter({ hasText: `#${first.ticketNumber}` })).toHaveCount(0);

  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^#${second.ticketNumber} `) })).toBeVisible();
  const properties = page.getByRole('region', { name: 'Dados do ticket' });
  await expect(properties.getByLabel('Prioridade')).toHaveValue('urgent');
  await expect(properties.getByLabel('Equipe').locator('option:checked')).toHaveText('Atendimento VIP');
});

test('the dry run shows which conditions hold on a ticket and what would change', async ({ page, server }) => {
  const sample = await whatsapp(server.url, freshMobile(), 'Caio Tavares', 'Bom dia, o boleto não chegou.');
  await login(page, 'admin', ADMIN_PASSWORD);
  const editor = await openRules(page);
  await editor.getByLabel('Nome da regra').fill('Teste de condições');
  await editor.getByRole('button', { name: 'Adicionar condição' }).click();
  await editor.getByRole('group', { name: 'Condição 1' }).getByLabel('Valor').selectOption({ label: 'WhatsApp' });
  await editor.getByRole('button', { name: 'Adicionar condição' }).click();
  const c2 = editor.getByRole('group', { name: 'Condição 2' });
  await c2.getByLabel('Campo').selectOption({ label: 'Tags do cliente' });
  await c2.getByLabel('Valor').fill('vip');
  await editor.getByRole('group', { name: 'Ação 1' }).getByLabel('Novo valor').selectOption({ label: 'Urgente' });

  const panel = page.getByRole('region', { name: 'Testar com um ticket' });
  await panel.getByLabel('Número do ticket').fill('abc');
  await panel.getByRole('button', { name: 'Testar' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Informe o número do ticket (só dígitos).');
  await panel.getByLabel('Número do ticket').fill('999999');
  await panel.getByRole('button', { name: 'Testar' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Ticket #999999 não encontrado.');

  await panel.getByLabel('Número do ticket').fill(String(sample.ticketNumber));
  await panel.getByRole('button', { name: 'Testar' }).click();
  const result = panel.getByRole('region', { name: `Resultado no ticket #${sample.ticketNumber}` });
  await expect(result.getByRole('status')).toHaveText('A regra não dispararia: as condições não valem.');
  const lines = result.getByRole('listitem');
  await expect(lines.nth(0)).toContainText('Vale');
  await expect(lines.nth(0)).toContainText('Canal é WhatsApp — no ticket: WhatsApp');
  await expect(lines.nth(1)).toContainText('Não vale');
  await expect(lines.nth(1)).toContainText('Tags do cliente contém vip — no ticket: vazio');

  // Any condition is enough: now it would fire, and the preview says what changes.
  await editor.getByRole('radio', { name: 'Qualquer condição' }).click();
  await panel.getByRole('button', { name: 'Testar' }).click();
  await expect(result.getByRole('status')).toHaveText('A regra dispararia neste ticket.');
  await expect(result).toContainText(/Prioridade: \S+ → Urgente/);
});

test("a rule's notify-users action shows the named agent a notice that opens the ticket", async ({ page, server }) => {
  const admin = await apiAs(server.url, 'admin', ADMIN_PASSWORD);
  const agente1 = (await admin.users.list.query()).find((u) => u.username === 'agente1');
  await admin.automation.save.mutate({
    name: 'Avisar sobre WhatsApp',
    trigger: 'ticket_created',
    conditions: { match: 'all', items: [{ field: 'channel', op: 'is', value: 'whatsapp' }] },
    actions: [{ type: 'notify_users', userIds: [agente1?.id ?? ''] }],
  });
  await login(page, 'agente1', DEMO_PASSWORD);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  const { ticketNumber } = await whatsapp(server.url, freshMobile(), 'Otávio Prado', 'Minha internet caiu de novo.');
  const notice = page.getByRole('status').filter({ hasText: `Regra “Avisar sobre WhatsApp”: ticket #${ticketNumber} — ` });
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Abrir ticket' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^#${ticketNumber} `) })).toBeVisible();
});
